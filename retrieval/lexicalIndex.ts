import type { QueryGroup } from '../ingest/text/analyzeText.js';
import type { LexicalPostings } from '../ingest/index/lexicalPostings.js';

/**
 * BM25 over the postings ingest saved with the index (k1 = 1.2, b = 0.75, Lucene's idf).
 * A question's word may appear under several terms (its stem in two languages, a CLDR concept):
 * each group scores as its best alternative, so expansion never counts a word twice.
 */

const K1 = 1.2;
const B = 0.75;

export type LexicalHit = {
  label: number;
  score: number;
  /** How many of the question's groups the passage contains. */
  matchedGroups: number;
  /** The summed weight (see `groupWeight`) of the groups the passage contains. */
  matchedWeight: number;
};

export class LexicalIndex {
  private scratch: Scratch | undefined;

  constructor(private readonly postings: LexicalPostings) {}

  get size(): number {
    return this.postings.passageCount;
  }

  documentFrequency(term: string): number {
    return this.postings.documentFrequency(this.postings.termId(term));
  }

  idf(term: string): number {
    return this.idfOf(this.documentFrequency(term));
  }

  private idfOf(df: number): number {
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /** The idf of a term no passage holds: the largest there is. */
  unseenIdf(): number {
    return Math.log(1 + (this.size + 0.5) / 0.5);
  }

  /**
   * How much a group says about a passage: the idf of its rarest alternative in the index, or
   * of an unseen term when none of them occurs (a word the archive never uses is telling).
   */
  groupWeight(group: QueryGroup): number {
    let weight = 0;
    let seen = false;
    for (const term of group.alternatives) {
      if (this.documentFrequency(term) === 0) continue;
      seen = true;
      weight = Math.max(weight, this.idf(term));
    }
    return seen ? weight : this.unseenIdf();
  }

  /** The best `limit` passages for the question's groups, optionally restricted by `accept`. */
  search(groups: readonly QueryGroup[], limit: number, accept?: (label: number) => boolean): LexicalHit[] {
    const { offsets, labels, counts, lengths } = this.postings;
    const averageLength = this.postings.totalLength / Math.max(1, this.size);
    const { score, matchedGroups, matchedWeight, best } = this.scratchFor(lengths.length);
    const scored: number[] = [];
    for (const group of groups) {
      const weight = this.groupWeight(group);
      const matched: number[] = [];
      for (const term of new Set(group.alternatives)) {
        const id = this.postings.termId(term);
        if (id < 0) continue;
        const idf = this.idfOf(this.postings.documentFrequency(id));
        for (let i = offsets[id]!; i < offsets[id + 1]!; i++) {
          const label = labels[i]!;
          const tf = counts[i]!;
          const s = (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * lengths[label]!) / averageLength));
          if (best[label] === 0) matched.push(label);
          if (s > best[label]!) best[label] = s;
        }
      }
      for (const label of matched) {
        if (matchedGroups[label] === 0) scored.push(label);
        score[label]! += best[label]!;
        matchedGroups[label]! += 1;
        matchedWeight[label]! += weight;
        best[label] = 0;
      }
    }
    const top = selectTop(scored.filter((label) => !accept || accept(label)), limit, (a, b) => score[b]! - score[a]! || a - b);
    const hits = top.map((label) => ({ label, score: score[label]!, matchedGroups: matchedGroups[label]!, matchedWeight: matchedWeight[label]! }));
    for (const label of scored) {
      score[label] = 0;
      matchedGroups[label] = 0;
      matchedWeight[label] = 0;
    }
    return hits;
  }

  /**
   * Dense per-label arrays for scoring, reused by every search (questions are answered one at a
   * time: search is synchronous). Maps per search made BM25 over 100k passages the slowest part
   * of answering; arrays indexed by label are an order of magnitude faster and allocate nothing.
   */
  private scratchFor(size: number): Scratch {
    if (!this.scratch || this.scratch.score.length < size) {
      this.scratch = { score: new Float64Array(size), matchedGroups: new Uint32Array(size), matchedWeight: new Float64Array(size), best: new Float64Array(size) };
    }
    return this.scratch;
  }
}

type Scratch = { score: Float64Array; matchedGroups: Uint32Array; matchedWeight: Float64Array; best: Float64Array };

/** The first `limit` items in `compare` order (as sort then slice would give), without sorting them all. */
function selectTop(items: number[], limit: number, compare: (a: number, b: number) => number): number[] {
  if (limit <= 0) return [];
  if (items.length <= limit * 4) return items.sort(compare).slice(0, limit);
  const kept: number[] = [];
  for (const item of items) {
    if (kept.length === limit && compare(item, kept[limit - 1]!) >= 0) continue;
    let at = kept.length === limit ? limit - 1 : kept.length;
    while (at > 0 && compare(item, kept[at - 1]!) < 0) {
      kept[at] = kept[at - 1]!;
      at--;
    }
    kept[at] = item;
  }
  return kept;
}
