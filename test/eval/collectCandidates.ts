import { pickCandidate, readCandidates, type ReadCandidate } from '../../retrieval/answer/reader/chooseSpan.js';
import { FEATURE_NAMES } from '../../retrieval/answer/reader/featureNames.js';
import { readQuestion } from '../../retrieval/answer/readQuestion.js';
import type { LoadedIndex } from '../../retrieval/open/loadIndex.js';
import type { CandidateGroup } from './fitSpanWeights.js';
import type { EvalQuestion } from './readTrack.js';
import { exactMatch, tokenF1 } from './scoreShortAnswers.js';

/** A question's candidate spans as the bot reads them, each scored against the gold answers. */
export type ScoredQuestion = CandidateGroup & { candidates: ReadCandidate[]; exact: boolean[] };

/** Reads every question as answerQuestion does; a refused question or one with no candidate has none. */
export async function collectCandidates(index: LoadedIndex, questions: readonly EvalQuestion[]): Promise<ScoredQuestion[]> {
  const width = FEATURE_NAMES.length;
  const scored: ScoredQuestion[] = [];
  for (const q of questions) {
    const { form, read } = await readQuestion(index, q.question, q.question);
    const candidates = read ? readCandidates(form, read.sentences) : [];
    const features = new Float64Array(candidates.length * width);
    candidates.forEach((c, i) => features.set(c.features, i * width));
    const sources = candidates.map((c) => c.sentence.text.slice(c.span.start, c.span.end));
    scored.push({
      candidates,
      features,
      width,
      gains: Float64Array.from(sources.map((s) => tokenF1(s, q.answers))),
      exact: sources.map((s) => exactMatch(s, q.answers)),
    });
  }
  return scored;
}

/** Short-answer EM and F1 (percent over all the questions) when the reader picks with `weights`. */
export function scorePicks(questions: readonly ScoredQuestion[], weights: Readonly<Record<string, number>>): { em: number; f1: number } {
  let em = 0;
  let f1 = 0;
  for (const q of questions) {
    const chosen = pickCandidate(q.candidates, weights);
    if (!chosen) continue;
    const i = q.candidates.findIndex((c) => c.span === chosen.span && c.sentence === chosen.sentence);
    f1 += q.gains[i]!;
    if (q.exact[i]) em++;
  }
  const n = Math.max(1, questions.length);
  return { em: (100 * em) / n, f1: (100 * f1) / n };
}
