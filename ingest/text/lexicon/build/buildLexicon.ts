import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { knownWordsFileName, serializeKnownWords } from '../knownWordsFile.js';
import { LEXICON_DATA_DIR, openLexiconShelf } from '../loadLexicon.js';
import { generateLexiconFile } from './generateLexiconFile.js';
import { LEXICON_SOURCES } from './lexiconSources.js';
import { listKnownStems } from './listKnownStems.js';

/**
 * `npm run build-lexicon`: regenerates ingest/text/lexicon/data/ from the FreeDict dictionaries
 * installed by apt (see the README there), one file per pair, and from them each language's
 * known-word list (knownWordsFile). Run it after a dictionary
 * package or the generator changes; nothing else needs the dictionaries installed.
 */

const USAGE = 'usage: npm run build-lexicon -- [--pair eng-ind] [--dictd-dir /usr/share/dictd] [--doc-dir /usr/share/doc] [--out <dir>]';
const argsSchema = z.object({
  pair: z.array(z.enum(LEXICON_SOURCES.map((s) => s.pair) as [string, ...string[]])).default([]),
  'dictd-dir': z.string().min(1).default('/usr/share/dictd'),
  'doc-dir': z.string().min(1).default('/usr/share/doc'),
  out: z.string().min(1).default(LEXICON_DATA_DIR),
});

async function main(): Promise<number> {
  let args: z.infer<typeof argsSchema>;
  try {
    const { values } = parseArgs({
      options: {
        pair: { type: 'string', multiple: true },
        'dictd-dir': { type: 'string' },
        'doc-dir': { type: 'string' },
        out: { type: 'string' },
      },
      strict: true,
    });
    args = argsSchema.parse(values);
  } catch (error) {
    const detail = error instanceof z.ZodError ? z.prettifyError(error) : (error as Error).message;
    process.stderr.write(`${detail}\n${USAGE}\n`);
    return 2;
  }
  const sources = args.pair.length > 0 ? LEXICON_SOURCES.filter((s) => args.pair.includes(s.pair)) : LEXICON_SOURCES;
  try {
    for (const source of sources) {
      const { header, text } = await generateLexiconFile(source, { dictdDir: args['dictd-dir'], docDir: args['doc-dir'] });
      const file = join(args.out, `${source.pair}.tsv`);
      await writeFile(file, text);
      process.stdout.write(
        `${file}: ${header.headwords} headwords, ${text.length} characters (${header.package} ${header.packageVersion}, edition ${header.edition}, ${header.licence})\n`,
      );
    }
    // The known-word lists are read from the lexicons just written, for each language they touch.
    const shelf = openLexiconShelf(args.out);
    for (const language of new Set(sources.flatMap((s) => [s.from, s.to]).filter((l) => l !== 'en'))) {
      const known = listKnownStems(shelf, language);
      if (!known) continue;
      const file = join(args.out, knownWordsFileName(language));
      await writeFile(file, serializeKnownWords(language, known.sources, known.stems));
      process.stdout.write(`${file}: ${known.stems.length} stems (${known.sources.map((s) => s.pair).join(', ')})\n`);
    }
    return 0;
  } catch (error) {
    process.stderr.write(
      `build-lexicon failed: ${(error as Error).message}\n(install the dictionaries first: apt-get install ${sources.map((s) => s.package).join(' ')})\n`,
    );
    return 1;
  }
}

process.exitCode = await main();
