/**
 * Where a LexicalPostings' runs (each term's passages, in label order, with counts) come from:
 * arrays built in memory, a file's varints decoded a term at a time, or a snapshot's runs with a
 * delta's changes merged a term at a time. A question needs the runs of its few terms; building
 * all 11M postings of a 100k-passage index first was most of loading it.
 */

/** Every run in one set of arrays: term `id`'s are `offsets[id]` … `offsets[id + 1]` of `labels` and `counts`. */
export type PostingArrays = { offsets: Uint32Array; labels: Uint32Array; counts: Uint16Array };
/** One term's run: `labels[start…end)` with their `counts`. */
export type Run = { labels: Uint32Array; counts: Uint16Array; start: number; end: number };

export interface RunSource {
  /** Terms with runs here (ids from this one on have none). */
  readonly termCount: number;
  /** How many passages hold term `id` (0 ≤ id < termCount). */
  count(id: number): number;
  /** Term `id`'s run (0 ≤ id < termCount). */
  run(id: number): Run;
  /** Every run, built once when first asked for. */
  all(): PostingArrays;
}

/** A passage's terms by id, for merging into runs. */
export type TermEntry = { label: number; termIds: Uint32Array };

/** Most times a term is counted in one passage. */
export const MAX_COUNT = 0xffff;

export class ArrayRuns implements RunSource {
  constructor(private readonly arrays: PostingArrays) {}

  get termCount(): number {
    return this.arrays.offsets.length - 1;
  }

  count(id: number): number {
    return this.arrays.offsets[id + 1]! - this.arrays.offsets[id]!;
  }

  run(id: number): Run {
    const { offsets, labels, counts } = this.arrays;
    return { labels, counts, start: offsets[id]!, end: offsets[id + 1]! };
  }

  all(): PostingArrays {
    return this.arrays;
  }
}

/** A postings file records where every RUN_START_EVERY-th term's run starts in its varints (see LexicalPostings.encode). */
export const RUN_START_EVERY = 64;

/**
 * The varint runs of a postings file (see LexicalPostings.encode), decoded term by term into
 * zero-filled arrays (pages no run was decoded into are never touched), each checked as it is
 * read. A run is found from the recorded start of the RUN_START_EVERY-th term at or before it,
 * skipping the runs between by their varints' last bytes (two a posting): finding every run's
 * start by one pass over all the varints was 72 ms of a 100k-passage index's first question.
 */
export class EncodedRuns implements RunSource {
  private readonly arrays: PostingArrays;
  private readonly done: Uint8Array;
  private left: number;

  /** `starts[k]`: the byte where term k × RUN_START_EVERY's run starts, then the varints' length. */
  constructor(
    private readonly bytes: Uint8Array,
    offsets: Uint32Array,
    private readonly starts: Uint32Array,
    private readonly labelLimit: number,
    private readonly damaged: (reason: string) => Error,
  ) {
    const postings = offsets[offsets.length - 1]!;
    this.arrays = { offsets, labels: new Uint32Array(postings), counts: new Uint16Array(postings) };
    this.done = new Uint8Array(offsets.length - 1);
    this.left = this.done.length;
  }

  get termCount(): number {
    return this.done.length;
  }

  count(id: number): number {
    return this.arrays.offsets[id + 1]! - this.arrays.offsets[id]!;
  }

  run(id: number): Run {
    if (!this.done[id]) {
      // The runs of the term's block are walked to the next recorded start: a damaged block does not go unnoticed.
      const block = Math.floor(id / RUN_START_EVERY);
      const first = block * RUN_START_EVERY;
      const last = Math.min(first + RUN_START_EVERY, this.done.length);
      let at = this.starts[block]!;
      for (let t = first; t < id; t++) at = this.skip(t, at);
      at = this.decode(id, at);
      for (let t = id + 1; t < last; t++) at = this.skip(t, at);
      if (at !== this.starts[block + 1]) throw this.damaged(`the runs of terms ${first}-${last - 1} do not end where the next one starts`);
    }
    const { offsets, labels, counts } = this.arrays;
    return { labels, counts, start: offsets[id]!, end: offsets[id + 1]! };
  }

  all(): PostingArrays {
    if (this.left === 0) return this.arrays;
    // In file order, each run from where the one before ended (one already decoded is decoded again, the same).
    let at = 0;
    for (let id = 0; id < this.done.length; id++) {
      if (id % RUN_START_EVERY === 0 && at !== this.starts[id / RUN_START_EVERY])
        throw this.damaged(`term ${id}'s postings do not start where its run-start table says`);
      at = this.decode(id, at);
    }
    if (at !== this.bytes.length) throw this.damaged(`${this.bytes.length - at} bytes after its last posting`);
    return this.arrays;
  }

  /** Where term `id`'s run ends, given where it starts. */
  private skip(id: number, at: number): number {
    const { bytes } = this;
    for (let left = 2 * this.count(id); left > 0; at++) {
      if (at >= bytes.length) throw this.damaged('its postings end inside a number');
      if (bytes[at]! < 0x80) left--;
    }
    return at;
  }

  /** Decodes term `id`'s run from byte `at`; returns where it ends. */
  private decode(id: number, at: number): number {
    const { bytes, labelLimit, damaged } = this;
    const { offsets, labels, counts } = this.arrays;
    let label = -1;
    for (let i = offsets[id]!; i < offsets[id + 1]!; i++) {
      // Two varints, read inline: this loop runs once per posting.
      let gap = bytes[at++]!;
      for (let shift = 7, byte = gap; byte >= 0x80; shift += 7) {
        byte = bytes[at++]!;
        gap = (gap & ((1 << shift) - 1)) | ((byte & 0x7f) << shift);
      }
      let count = bytes[at++]!;
      for (let shift = 7, byte = count; byte >= 0x80; shift += 7) {
        byte = bytes[at++]!;
        count = (count & ((1 << shift) - 1)) | ((byte & 0x7f) << shift);
      }
      if (at > bytes.length) throw damaged('its postings end inside a number');
      label += gap;
      if (label >= labelLimit) throw damaged(`posting ${i} names label ${label}, beyond ${labelLimit}`);
      labels[i] = label;
      counts[i] = count;
    }
    if (!this.done[id]) {
      this.done[id] = 1;
      this.left--;
    }
    return at;
  }
}

