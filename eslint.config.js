// ESLint: the recommended JavaScript and typescript-eslint rules (without type information, so the
// whole tree lints in seconds), plus the house's layering: imports point upstream only
// (bot → retrieval → ingest; inside ingest core ← text ← index/embed ← pipeline), no import cycles,
// and discord.js only under bot/discord/. Formatting is Prettier's job (`npm run lint` checks both).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** Builds one `import-x/no-restricted-paths` zone: files under `target` may not import from `from`. */
const zone = (target, from, message) => ({ target, from, message });

const DISCORD_ONLY_IN_BOT = 'Domain code never imports discord.js: only bot/discord/ (and the tests) talk to Discord.';

const upstreamOnly = [
  zone('./ingest', ['./retrieval', './bot'], 'ingest/ is upstream of retrieval/ and bot/: move the shared code into ingest/.'),
  zone('./retrieval', './bot', 'retrieval/ is upstream of bot/: pass what it needs in as a parameter.'),
  // The files at the top (vitest.config.ts, this one) are not front-ends either: only bot/ and test/ import bot/.
  zone(['./*.ts', './*.js'], './bot', 'Nothing outside bot/ and test/ imports bot/.'),
  zone(
    './ingest/core',
    ['./ingest/text', './ingest/index', './ingest/embed', './ingest/pipeline'],
    'ingest/core/ imports only ingest/core/.',
  ),
  zone(
    './ingest/text',
    ['./ingest/index', './ingest/embed', './ingest/pipeline'],
    'ingest/text/ imports only ingest/core/ and ingest/text/.',
  ),
  zone(
    './ingest/index',
    ['./ingest/embed', './ingest/pipeline'],
    'ingest/index/ imports only ingest/core/, ingest/text/ and ingest/index/.',
  ),
  zone(
    './ingest/embed',
    './ingest/pipeline',
    'ingest/embed/ must not import ingest/pipeline/: the pipeline uses the embedders, not the reverse.',
  ),
];

export default defineConfig([
  {
    ignores: ['coverage/', '.index/', '.index.*/', 'var/', 'seeds/', 'test/eval/fixture/', 'ingest/text/lexicon/data/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,js,mjs}'],
    plugins: { 'import-x': importX },
    settings: {
      // Without these, import-x reads only .js files when it follows imports, and no-cycle sees no TypeScript.
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      // Resolves our `./x.js` specifiers to the `./x.ts` files, as tsc does (NodeNext).
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: `${import.meta.dirname}/tsconfig.json` })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: upstreamOnly }],
      // no-restricted-paths passes over an import it cannot resolve: make such an import an error instead.
      'import-x/no-unresolved': 'error',
      // A cycle of type-only imports is erased at run time: import-x does not count it.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // tsc (noUnusedLocals) already reports unused names; like tsc, accept `_x` parameters, a
      // `for (const _ of …)` that only counts or drains, and the `{ dropped: _, ...kept }` idiom that omits a property.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'discord.js', message: DISCORD_ONLY_IN_BOT }],
          patterns: [{ group: ['@discordjs/*'], message: DISCORD_ONLY_IN_BOT }],
        },
      ],
    },
  },
  {
    files: ['bot/discord/**', 'test/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
]);
