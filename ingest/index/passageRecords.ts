import type { PassageRecord } from './indexTypes.js';
import { LexicalPostings, type TermDictionary, type TermEntry } from './lexicalPostings.js';
import { openPassageTable } from './passageTable.js';

/**
 * The passages an index holds, beside its graph: records by label, labels by article, and the
 * lexical postings kept as the snapshot's plus what changed since (the terms of each passage
 * added, the snapshot labels removed), which is what a delta generation writes.
 */

/**
 * Snapshot passages left in the snapshot's file rather than read (an index opened for ingest),
 * by label, with their article. Ingest never reads a passage back, so re-ingesting one article of
 * a 100k-passage archive need not parse 80 MB of them; a full snapshot streams them from the old
 * file into the new.
 */
type LeftOnDisk = { path: string; sourceOf: Map<number, string> };

/** A passage added since the snapshot, with its terms as ids of the dictionary. */
export type AddedPassage = { record: PassageRecord; termIds: Uint32Array };

export class PassageRecords {
  private readonly byLabel = new Map<number, PassageRecord>();
  private readonly labelsBySource = new Map<string, Set<number>>();
  /** The term ids of each passage added since the snapshot (ids, not strings: 100k passages hold 11.6M terms). */
  private readonly addedTerms = new Map<number, Uint32Array>();
  /** Snapshot labels removed since, for the delta. */
  private readonly removedFromSnapshot = new Set<number>();
  /** The postings of what is held now, built when asked for and kept until it changes. */
  private currentPostings: LexicalPostings | null = null;

  /**
   * @param snapshotPostings The postings of the snapshot (empty before the first); its dictionary grows with every term added since.
   * @param onDisk Snapshot passages not read (see LeftOnDisk): only `openGenerationWriter` leaves any, and then nothing reads passages.
   */
  constructor(
    private snapshotPostings = LexicalPostings.empty(),
    private readonly onDisk: LeftOnDisk | null = null,
  ) {
    if (onDisk) for (const [label, sourceId] of onDisk.sourceOf) this.labelsOf(sourceId).add(label);
  }

  /** Every passage held, those left on disk included. */
  get count(): number {
    return this.byLabel.size + (this.onDisk?.sourceOf.size ?? 0);
  }

  get termDictionary(): TermDictionary {
    return this.snapshotPostings.dictionary;
  }

  /** A passage read into memory (every passage, unless some were left on disk). */
  get(label: number): PassageRecord | undefined {
    return this.byLabel.get(label);
  }

  /** The passages read into memory (all of them, unless some were left on disk). */
  values(): IterableIterator<PassageRecord> {
    return this.byLabel.values();
  }

  /** The labels of an article's passages. */
  labelsOfSource(sourceId: string): ReadonlySet<number> {
    return this.labelsBySource.get(sourceId) ?? new Set();
  }

  /** Takes in a passage of the snapshot (its terms are in the snapshot's postings already). */
  keep(record: PassageRecord): void {
    this.byLabel.set(record.label, record);
    this.labelsOf(record.sourceId).add(record.label);
  }

  /** Takes in a passage added since the snapshot, with its terms as ids of `termDictionary`. */
  add(record: PassageRecord, termIds: Uint32Array): void {
    this.keep(record);
    this.addedTerms.set(record.label, termIds);
    this.currentPostings = null;
  }

  /** The ids of terms, adding those the dictionary lacks. */
  termIds(terms: readonly string[]): Uint32Array {
    const dictionary = this.termDictionary;
    return Uint32Array.from(terms, (term) => dictionary.add(term));
  }

  /** Forgets a passage; false when none has that label. */
  remove(label: number): boolean {
    const sourceId = this.byLabel.get(label)?.sourceId ?? this.onDisk?.sourceOf.get(label);
    if (sourceId === undefined) return false;
    if (!this.byLabel.delete(label)) this.onDisk!.sourceOf.delete(label);
    this.labelsBySource.get(sourceId)?.delete(label);
    if (!this.addedTerms.delete(label)) this.removedFromSnapshot.add(label);
    this.currentPostings = null;
    return true;
  }

  /** Counts a snapshot passage that a delta removed as removed, when the passage was never taken in (left on disk). */
  removedWhileOnDisk(label: number): void {
    this.removedFromSnapshot.add(label);
  }

  /** The lexical postings of every passage held now. */
  postings(): LexicalPostings {
    if (!this.currentPostings) {
      const added: TermEntry[] = Array.from(this.addedTerms, ([label, termIds]) => ({ label, termIds }));
      this.currentPostings =
        added.length === 0 && this.removedFromSnapshot.size === 0
          ? this.snapshotPostings
          : this.snapshotPostings.merge(this.removedFromSnapshot, added);
    }
    return this.currentPostings;
  }

  /** The passages added since the snapshot, in the order they were added. */
  addedSinceSnapshot(): AddedPassage[] {
    return Array.from(this.addedTerms, ([label, termIds]) => ({ record: this.byLabel.get(label)!, termIds }));
  }

  get addedCount(): number {
    return this.addedTerms.size;
  }

  /** Snapshot labels removed since, ascending. */
  removedSinceSnapshot(): number[] {
    return [...this.removedFromSnapshot].sort((a, b) => a - b);
  }

  get removedCount(): number {
    return this.removedFromSnapshot.size;
  }

  /**
   * An article's first label when its passages' labels run unbroken (they do: an article's
   * passages are added together) and are all there, so an index opened for ingest knows every
   * article's passages without reading them; undefined otherwise.
   */
  firstLabelOf(sourceId: string, passageCount: number): number | undefined {
    const labels = this.labelsBySource.get(sourceId);
    if (!labels || labels.size === 0 || labels.size !== passageCount) return undefined;
    let first = Infinity;
    let last = -1;
    for (const label of labels) {
      first = Math.min(first, label);
      last = Math.max(last, label);
    }
    return last - first + 1 === labels.size ? first : undefined;
  }

  /** Every passage, those left on disk streamed from the snapshot's file. */
  async *all(): AsyncGenerator<PassageRecord> {
    if (this.onDisk) {
      const { sourceOf } = this.onDisk;
      for (const line of await openPassageTable(this.onDisk.path)) if (sourceOf.has(line.label)) yield line;
    }
    yield* this.byLabel.values();
  }

  /**
   * A full snapshot of what is held went live, with these postings and its passages in
   * `passagesPath`: changes are counted from it now.
   */
  rebase(snapshotPostings: LexicalPostings, passagesPath: string): void {
    this.snapshotPostings = snapshotPostings;
    if (this.onDisk) this.onDisk.path = passagesPath;
    this.addedTerms.clear();
    this.removedFromSnapshot.clear();
  }

  private labelsOf(sourceId: string): Set<number> {
    let labels = this.labelsBySource.get(sourceId);
    if (!labels) this.labelsBySource.set(sourceId, (labels = new Set()));
    return labels;
  }
}
