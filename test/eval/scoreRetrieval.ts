/**
 * The metrics of the evaluation, as pure functions over what each question got back, so they
 * can be checked on hand-made rankings and answers.
 */

/** Ranks considered for MRR and reported ranks. */
export const RANK_DEPTH = 10;

export type QuestionOutcome = {
  /** 1-based rank of the gold document among the distinct documents returned; null when not in the top RANK_DEPTH. */
  rank: number | null;
  /** Whether an answer string appears verbatim in a passage cited 1–3. */
  answerInCited: boolean;
  /** Time the retrieval took. */
  ms: number;
  /** Length of the answer text; null when the bot found nothing. */
  answerChars: number | null;
  /** How the short answer's source span scored against the gold answers; null when there was none. */
  shortAnswer: { exact: boolean; f1: number } | null;
};

export type TrackScores = {
  questions: number;
  /** Percentages, 0–100. */
  r1: number;
  r5: number;
  mrr10: number;
  answerInCited: number;
  p50ms: number;
  p95ms: number;
  /** Short-answer exact match and token F1 over all questions (none given scores 0). */
  shortEm: number;
  shortF1: number;
  /** % of questions answered with a short answer. */
  shortShare: number;
  /** Mean length of the answer text, in characters, over the questions answered. */
  meanAnswerChars: number;
  /** % of questions answered "nothing found". */
  noAnswer: number;
  /** % of off-topic questions (asked of another corpus) that got an answer; null when none were asked. */
  falseAnswer: number | null;
};

/**
 * The rank of `gold` in a ranking of stories, each a list of document ids (a story and the
 * near-duplicates collapsed into it share one rank). Null when it is not in the first RANK_DEPTH.
 */
export function rankOfGold(stories: readonly (readonly string[])[], gold: string): number | null {
  const at = stories.slice(0, RANK_DEPTH).findIndex((documents) => documents.includes(gold));
  return at === -1 ? null : at + 1;
}

const singleSpaced = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * True when one of the answers is an exact (case-sensitive) substring of one of the passages,
 * runs of white space counting as one space: ingest normalises spacing, the datasets do not.
 */
export function containsAnswer(answers: readonly string[], passages: readonly string[]): boolean {
  const texts = passages.map(singleSpaced);
  return answers.some((answer) => texts.some((text) => text.includes(singleSpaced(answer))));
}

/** The nearest-rank percentile (`p` in 0–100) of a list of numbers; 0 for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));
const share = (count: number, total: number) => round((100 * count) / Math.max(1, total), 1);

/**
 * Scores a track from its questions' outcomes and, for the false-answer rate, whether each
 * off-topic question got an answer.
 */
export function scoreTrack(outcomes: readonly QuestionOutcome[], offTopicAnswered?: readonly boolean[]): TrackScores {
  const n = outcomes.length;
  const answered = outcomes.flatMap((o) => (o.answerChars === null ? [] : [o.answerChars]));
  const shorts = outcomes.flatMap((o) => (o.shortAnswer ? [o.shortAnswer] : []));
  const within = (k: number) => outcomes.filter((o) => o.rank !== null && o.rank <= k).length;
  const reciprocal = outcomes.reduce((sum, o) => sum + (o.rank !== null && o.rank <= RANK_DEPTH ? 1 / o.rank : 0), 0);
  const times = outcomes.map((o) => o.ms);
  return {
    questions: n,
    r1: share(within(1), n),
    r5: share(within(5), n),
    mrr10: round((100 * reciprocal) / Math.max(1, n), 1),
    answerInCited: share(outcomes.filter((o) => o.answerInCited).length, n),
    p50ms: round(percentile(times, 50), 2),
    p95ms: round(percentile(times, 95), 2),
    shortEm: share(shorts.filter((s) => s.exact).length, n),
    shortF1: round((100 * shorts.reduce((sum, s) => sum + s.f1, 0)) / Math.max(1, n), 1),
    shortShare: share(shorts.length, n),
    meanAnswerChars: round(answered.reduce((sum, chars) => sum + chars, 0) / Math.max(1, answered.length), 0),
    noAnswer: share(n - answered.length, n),
    falseAnswer: offTopicAnswered?.length ? share(offTopicAnswered.filter(Boolean).length, offTopicAnswered.length) : null,
  };
}
