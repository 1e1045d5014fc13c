import type { DocumentInterface } from '@langchain/core/documents';
import { analyzeQuery, type QueryAnalysis } from '../ingest/text/analyzeText.js';
import { baseLanguage } from '../ingest/text/baseLanguage.js';
import { detectLanguage } from '../ingest/text/detectLanguage.js';
import type { PassageRecord } from '../ingest/index/indexTypes.js';
import type { LoadedIndex } from './open/loadIndex.js';
import { fuseRankings } from './fuseRankings.js';
import { collapseStories } from './news/collapseStories.js';
import { ledeFirst } from './news/ledeFirst.js';
import { toPassageDocument, type PassageDocumentMetadata } from './toPassageDocument.js';

/**
 * Hybrid retrieval: lexical BM25 and dense hnswlib search each rank candidates, reciprocal-rank
 * fusion merges them, passages that share too little with the question are dropped (so "nothing
 * relevant" is an empty list), near-duplicate articles collapse into one story, and each story
 * contributes at most a few passages, its lede first. Between equally relevant passages the
 * newer article wins.
 */

export type RetrievedPassage = {
  document: DocumentInterface<PassageDocumentMetadata>;
  record: PassageRecord;
  /** Fused relevance (higher is better). */
  score: number;
  /** Cosine distance from the question in the dense index; null when dense search missed it. */
  distance: number | null;
  lexicalScore: number;
  /** Share of the question's words (or names) that the passage contains. */
  coverage: number;
  /** Share of the question's weight (the idf of its words, see LexicalIndex.groupWeight) the passage holds. */
  share: number;
  /** Other articles carrying the same story (near-duplicates of this one), best-ranked first. */
  alsoReportedBy: string[];
};

export type RetrieveOptions = {
  limit?: number;
  perSource?: number;
  /** Only articles published on or after / before this ISO date. */
  since?: string;
  until?: string;
};

export type Retrieval = {
  query: QueryAnalysis;
  passages: RetrievedPassage[];
  /** The language detected in the text searched (a BCP 47 tag, "und" when it cannot be told). */
  detected: string;
};

const CANDIDATES = 50;
const LEXICAL_WEIGHT = 1;
/**
 * The offline hashing embedder sees a subset of what lexical search sees, without idf: fused at
 * any real weight it lowered every evaluation track (`npm run eval`). This weight is too small
 * to reorder two lexical ranks within CANDIDATES (w/(K+1) < 1/(K+C)²), so it only orders passages
 * lexical search scored equally; it is computed exactly over the lexical candidates alone (a
 * passage lexical search missed would rank below every one of them). Neural embedders are fused
 * as equals, over a graph search of the whole index.
 */
const OFFLINE_DENSE_WEIGHT = 0.001;
/**
 * Relevance floor, on the share of the question's weight (the idf of its words, see
 * LexicalIndex.groupWeight) that a passage holds: some passage must hold MIN_COVERAGE for the
 * question to be answered at all, and each passage kept must hold MIN_PASSAGE_COVERAGE…
 */
const MIN_COVERAGE = 0.2;
const MIN_PASSAGE_COVERAGE = 0.1;
/** …unless it is at least this similar to the question in the dense space. */
const MIN_SIMILARITY = 0.35;

/** The question's language when it can be told, then English and the archive's languages. */
function languagesFor(
  question: string,
  index: LoadedIndex,
): { detected: string; questionLanguage: string | undefined; languages: string[] } {
  const detected = detectLanguage(question);
  const questionLanguage = detected === 'und' ? undefined : baseLanguage(detected);
  return {
    detected,
    questionLanguage,
    languages: [...new Set([...(questionLanguage ? [questionLanguage] : []), 'en', ...index.languages])],
  };
}

type Candidate = {
  label: number;
  score: number;
  distance: number | null;
  lexicalScore: number;
  matchedGroups: number;
  share: number;
  published: string;
};

export async function retrievePassages(index: LoadedIndex, question: string, options: RetrieveOptions = {}): Promise<Retrieval> {
  const { store, lexical } = index;
  const { detected, questionLanguage, languages } = languagesFor(question, index);
  const query = analyzeQuery(question, languages, questionLanguage ? { questionLanguage } : {});
  const publishedOf = (label: number) => store.sources.get(store.passage(label)?.sourceId ?? '')?.published ?? null;
  const inRange = (record: PassageRecord) => {
    const published = store.sources.get(record.sourceId)?.published;
    if (!published) return false;
    return (!options.since || published >= options.since) && (!options.until || published <= options.until);
  };
  const accept = options.since || options.until ? inRange : undefined;

  const lexicalHits = lexical.search(query.groups, CANDIDATES, accept ? (label) => accept(store.passage(label)!) : undefined);
  const vector = await index.embedder.embeddings.embedQuery(question);
  const offline = index.embedder.identity.provider === 'offline';
  // Offline, the dense side only orders lexical candidates (see OFFLINE_DENSE_WEIGHT), so it ranks exactly those, with no graph search.
  const denseHits = offline
    ? await store.rankLabels(
        vector,
        lexicalHits.map((hit) => hit.label),
      )
    : await store.searchLabels(vector, CANDIDATES, accept);
  const fused = fuseRankings([
    { weight: LEXICAL_WEIGHT, items: lexicalHits },
    { weight: offline ? OFFLINE_DENSE_WEIGHT : 1, items: denseHits.map(([label, distance]) => ({ label, score: -distance })) },
  ]);

  const questionWeight = query.groups.reduce((sum, group) => sum + lexical.groupWeight(group), 0) || 1;
  const lexicalOf = new Map(lexicalHits.map((hit) => [hit.label, hit]));
  const distanceOf = new Map(denseHits);
  const candidates: Candidate[] = [...fused].map(([label, score]) => {
    const hit = lexicalOf.get(label);
    return {
      label,
      score,
      distance: distanceOf.get(label) ?? null,
      lexicalScore: hit?.score ?? 0,
      matchedGroups: hit?.matchedGroups ?? 0,
      share: (hit?.matchedWeight ?? 0) / questionWeight,
      published: publishedOf(label) ?? '',
    };
  });
  const similar = (c: Candidate) => c.distance !== null && 1 - c.distance >= MIN_SIMILARITY;
  // The question is answered only if some passage holds enough of it; then weaker passages may join.
  const answerable = candidates.some((c) => c.share >= MIN_COVERAGE);
  const ranked = candidates
    .filter((c) => (answerable && c.share >= MIN_PASSAGE_COVERAGE) || similar(c))
    // Equally relevant: the newer article first (ISO dates compare as strings; undated last).
    .sort((a, b) => b.score - a.score || b.published.localeCompare(a.published) || b.lexicalScore - a.lexicalScore || a.label - b.label);

  const groups = Math.max(1, query.groups.length);
  const picks = collapseStories(store, ranked, (c) => store.passage(c.label), {
    limit: options.limit ?? 4,
    perSource: options.perSource ?? 2,
  });
  const passages = picks.map(({ candidate: c, record, alsoReportedBy }): RetrievedPassage => ({
    document: toPassageDocument(store, record),
    record,
    score: c.score,
    distance: c.distance,
    lexicalScore: c.lexicalScore,
    coverage: c.matchedGroups / groups,
    share: c.share,
    alsoReportedBy,
  }));
  return { query, passages: ledeFirst(passages), detected };
}
