import { join } from 'node:path';
import { FlatVectors } from './flatVectors.js';
import { HnswGraph } from './hnswGraph.js';
import type { IndexReader, IndexWriter, NewPassage, PassageFilter, PassageRecord } from './indexTypes.js';
import type { LexicalPostings, TermDictionary } from './lexicalPostings.js';
import type { EmbedderIdentity, PassageSettings, SourceRecord } from './manifest.js';
import { PassageRecords } from './passageRecords.js';
import type { PassageVectors } from './passageVectors.js';
import { PASSAGES_FILE } from './storeFiles.js';
import { writeGeneration, type Snapshot, type WrittenSnapshot } from './writeGeneration.js';

/**
 * The index backed by files: the passages' vectors (an hnswlib-node graph, or the vectors alone
 * for the offline embedder: see FlatVectors), the passage records with their lexical
 * postings, and generations written beside each other (see writeGeneration, readGeneration).
 * `HnswIndexWriter` is what ingest changes; `HnswIndex` also reads, and so holds every passage
 * in memory.
 */

export type IndexOptions = { embedder: EmbedderIdentity; passageSettings: PassageSettings };

/** How an index on disk is taken up again: its parts as read, and the snapshot they came from. */
export type IndexParts = {
  graph: PassageVectors;
  records: PassageRecords;
  sources: Map<string, SourceRecord>;
  nextLabel: number;
  snapshot: Snapshot | null;
};

export class HnswIndexWriter implements IndexWriter {
  protected readonly graph: PassageVectors;
  protected readonly records: PassageRecords;
  readonly sources: Map<string, SourceRecord>;
  private nextLabel: number;
  /** The snapshot whose files the next save may link (see writeGeneration). */
  private snapshot: Snapshot | null;
  /** The snapshot the last `save` wrote, or null when it wrote a delta over the current one. */
  private written: WrittenSnapshot | null = null;

  constructor(
    private readonly options: IndexOptions,
    parts: IndexParts,
  ) {
    this.graph = parts.graph;
    this.records = parts.records;
    this.sources = parts.sources;
    this.nextLabel = parts.nextLabel;
    this.snapshot = parts.snapshot;
  }

  get passageSettings(): PassageSettings {
    return this.options.passageSettings;
  }

  get passageCount(): number {
    return this.records.count;
  }

  get termDictionary(): TermDictionary {
    return this.records.termDictionary;
  }

  addPassages(passages: readonly NewPassage[]): void {
    this.graph.reserve(passages.length);
    for (const { vector, termIds, ...place } of passages) {
      const record = { label: this.nextLabel, ...place };
      this.graph.add(vector, record.label);
      this.records.add(record, termIds);
      this.nextLabel++;
    }
  }

  deleteSource(sourceId: string): void {
    for (const label of [...this.records.labelsOfSource(sourceId)]) this.removeLabel(label);
    this.sources.delete(sourceId);
  }

  /** Removes one passage; a label the index does not hold is ignored. */
  protected removeLabel(label: number): void {
    if (this.records.remove(label)) this.graph.markDelete(label);
  }

  async save(dir: string): Promise<void> {
    this.written = null;
    const { options, graph, records, sources, nextLabel } = this;
    this.written = await writeGeneration(dir, { ...options, graph, records, sources, nextLabel }, this.snapshot);
  }

  /** Kept in memory between watch-mode runs, an index so writes later generations as deltas over the one that went live. */
  markCommitted(dir: string): void {
    if (this.written) {
      const { lexical, ...snapshot } = this.written;
      this.snapshot = { ...snapshot, dir };
      this.records.rebase(lexical, join(dir, PASSAGES_FILE));
      this.written = null;
    } else if (this.snapshot) {
      this.snapshot.dir = dir;
    }
  }
}

/** An index with every passage in memory: it can be read as well as changed. */
export class HnswIndex extends HnswIndexWriter implements IndexReader {
  passage(label: number): PassageRecord | undefined {
    return this.records.get(label);
  }

  passages(): IterableIterator<PassageRecord> {
    return this.records.values();
  }

  postings(): LexicalPostings {
    return this.records.postings();
  }

  searchLabels(vector: number[], k: number, filter?: PassageFilter): [number, number][] {
    const accept = filter
      ? (label: number) => {
          const r = this.records.get(label);
          return !!r && filter(r);
        }
      : undefined;
    return this.graph.search(vector, Math.min(k, this.records.count), accept);
  }

  rankLabels(vector: number[], labels: readonly number[]): [number, number][] {
    return this.graph.rank(
      vector,
      labels.filter((label) => this.records.get(label) !== undefined),
    );
  }
}

/**
 * Whether an index keeps a graph: the offline embedder's vectors only rank a question's lexical
 * candidates (see retrievePassages), exactly, so its index holds them without one.
 */
export function usesGraph(embedder: EmbedderIdentity): boolean {
  return embedder.provider !== 'offline';
}

/** A new, empty index. */
export function createIndex(options: IndexOptions): HnswIndex {
  const { dimensions } = options.embedder;
  const parts = {
    graph: usesGraph(options.embedder) ? HnswGraph.create(dimensions) : FlatVectors.create(dimensions),
    records: new PassageRecords(),
    sources: new Map(),
    nextLabel: 0,
    snapshot: null,
  };
  return new HnswIndex(options, parts);
}
