import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runConsole } from '../../../bot/console/runConsole.js';
import { createMetrics, type Metrics } from '../../../ingest/core/metrics/createMetrics.js';
import type { LoadedIndex } from '../../../retrieval/open/loadIndex.js';
import { createMemoryLogger } from '../../helpers/tempWorkspace.js';
import { useSeededIndex } from '../../helpers/useSeededIndex.js';

/** Runs the console with `lines` as its input and returns everything it printed. */
async function converse(index: LoadedIndex, lines: string[], metrics: Metrics = createMetrics({ processMetrics: false })): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const done = runConsole(() => index, { input, output, logger: createMemoryLogger(), metrics });
  input.end(lines.map((l) => `${l}\n`).join(''));
  await done;
  return printed;
}

describe('the console front-end', () => {
  const seededIndex = useSeededIndex();

  it('GIVEN a question on its input THEN prints the answer and numbered sources, then ends with the input', async () => {
    const printed = await converse(seededIndex(), ['when did Niger end EU cooperation?']);
    expect(printed).toMatch(/^newsdesk: 2 articles, \d+ passages/);
    expect(printed).toContain('4 December 2023 — ');
    expect(printed).toContain('[1] Niger beralih ke kerja sama pertahanan dengan Rusia — Công Luận · 2023-12-05 · id');
  });

  it('GIVEN a follow-up after a question THEN it is answered about the carried subject, and /new starts afresh', async () => {
    const printed = await converse(seededIndex(), [
      'when did Niger end EU cooperation?',
      'and when did the US one end?',
      '/new',
      'and when did the US one end?',
    ]);
    const [, , followUp, afresh] = printed.split('\n\n');
    expect(followUp).toMatch(/^\(about: Niger, US cooperation\)\nMarch 2024 — /);
    expect(afresh).not.toContain('(about:');
  });

  it('GIVEN an answer from an article cited with two passages THEN the article is listed once, its passages under it', async () => {
    const printed = await converse(seededIndex(), ['Which Russian air defense system arrived in Niger?']);
    expect(printed).toContain('S-300 — ');
    const sources = printed.split('\n').filter((line) => /^\[\d\] /.test(line));
    expect(sources.filter((line) => line.includes('موقع الدفاع العربي'))).toHaveLength(1);
    expect(printed).toMatch(/\[1\] .*\n {4}¶ .+\n {4}¶ /);
  });

  it('GIVEN /sources, an unknown command, an unanswerable question and /quit THEN each gets its reply and nothing after /quit is answered', async () => {
    const metrics = createMetrics({ processMetrics: false });
    const printed = await converse(
      seededIndex(),
      ['/sources', '/nope', 'who won the 2022 football world cup?', '/quit', 'when did Niger end EU cooperation?'],
      metrics,
    );
    expect(printed).toContain('موقع الدفاع العربي · 2024-05-05 · ar');
    expect(printed).toContain('Unknown command /nope.');
    expect(printed).toContain('I found nothing about that in the articles I have.');
    expect(printed).not.toContain('December 2023');
    // The metrics it was given saw the one question asked before /quit, and only that one.
    const text = await metrics.registry.metrics();
    expect(text).toContain('newsdesk_questions_total{outcome="no_answer"} 1');
    expect(text).toContain('newsdesk_questions_total{outcome="answered"} 0');
  });
});
