import type { QueryGroup } from '../ingest/text/analyzeText.js';
import type { LexicalPostings } from '../ingest/index/lexicalPostings.js';

/**
 * BM25 over the postings ingest saved with the index (k1 = 1.2, b = 0.75, Lucene's idf).
 * A question's word may appear under several terms (its stem in two languages, a CLDR concept):
 * each group scores as its best alternative, so expansion never counts a word twice.
 */

const K1 = 1.2;
const B = 0.75;
/** How fast a dictionary rendering's weight falls with its rank (see alternativeIdfs): 0.25, 0.5 and 1 measured within half a point of R@5 on `npm run eval`. */
const RENDERING_DECAY = 0.5;

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
    const idfs = this.alternativeIdfs(group);
    return idfs.size > 0 ? Math.max(...idfs.values()) : this.unseenIdf();
  }

  /**
   * The idf each of a group's alternatives scores with, for those the index holds. A
   * dictionary's renderings of the word (`group.renderings`) are its senses, commonest first,
   * of which one is meant: the n-th scores its idf divided by 1 + RENDERING_DECAY·n, and never
   * more than the first of them the index holds, so a rare wrong sense cannot outweigh a common
   * right one listed before it.
   */
  alternativeIdfs(group: QueryGroup): Map<string, number> {
    const idfs = new Map<string, number>();
    for (const term of group.alternatives) {
      const df = this.documentFrequency(term);
      if (df > 0) idfs.set(term, this.idfOf(df));
    }
    for (const renderings of group.renderings ?? []) {
      let head: number | undefined;
      renderings.forEach((term, n) => {
        const idf = idfs.get(term);
        if (idf === undefined) return;
        head ??= idf;
        idfs.set(term, Math.min(idf / (1 + RENDERING_DECAY * n), head));
      });
    }
    return idfs;
  }

  /** The best `limit` passages for the question's groups, optionally restricted by `accept`. */
  search(groups: readonly QueryGroup[], limit: number, accept?: (label: number) => boolean): LexicalHit[] {
    const { score, matchedGroups, matchedWeight, best, norms, matched, scored } = this.scratchFor();
    let scoredCount = 0;
    for (const group of groups) {
      const idfs = this.alternativeIdfs(group);
      const weight = idfs.size > 0 ? Math.max(...idfs.values()) : this.unseenIdf();
      let matchedCount = 0;
      for (const [term, idf] of idfs) {
        const id = this.postings.termId(term);
        const { labels, counts, start, end } = this.postings.run(id);
        // The hot loop (tens of thousands of postings a question): typed arrays only, nothing allocated.
        for (let i = start; i < end; i++) {
          const label = labels[i]!;
          const tf = counts[i]!;
          const s = (idf * tf * (K1 + 1)) / (tf + norms[label]!);
          const previous = best[label]!;
          if (previous === 0) matched[matchedCount++] = label;
          if (s > previous) best[label] = s;
        }
      }
      for (let m = 0; m < matchedCount; m++) {
        const label = matched[m]!;
        if (matchedGroups[label] === 0) scored[scoredCount++] = label;
        score[label]! += best[label]!;
        matchedGroups[label]! += 1;
        matchedWeight[label]! += weight;
        best[label] = 0;
      }
    }
    const top = selectTop(scored, scoredCount, limit, (a, b) => score[b]! - score[a]! || a - b, accept);
    const hits = top.map((label) => ({
      label,
      score: score[label]!,
      matchedGroups: matchedGroups[label]!,
      matchedWeight: matchedWeight[label]!,
    }));
    for (let i = 0; i < scoredCount; i++) {
      const label = scored[i]!;
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
   * `norms` is each passage's BM25 length normalisation, the same expression the score used
   * inline, computed once.
   */
  private scratchFor(): Scratch {
    const { lengths, totalLength } = this.postings;
    const size = lengths.length;
    if (!this.scratch) {
      const averageLength = totalLength / Math.max(1, this.size);
      const norms = new Float64Array(size);
      for (let label = 0; label < size; label++) norms[label] = K1 * (1 - B + (B * lengths[label]!) / averageLength);
      this.scratch = {
        score: new Float64Array(size),
        matchedGroups: new Uint32Array(size),
        matchedWeight: new Float64Array(size),
        best: new Float64Array(size),
        norms,
        matched: new Uint32Array(size),
        scored: new Uint32Array(size),
      };
    }
    return this.scratch;
  }
}

type Scratch = {
  score: Float64Array;
  matchedGroups: Uint32Array;
  matchedWeight: Float64Array;
  best: Float64Array;
  norms: Float64Array;
  /** The labels a group's terms reached, then the labels any group reached, in the order reached. */
  matched: Uint32Array;
  scored: Uint32Array;
};

/**
 * The first `limit` of `items[0…count)` that `accept` keeps, in `compare` order (as filter, sort
 * and slice would give), kept sorted as they are met: tens of thousands of labels are scored, and
 * none is copied. `accept` is asked only of an item that would be kept.
 */
function selectTop(
  items: Uint32Array,
  count: number,
  limit: number,
  compare: (a: number, b: number) => number,
  accept?: (item: number) => boolean,
): number[] {
  const kept: number[] = [];
  if (limit <= 0) return kept;
  for (let i = 0; i < count; i++) {
    const item = items[i]!;
    if (kept.length === limit && compare(item, kept[limit - 1]!) >= 0) continue;
    if (accept && !accept(item)) continue;
    let at = kept.length === limit ? limit - 1 : kept.length;
    while (at > 0 && compare(item, kept[at - 1]!) < 0) {
      kept[at] = kept[at - 1]!;
      at--;
    }
    kept[at] = item;
  }
  return kept;
}
