import type { Document } from '@langchain/core/documents';
import { analyzeQuery, type QueryAnalysis } from '../ingest/analysis/analyzeText.js';
import { detectLanguage } from '../ingest/parse/detectLanguage.js';
import type { PassageDocumentMetadata, PassageRecord } from '../ingest/store/passageStore.js';
import type { LoadedIndex } from './loadIndex.js';

/**
 * Hybrid retrieval: lexical BM25 and dense hnswlib search each rank candidates, reciprocal-rank
 * fusion merges them, each article contributes at most a few passages, and passages that share
 * too little with the question are dropped, so "nothing relevant" is an empty list.
 */

export type RetrievedPassage = {
  document: Document<PassageDocumentMetadata>;
  record: PassageRecord;
  /** Fused relevance (higher is better). */
  score: number;
  /** Cosine distance from the question in the dense index; null when dense search missed it. */
  distance: number | null;
  lexicalScore: number;
  /** Share of the question's words (or names) that the passage contains. */
  coverage: number;
};

export type RetrieveOptions = {
  limit?: number;
  perSource?: number;
  /** Only articles published on or after / before this ISO date. */
  since?: string;
  until?: string;
};

export type Retrieval = { query: QueryAnalysis; passages: RetrievedPassage[] };

const CANDIDATES = 50;
const RRF_K = 60;
const LEXICAL_WEIGHT = 1;
const DENSE_WEIGHT = 1;
/** Relevance floor: a passage must hold this share of the question's words… */
const MIN_COVERAGE = 1 / 3;
/** …or be at least this similar to it in the dense space. */
const MIN_SIMILARITY = 0.35;

function languagesFor(question: string, index: LoadedIndex): string[] {
  const detected = detectLanguage(question);
  return [...new Set([...(detected === 'und' ? [] : [detected.split('-')[0]!]), 'en', ...index.languages])];
}

export async function retrievePassages(index: LoadedIndex, question: string, options: RetrieveOptions = {}): Promise<Retrieval> {
  const { store, lexical } = index;
  const limit = options.limit ?? 4;
  const perSource = options.perSource ?? 2;
  const query = analyzeQuery(question, languagesFor(question, index));
  const inRange = (record: PassageRecord) => {
    if (!options.since && !options.until) return true;
    const published = store.sources.get(record.sourceId)?.published;
    if (!published) return false;
    return (!options.since || published >= options.since) && (!options.until || published <= options.until);
  };
  const accept = options.since || options.until ? inRange : undefined;

  const lexicalHits = lexical.search(query.groups, CANDIDATES, accept ? (label) => accept(store.passage(label)!) : undefined);
  const vector = await index.embedder.embeddings.embedQuery(question);
  const denseHits = store.searchLabels(vector, CANDIDATES, accept);

  type Candidate = { label: number; score: number; distance: number | null; lexicalScore: number; matchedGroups: number };
  const candidates = new Map<number, Candidate>();
  const candidate = (label: number) => {
    let c = candidates.get(label);
    if (!c) candidates.set(label, (c = { label, score: 0, distance: null, lexicalScore: 0, matchedGroups: 0 }));
    return c;
  };
  lexicalHits.forEach((hit, rank) => {
    const c = candidate(hit.label);
    c.score += LEXICAL_WEIGHT / (RRF_K + rank + 1);
    c.lexicalScore = hit.score;
    c.matchedGroups = hit.matchedGroups;
  });
  denseHits.forEach(([label, distance], rank) => {
    const c = candidate(label);
    c.score += DENSE_WEIGHT / (RRF_K + rank + 1);
    c.distance = distance;
  });

  const groups = Math.max(1, query.groups.length);
  const ranked = [...candidates.values()]
    .filter((c) => c.matchedGroups / groups >= MIN_COVERAGE || (c.distance !== null && 1 - c.distance >= MIN_SIMILARITY))
    .sort((a, b) => b.score - a.score || b.lexicalScore - a.lexicalScore || a.label - b.label);

  const perArticle = new Map<string, number>();
  const passages: RetrievedPassage[] = [];
  for (const c of ranked) {
    const record = store.passage(c.label);
    if (!record) continue;
    const taken = perArticle.get(record.sourceId) ?? 0;
    if (taken >= perSource) continue;
    perArticle.set(record.sourceId, taken + 1);
    passages.push({ document: store.toDocument(record), record, score: c.score, distance: c.distance, lexicalScore: c.lexicalScore, coverage: c.matchedGroups / groups });
    if (passages.length >= limit) break;
  }
  return { query, passages };
}
