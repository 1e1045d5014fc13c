import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateTrack } from './evaluateTrack.js';
import { pickOffTopicTrack } from './pickOffTopicTrack.js';
import { listTracks, readTrack, type Track } from './readTrack.js';

const FIXTURES = resolve(import.meta.dirname, 'fixture');

/** A corpus on other subjects; one article shares the volcano question's words without saying what closed. */
const elsewhere: Track = {
  name: 'elsewhere',
  corpus: [
    {
      id: 'e1',
      lang: 'en',
      title: '',
      text: "The city council approved a new budget for public libraries on Tuesday, with more money for children's books.",
    },
    {
      id: 'e2',
      lang: 'en',
      title: '',
      text: 'A volcanic eruption is the release of lava and gas; scientists measure its ash clouds with satellites.',
    },
  ],
  questions: [],
};

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
      // "airport for three days" against "the airport" (F1 0.4) and a wrong short answer for the lighthouse: 0.4 / 3.
      shortEm: 0,
      shortF1: 13.3,
      shortShare: 66.7,
      // The football question finds nothing.
      noAnswer: 33.3,
      falseAnswer: null,
    });
    expect(result.meanAnswerChars).toBeGreaterThan(0);
    expect(result.p50ms).toBeGreaterThan(0);
    expect(result.p95ms).toBeGreaterThanOrEqual(result.p50ms);
  });

  it('GIVEN an off-topic corpus THEN the share of its questions answered from it is the false-answer rate', async () => {
    const result = await evaluateTrack(await readTrack(join(FIXTURES, 'tiny'), 'tiny'), { offTopic: elsewhere });
    // Only the volcano question is answered there (from e2, which does not say what closed).
    expect(result.falseAnswer).toBe(33.3);
  });
});

describe('pickOffTopicTrack', () => {
  const track = (name: string, lang: string, ids: string[]): Track => ({
    name,
    corpus: ids.map((id) => ({ id, lang, title: '', text: 'x' })),
    questions: [],
  });

  it('GIVEN tracks in several languages, one sharing the corpus THEN the off-topic corpus is another one in the same language', () => {
    const xquadAr = track('xquad-ar', 'ar', ['x1', 'x2']);
    const xquadEnAr = track('xquad-en-ar', 'ar', ['x1', 'x2']);
    const tydiAr = track('tydi-ar', 'ar', ['t1']);
    const tydiId = track('tydi-id', 'id', ['i1']);
    const all = [xquadAr, xquadEnAr, tydiAr, tydiId];
    expect(pickOffTopicTrack(xquadEnAr, all)?.name).toBe('tydi-ar');
    expect(pickOffTopicTrack(tydiAr, all)?.name).toBe('xquad-ar');
    expect(pickOffTopicTrack(tydiId, all)).toBeUndefined();
  });
});
