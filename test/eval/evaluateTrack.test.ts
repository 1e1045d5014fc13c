import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateTrack } from './evaluateTrack.js';
import { listTracks, readTrack } from './readTrack.js';

const FIXTURES = resolve(import.meta.dirname, 'fixture');

describe('evaluateTrack on the fixture track', () => {
  it('GIVEN golds ranked 1st, 2nd and not found THEN the metrics say so', async () => {
    expect(await listTracks(FIXTURES)).toEqual(['tiny']);
    const result = await evaluateTrack(await readTrack(join(FIXTURES, 'tiny'), 'tiny'));
    expect(result).toMatchObject({
      track: 'tiny',
      docs: 4,
      questions: 3,
      r1: 33.3,
      r5: 66.7,
      // (1 + 1/2 + 0) / 3
      mrr10: 50,
      // The volcano and lighthouse answers are in passages cited 1–3; the bakery's is never cited.
      answerInCited: 66.7,
    });
    expect(result.p50ms).toBeGreaterThan(0);
    expect(result.p95ms).toBeGreaterThanOrEqual(result.p50ms);
  });
});