/**
 * A snapshot's runs without the `gone` labels, with `added` passages (labels above every one of
 * the snapshot's, term ids of the grown dictionary) after them: each term's run merged when first
 * asked for, and all of them at once for writing, after which the snapshot is let go.
 */
export class MergedRuns implements RunSource {
  private merged = new Map<number, Run>();
  /** All the runs, once merged at once (see `all`). */
  private whole: ArrayRuns | null = null;
  /** The added passages' postings by term, gathered when a first term is asked for (writing all never needs them). */
  private addedRuns: Map<number, { labels: number[]; counts: number[] }> | null = null;

  constructor(
    private base: RunSource | null,
    private readonly gone: Uint8Array,
    private readonly added: readonly TermEntry[],
    readonly termCount: number,
  ) {}

  private addedRunOf(id: number): { labels: number[]; counts: number[] } | undefined {
    if (!this.addedRuns) {
      const runs = new Map<number, { labels: number[]; counts: number[] }>();
      for (const entry of this.added) {
        forEachRun(entry.termIds, (term, count) => {
          let run = runs.get(term);
          if (!run) runs.set(term, (run = { labels: [], counts: [] }));
          run.labels.push(entry.label);
          run.counts.push(Math.min(count, MAX_COUNT));
        });
      }
      this.addedRuns = runs;
    }
    return this.addedRuns.get(id);
  }

  count(id: number): number {
    const run = this.run(id);
    return run.end - run.start;
  }

  run(id: number): Run {
    if (this.whole) return this.whole.run(id);
    let run = this.merged.get(id);
    if (!run) this.merged.set(id, (run = this.mergeRun(id)));
    return run;
  }

  private mergeRun(id: number): Run {
    const { gone } = this;
    const from = id < this.base!.termCount ? this.base!.run(id) : null;
    const extra = this.addedRunOf(id);
    let kept = 0;
    if (from) for (let i = from.start; i < from.end; i++) kept += 1 - gone[from.labels[i]!]!;
    const size = kept + (extra?.labels.length ?? 0);
    const labels = new Uint32Array(size);
    const counts = new Uint16Array(size);
    let at = 0;
    if (from) {
      for (let i = from.start; i < from.end; i++) {
        if (gone[from.labels[i]!]) continue;
        labels[at] = from.labels[i]!;
        counts[at++] = from.counts[i]!;
      }
    }
    if (extra) {
      labels.set(extra.labels, at);
      counts.set(extra.counts, at);
    }
    return { labels, counts, start: 0, end: size };
  }

  all(): PostingArrays {
    if (!this.whole) {
      this.whole = new ArrayRuns(mergeAll(this.base!.all(), this.base!.termCount, this.gone, this.added, this.termCount));
      this.base = null;
      this.merged.clear();
      this.addedRuns = null;
    }
    return this.whole.all();
  }
}

/** Every run of `from` (its first `fromTerms` terms) without the `gone` labels, then the `added` passages'. */
function mergeAll(from: PostingArrays, fromTerms: number, gone: Uint8Array, added: readonly TermEntry[], termCount: number): PostingArrays {
  // The snapshot's arrays as locals: these loops run once per posting (11M at 100k passages).
  const { offsets: fromOffsets, labels: fromLabels, counts: fromCounts } = from;
  // Pass 1: postings per term, so that each term's run can be placed.
  const offsets = new Uint32Array(termCount + 1);
  for (let id = 0; id < fromTerms; id++) {
    const end = fromOffsets[id + 1]!;
    let n = 0;
    for (let i = fromOffsets[id]!; i < end; i++) n += 1 - gone[fromLabels[i]!]!;
    offsets[id + 1] = n;
  }
  for (const entry of added) forEachRun(entry.termIds, (id) => (offsets[id + 1]! += 1));
  for (let id = 0; id < termCount; id++) offsets[id + 1]! += offsets[id]!;
  // Pass 2: the kept postings, then the added passages (higher labels): each run stays in label order.
  const labels = new Uint32Array(offsets[termCount]!);
  const counts = new Uint16Array(offsets[termCount]!);
  const fill = offsets.slice(0, termCount);
  for (let id = 0; id < fromTerms; id++) {
    let at = fill[id]!;
    const end = fromOffsets[id + 1]!;
    for (let i = fromOffsets[id]!; i < end; i++) {
      const label = fromLabels[i]!;
      if (gone[label]) continue;
      labels[at] = label;
      counts[at] = fromCounts[i]!;
      at++;
    }
    fill[id] = at;
  }
  for (const entry of added) {
    forEachRun(entry.termIds, (id, count) => {
      labels[fill[id]!] = entry.label;
      counts[fill[id]!] = Math.min(count, MAX_COUNT);
      fill[id]! += 1;
    });
  }
  return { offsets, labels, counts };
}

/** Calls `visit` once per distinct term id of a passage, with how often it occurs. */
export function forEachRun(termIds: Uint32Array, visit: (id: number, count: number) => void): void {
  const sorted = termIds.slice().sort();
  for (let i = 0; i < sorted.length;) {
    let j = i + 1;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    visit(sorted[i]!, j - i);
    i = j;
  }
}
