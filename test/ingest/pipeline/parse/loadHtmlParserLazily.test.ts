import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const PROJECT_ROOT = resolve(import.meta.dirname, '../../../..');

/** In a process of its own (vitest's workers may have loaded it for other tests): is linkedom loaded before and after an HTML page? */
const script = `
import { createRequire } from 'node:module';
const { parseSeed } = await import(${JSON.stringify(pathToFileURL(resolve(PROJECT_ROOT, 'ingest/pipeline/parse/parseSeed.ts')).href)});
const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((path) => path.includes('/node_modules/linkedom/'));
const markdown = parseSeed('a.md', '---\\ntitle: Niger\\n---\\n\\nNiger mengakhiri kerja sama keamanan dengan Uni Eropa pada 4 Desember 2023.');
const afterMarkdown = loaded();
const html = parseSeed('b.html', '<html><body><h1>Niger</h1><p>Niger mengakhiri kerja sama keamanan dengan Uni Eropa pada 4 Desember 2023.</p></body></html>');
console.log(JSON.stringify({ afterMarkdown, afterHtml: loaded(), ok: [markdown.ok, html.ok] }));
`;

describe('the HTML parser is loaded on the first HTML page', () => {
  it('GIVEN a process that parses a Markdown page and then an HTML page THEN linkedom is loaded only for the HTML page', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: PROJECT_ROOT });
    expect(JSON.parse(stdout.trim())).toEqual({ afterMarkdown: false, afterHtml: true, ok: [true, true] });
  });
});
