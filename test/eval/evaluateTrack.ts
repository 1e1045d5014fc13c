import { answerQuestion } from '../../retrieval/answer/answerQuestion.js';
import type { LoadedIndex } from '../../retrieval/open/loadIndex.js';
import { retrievePassages } from '../../retrieval/retrievePassages.js';
import { cacheTrackIndexes, type TrackIndexes } from './cacheTrackIndexes.js';
import type { EvalQuestion, Track } from './readTrack.js';
import { containsAnswer, RANK_DEPTH, rankOfGold, scoreTrack, type QuestionOutcome, type TrackScores } from './scoreRetrieval.js';
import { exactMatch, tokenF1 } from './scoreShortAnswers.js';

export type TrackResult = TrackScores & { track: string; docs: number };

/** The bot's passage settings (its defaults), so passages are cut as in production. */
export const PASSAGE_SETTINGS = { passageMaxChars: 700, passageOverlapChars: 150 };
/** Citations whose passages are searched for the answer string. */
const CITED = 3;

/**
 * Asks one question twice, as the bot would: a ranking of distinct articles (one passage each,
 * timed) for recall and MRR, and the bot's own answer for what its citations and short answer hold.
 */
async function askQuestion(index: LoadedIndex, documentOf: ReadonlyMap<string, string>, q: EvalQuestion): Promise<QuestionOutcome> {
  const began = performance.now();
  const { passages } = await retrievePassages(index, q.question, { limit: RANK_DEPTH, perSource: 1 });
  const ms = performance.now() - began;
  const stories = passages.map((p) => [p.record.sourceId, ...p.alsoReportedBy].map((id) => documentOf.get(id) ?? id));
  const answer = await answerQuestion(index, q.question);
  const cited = answer.citations.slice(0, CITED).flatMap((c) => c.passages.map((p) => p.passage));
  const source = answer.shortAnswer?.source;
  return {
    rank: rankOfGold(stories, q.doc_id),
    answerInCited: containsAnswer(q.answers, cited),
    ms,
    answerChars: answer.answer === null ? null : answer.answer.length,
    shortAnswer: source === undefined ? null : { exact: exactMatch(source, q.answers), f1: tokenF1(source, q.answers) },
  };
}

export type EvaluateOptions = {
  /** Where indexes come from (and are kept for other tracks); by default built for this track and removed after. */
  indexes?: TrackIndexes;
  /** A track whose corpus the questions are asked of as well, where every answer counts as a false one. */
  offTopic?: Track;
};

/** Builds the track's index through the bot's ingest, asks every question, and scores the answers. */
export async function evaluateTrack(track: Track, { indexes, offTopic }: EvaluateOptions = {}): Promise<TrackResult> {
  const own = indexes ?? cacheTrackIndexes(PASSAGE_SETTINGS);
  try {
    const { index, documentOf } = await own.indexFor(track.corpus);
    // One untimed question first, so lazily built tables (stemmers, CLDR names) do not count as latency.
    await retrievePassages(index, track.questions[0]!.question);
    const outcomes: QuestionOutcome[] = [];
    for (const q of track.questions) outcomes.push(await askQuestion(index, documentOf, q));
    const offTopicAnswered: boolean[] = [];
    if (offTopic) {
      const other = (await own.indexFor(offTopic.corpus)).index;
      for (const q of track.questions) offTopicAnswered.push((await answerQuestion(other, q.question)).answer !== null);
    }
    return { track: track.name, docs: track.corpus.length, ...scoreTrack(outcomes, offTopicAnswered) };
  } finally {
    if (!indexes) await own.cleanup();
  }
}
