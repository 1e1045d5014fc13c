import type { QueryGroup } from '../ingest/analysis/analyzeText.js';
import type { PassageRecord } from '../ingest/store/passageStore.js';

/**
 * BM25 over the stored analysed terms of every passage (k1 = 1.2, b = 0.75, Lucene's idf).
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

type Postings = { labels: number[]; counts: number[] };

export class LexicalIndex {
  private readonly postings = new Map<string, Postings>();
  private readonly lengths = new Map<number, number>();
  private totalLength = 0;
  /** One more than the largest label: the size of the scoring arrays. */
  private labelLimit = 0;
  private scratch: Scratch | undefined;

  constructor(records: Iterable<PassageRecord>) {
    for (const record of records) {
      // One map lookup per term: a term met again in the same passage is the last entry of its list
      // (a per-passage count map made building the index for 100k passages twice as slow).
      for (const term of record.terms) {
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = { labels: [], counts: [] }));
        const last = list.labels.length - 1;
        if (last >= 0 && list.labels[last] === record.label) list.counts[last]! += 1;
        else {
          list.labels.push(record.label);
          list.counts.push(1);
        }
      }
      this.lengths.set(record.label, record.terms.length);
      this.labelLimit = Math.max(this.labelLimit, record.label + 1);
      this.totalLength += record.terms.length;
    }
  }

  get size(): number {
    return this.lengths.size;
  }

  documentFrequency(term: string): number {
    return this.postings.get(term)?.labels.length ?? 0;
  }

  idf(term: string): number {
    const n = this.size;
    const df = this.documentFrequency(term);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
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
    const averageLength = this.totalLength / Math.max(1, this.size);
    const scratch = this.scratchFor(this.labelLimit);
    const { score, matchedGroups, matchedWeight, best } = scratch;
    const scored: number[] = [];
    for (const group of groups) {
      const weight = this.groupWeight(group);
      const matched: number[] = [];
      for (const term of new Set(group.alternatives)) {
        const list = this.postings.get(term);
        if (!list) continue;
        const idf = this.idf(term);
        for (let i = 0; i < list.labels.length; i++) {
          const label = list.labels[i]!;
          const tf = list.counts[i]!;
          const s = (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * scratch.length[label]!) / averageLength));
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
      const length = new Float64Array(size);
      for (const [label, n] of this.lengths) length[label] = n;
      this.scratch = { length, score: new Float64Array(size), matchedGroups: new Uint32Array(size), matchedWeight: new Float64Array(size), best: new Float64Array(size) };
    }
    return this.scratch;
  }
}

type Scratch = { length: Float64Array; score: Float64Array; matchedGroups: Uint32Array; matchedWeight: Float64Array; best: Float64Array };

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
