import { answerQuestion } from '../../retrieval/answer/answerQuestion.js';
import type { LoadedIndex } from '../../retrieval/open/loadIndex.js';
import { retrievePassages } from '../../retrieval/retrievePassages.js';
import { buildTrackIndex } from './buildTrackIndex.js';
import type { EvalQuestion, Track } from './readTrack.js';
import { containsAnswer, RANK_DEPTH, rankOfGold, scoreTrack, type QuestionOutcome, type TrackScores } from './scoreRetrieval.js';

export type TrackResult = TrackScores & { track: string; docs: number };

/** The bot's passage settings (its defaults), so passages are cut as in production. */
const PASSAGE_SETTINGS = { passageMaxChars: 700, passageOverlapChars: 150 };
/** Citations whose passages are searched for the answer string. */
const CITED = 3;

/**
 * Asks one question twice, as the bot would: a ranking of distinct articles (one passage each,
 * timed) for recall and MRR, and the bot's own answer for what its citations hold.
 */
async function askQuestion(index: LoadedIndex, documentOf: ReadonlyMap<string, string>, q: EvalQuestion): Promise<QuestionOutcome> {
  const began = performance.now();
  const { passages } = await retrievePassages(index, q.question, { limit: RANK_DEPTH, perSource: 1 });
  const ms = performance.now() - began;
  const stories = passages.map((p) => [p.record.sourceId, ...p.alsoReportedBy].map((id) => documentOf.get(id) ?? id));
  const answer = await answerQuestion(index, q.question);
  const cited = answer.citations.slice(0, CITED).map((c) => c.passage);
  return { rank: rankOfGold(stories, q.doc_id), answerInCited: containsAnswer(q.answers, cited), ms };
}

/** Builds the track's index through the bot's ingest, asks every question, and scores the answers. */
export async function evaluateTrack(track: Track): Promise<TrackResult> {
  const { index, documentOf, cleanup } = await buildTrackIndex(track.corpus, PASSAGE_SETTINGS);
  try {
    // One untimed question first, so lazily built tables (stemmers, CLDR names) do not count as latency.
    await retrievePassages(index, track.questions[0]!.question);
    const outcomes: QuestionOutcome[] = [];
    for (const q of track.questions) outcomes.push(await askQuestion(index, documentOf, q));
    return { track: track.name, docs: track.corpus.length, ...scoreTrack(outcomes) };
  } finally {
    await cleanup();
  }
}
