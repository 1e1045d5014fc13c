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
};

type Postings = { labels: number[]; counts: number[] };

export class LexicalIndex {
  private readonly postings = new Map<string, Postings>();
  private readonly lengths = new Map<number, number>();
  private totalLength = 0;

  constructor(records: Iterable<PassageRecord>) {
    for (const record of records) {
      const counts = new Map<string, number>();
      for (const term of record.terms) counts.set(term, (counts.get(term) ?? 0) + 1);
      for (const [term, count] of counts) {
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = { labels: [], counts: [] }));
        list.labels.push(record.label);
        list.counts.push(count);
      }
      this.lengths.set(record.label, record.terms.length);
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

  /** The best `limit` passages for the question's groups, optionally restricted by `accept`. */
  search(groups: readonly QueryGroup[], limit: number, accept?: (label: number) => boolean): LexicalHit[] {
    const averageLength = this.totalLength / Math.max(1, this.size);
    const scores = new Map<number, { score: number; matchedGroups: number }>();
    for (const group of groups) {
      const best = new Map<number, number>();
      for (const term of new Set(group.alternatives)) {
        const list = this.postings.get(term);
        if (!list) continue;
        const idf = this.idf(term);
        for (let i = 0; i < list.labels.length; i++) {
          const label = list.labels[i]!;
          const tf = list.counts[i]!;
          const length = this.lengths.get(label)!;
          const s = (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / averageLength));
          if (s > (best.get(label) ?? 0)) best.set(label, s);
        }
      }
      for (const [label, s] of best) {
        const entry = scores.get(label);
        if (entry) {
          entry.score += s;
          entry.matchedGroups += 1;
        } else {
          scores.set(label, { score: s, matchedGroups: 1 });
        }
      }
    }
    const hits: LexicalHit[] = [];
    for (const [label, entry] of scores) if (!accept || accept(label)) hits.push({ label, ...entry });
    hits.sort((a, b) => b.score - a.score || a.label - b.label);
    return hits.slice(0, limit);
  }
}
