import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Document } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { VectorStore } from '@langchain/core/vectorstores';
import hnswlib from 'hnswlib-node';
import { z } from 'zod';
import { createError } from '../core/errors.js';
import type { ArticleMeta } from '../core/article.js';
import {
  INDEX_SCHEMA_VERSION,
  manifestSchema,
  type EmbedderIdentity,
  type Manifest,
  type PassageSettings,
  type SourceRecord,
} from './manifest.js';
import { LexicalPostings, type TermDictionary, type TermEntry } from './lexicalPostings.js';
import {
  checkFile,
  decodeVectors,
  describeFile,
  encodeVectors,
  linkUnchanged,
  readPassageLines,
  streamPassageLines,
  writePassageLines,
  type DeltaPassageLine,
  type PassageLine,
} from './storeFiles.js';

/**
 * The passage store: a LangChain `VectorStore` over hnswlib-node, shaped like LangChain's
 * `HNSWLib` (resize as it grows, cap k at what is live, check dimensions, save/load), plus what
 * that lacks: a manifest recording the embedder and distance space that is checked on load,
 * per-article records for incremental ingest, checksums so a damaged file is named, not
 * half-read, and the lexical postings of every passage (see LexicalPostings), saved with the
 * graph so that loading needs no re-analysis or re-counting.
 *
 * Saving a store loaded from disk after a small change writes only the change: the snapshot
 * files (graph, passages and postings) are hard-linked from the generation it was loaded from, and the
 * vectors and passages added since, with the labels removed since, go into small delta files
 * that loading replays. A re-ingest of one article in a 100k-passage archive so writes kilobytes,
 * not the whole graph; once the delta grows past a share of the snapshot, a full snapshot is written.
 */

const { HierarchicalNSW } = hnswlib;
type HierarchicalNSW = InstanceType<typeof HierarchicalNSW>;

export const VECTORS_FILE = 'vectors.hnsw';
export const PASSAGES_FILE = 'passages.jsonl';
export const POSTINGS_FILE = 'postings.bin';
export const DELTA_VECTORS_FILE = 'delta-vectors.bin';
export const DELTA_PASSAGES_FILE = 'delta-passages.jsonl';
export const MANIFEST_FILE = 'manifest.json';
/** A delta may hold this many added passages, or this share of the snapshot if more (replaying them costs load time)… */
const DELTA_MAX_CHANGES = 256;
const DELTA_MAX_ADDED_SHARE = 0.02;
/** …and as many removed, or this share (removed passages stay in the graph as tombstones until the next snapshot). */
const DELTA_MAX_REMOVED_SHARE = 0.1;
/**
 * Graph parameters measured on the offline embedder's 128-dimension vectors at 100k passages
 * (insert time is most of a full ingest; recall@10 against exact search, search ef 1000):
 * M 24 with efConstruction 48 inserts in 0.19 ms at recall 0.979, efConstruction 40 in 0.18 ms
 * at 0.976, 32 in 0.12 ms at 0.954; M 16 at efConstruction 48 gains no time and drops to 0.974.
 * Hashed sparse features are hard for HNSW, so the search ef is high: ef 1000 costs about
 * 3.5 ms a question.
 */
const HNSW_M = 24;
const HNSW_EF_CONSTRUCTION = 48;
const HNSW_EF_SEARCH = 1000;

/** One stored passage (its analysed terms live in the store's postings). */
export type PassageRecord = PassageLine;

/** What `addVectors` needs of each Document: the passage's place and its lexical analysis. */
export type PassageMetadata = Omit<PassageRecord, 'label' | 'text'> & { terms: readonly string[] };

/** The metadata of every Document this store returns: the passage's place and its article. */
export type PassageDocumentMetadata = Omit<PassageRecord, 'text'> & ArticleMeta & { id: string };

/** A passage for `addPassages`: its place and text, its vector, and its terms as ids of the store's `termDictionary`. */
export type NewPassage = Omit<PassageRecord, 'label'> & { vector: number[]; termIds: Uint32Array };

export type StoreOptions = { embedder: EmbedderIdentity; passageSettings: PassageSettings };

export const passageId = (sourceId: string, ordinal: number) => `${sourceId}#${ordinal}`;

/** The snapshot a loaded store came from: its files can be reused while the store changes little. */
type Snapshot = {
  dir: string;
  hnsw: Manifest['hnsw'];
  passages: Manifest['passages'];
  postings: Manifest['postings'];
  /** Labels below this are the snapshot's; labels only grow, so the rest were added since. */
  nextLabel: number;
  passageCount: number;
};


export class PassageStore extends VectorStore {
  declare FilterType: (passage: PassageRecord) => boolean;

  private readonly index: HierarchicalNSW;
  private readonly records = new Map<number, PassageRecord>();
  private readonly labelsBySource = new Map<string, Set<number>>();
  readonly sources = new Map<string, SourceRecord>();
  private nextLabel = 0;
  private snapshot: Snapshot | null = null;
  /** The postings of the snapshot (empty before the first); its dictionary grows with every term added since. */
  private snapshotPostings = LexicalPostings.empty();
  /** The term ids of each passage added since the snapshot (ids, not strings: 100k passages hold 11.6M terms). */
  private readonly addedTerms = new Map<number, Uint32Array>();
  /** Snapshot labels removed since, for the delta. */
  private readonly removedFromSnapshot = new Set<number>();
  /** The postings of what the store holds now, built when asked for and kept until it changes. */
  private currentPostings: LexicalPostings | null = null;
  /** The snapshot the last `save` wrote, or null when it wrote a delta over the current one. */
  private savedSnapshot: (Omit<Snapshot, 'dir'> & { lexical: LexicalPostings }) | null = null;
  /**
   * Snapshot passages left in the snapshot's file rather than read (a store opened for ingest,
   * see `load`), by label, with their article. Ingest never reads a passage back, so re-ingesting
   * one article of a 100k-passage archive need not parse 80 MB of them; a full snapshot streams
   * them from the old file into the new.
   */
  private onDisk: { path: string; sourceOf: Map<number, string> } | null = null;

  constructor(
    embeddings: EmbeddingsInterface,
    readonly options: StoreOptions,
    index?: HierarchicalNSW,
  ) {
    super(embeddings, {});
    if (index) {
      this.index = index;
    } else {
      this.index = new HierarchicalNSW('cosine', options.embedder.dimensions);
      this.index.initIndex({ maxElements: 1024, m: HNSW_M, efConstruction: HNSW_EF_CONSTRUCTION, randomSeed: 100, allowReplaceDeleted: true });
    }
    this.index.setEf(HNSW_EF_SEARCH);
  }

  _vectorstoreType(): string {
    return 'newsdesk-hnswlib';
  }

  get passageCount(): number {
    return this.records.size + (this.onDisk?.sourceOf.size ?? 0);
  }

  /** Passages left on disk cannot be read back, listed or searched: only ingest opens a store so. */
  private requireLoaded(): void {
    if (this.onDisk) throw new Error(`PassageStore: the passages of ${this.onDisk.path} were not loaded (opened for ingest)`);
  }

  get dimensions(): number {
    return this.options.embedder.dimensions;
  }

  passages(): IterableIterator<PassageRecord> {
    this.requireLoaded();
    return this.records.values();
  }

  passage(label: number): PassageRecord | undefined {
    this.requireLoaded();
    return this.records.get(label);
  }

  /** The ids of every term the store's passages hold; `addPassages` takes terms as ids of it. */
  get termDictionary(): TermDictionary {
    return this.snapshotPostings.dictionary;
  }

  /** The lexical postings of every passage the store holds now. */
  postings(): LexicalPostings {
    if (!this.currentPostings) {
      const added: TermEntry[] = Array.from(this.addedTerms, ([label, termIds]) => ({ label, termIds }));
      this.currentPostings = added.length === 0 && this.removedFromSnapshot.size === 0
        ? this.snapshotPostings
        : this.snapshotPostings.merge(this.removedFromSnapshot, added);
    }
    return this.currentPostings;
  }

  /** A LangChain Document for a stored passage, with its article's citation fields. */
  toDocument(record: PassageRecord): Document<PassageDocumentMetadata> {
    const source = this.sources.get(record.sourceId);
    const { text, ...place } = record;
    return new Document({
      pageContent: text,
      id: passageId(record.sourceId, record.ordinal),
      metadata: {
        ...place,
        id: passageId(record.sourceId, record.ordinal),
        title: source?.title ?? record.sourceId,
        publisher: source?.publisher ?? null,
        site: source?.site ?? null,
        published: source?.published ?? null,
        url: source?.url ?? null,
        language: source?.language ?? 'und',
      },
    });
  }

  /** Adds passages with their vectors; `documents[i].metadata` must carry PassageMetadata. */
  async addVectors(vectors: number[][], documents: Document[]): Promise<string[]> {
    if (vectors.length !== documents.length) throw new Error(`addVectors: ${vectors.length} vectors for ${documents.length} documents`);
    this.reserve(vectors.length);
    return vectors.map((vector, i) => {
      const meta = documents[i]!.metadata as PassageMetadata;
      const record = { label: this.nextLabel, sourceId: meta.sourceId, ordinal: meta.ordinal, start: meta.start, end: meta.end, text: documents[i]!.pageContent };
      this.insert(vector, record, this.termIds(meta.terms));
      this.nextLabel++;
      return passageId(meta.sourceId, meta.ordinal);
    });
  }

  /** Adds passages whose terms are already ids of `termDictionary` (ingest's path: no Documents, no term strings). */
  addPassages(passages: readonly NewPassage[]): void {
    this.reserve(passages.length);
    for (const { vector, termIds, ...place } of passages) {
      this.insert(vector, { label: this.nextLabel, ...place }, termIds);
      this.nextLabel++;
    }
  }

  private termIds(terms: readonly string[]): Uint32Array {
    const dictionary = this.termDictionary;
    return Uint32Array.from(terms, (term) => dictionary.add(term));
  }

  /** Grows the graph's capacity (doubling) so `count` more points fit. */
  private reserve(count: number): void {
    const needed = this.index.getCurrentCount() + count;
    if (needed > this.index.getMaxElements()) this.index.resizeIndex(Math.max(needed, this.index.getMaxElements() * 2));
  }

  private insert(vector: number[], record: PassageRecord, termIds: Uint32Array): void {
    if (vector.length !== this.dimensions) throw createError('EMBEDDING_DIMENSIONS', { expected: this.dimensions, actual: vector.length });
    this.index.addPoint(vector, record.label, true);
    this.keep(record);
    this.addedTerms.set(record.label, termIds);
    this.currentPostings = null;
  }

  async addDocuments(documents: Document[]): Promise<string[]> {
    const vectors = await this.embeddings.embedDocuments(documents.map((d) => d.pageContent));
    return this.addVectors(vectors, documents);
  }

  /** Nearest passages by cosine distance (smaller is closer), at most as many as are live. */
  async similaritySearchVectorWithScore(query: number[], k: number, filter?: this['FilterType']): Promise<[Document, number][]> {
    return this.searchLabels(query, k, filter).map(([label, distance]) => [this.toDocument(this.records.get(label)!), distance]);
  }

  /** The same search returning labels and cosine distances, for callers that fuse rankings. */
  searchLabels(query: number[], k: number, filter?: this['FilterType']): [number, number][] {
    if (query.length !== this.dimensions) throw createError('EMBEDDING_DIMENSIONS', { expected: this.dimensions, actual: query.length });
    this.requireLoaded();
    const limit = Math.min(k, this.records.size);
    if (limit <= 0 || !query.some((v) => v !== 0)) return [];
    const accept = filter ? (label: number) => { const r = this.records.get(label); return !!r && filter(r); } : undefined;
    this.index.setEf(Math.max(HNSW_EF_SEARCH, limit));
    const { neighbors, distances } = this.index.searchKnn(query, limit, accept);
    return neighbors.map((label, i) => [label, distances[i]!]);
  }

  /** Removes passages by id (`sourceId#ordinal`). */
  override async delete(params: { ids: string[] }): Promise<void> {
    this.requireLoaded();
    const wanted = new Set(params.ids);
    for (const record of [...this.records.values()]) {
      if (wanted.has(passageId(record.sourceId, record.ordinal))) this.removeLabel(record.label);
    }
  }

  /** Removes an article and all its passages. */
  deleteSource(sourceId: string): void {
    for (const label of [...(this.labelsBySource.get(sourceId) ?? [])]) this.removeLabel(label);
    this.sources.delete(sourceId);
  }

  private keep(record: PassageRecord): void {
    this.records.set(record.label, record);
    this.labelsOf(record.sourceId).add(record.label);
  }

  private labelsOf(sourceId: string): Set<number> {
    let labels = this.labelsBySource.get(sourceId);
    if (!labels) this.labelsBySource.set(sourceId, (labels = new Set()));
    return labels;
  }

  private removeLabel(label: number): void {
    const sourceId = this.records.get(label)?.sourceId ?? this.onDisk?.sourceOf.get(label);
    if (sourceId === undefined) return;
    if (!this.records.delete(label)) this.onDisk!.sourceOf.delete(label);
    this.labelsBySource.get(sourceId)?.delete(label);
    this.index.markDelete(label);
    if (!this.addedTerms.delete(label)) this.removedFromSnapshot.add(label);
    this.currentPostings = null;
  }

  /**
   * A source's record as saved: with the first of its labels when they run unbroken (they do:
   * an article's passages are added together), so a store opened for ingest knows every article's
   * passages without reading them.
   */
  private withFirstLabel(sourceId: string, record: SourceRecord): SourceRecord {
    const labels = this.labelsBySource.get(sourceId);
    if (!labels || labels.size === 0 || labels.size !== record.passageCount) return record;
    let first = Infinity;
    let last = -1;
    for (const label of labels) {
      first = Math.min(first, label);
      last = Math.max(last, label);
    }
    return last - first + 1 === labels.size ? { ...record, firstLabel: first } : record;
  }

  /** Every passage, those left on disk streamed from the snapshot's file. */
  private async *allPassages(): AsyncGenerator<PassageRecord> {
    if (this.onDisk) {
      const { sourceOf } = this.onDisk;
      for await (const line of streamPassageLines(this.onDisk.path, false)) if (sourceOf.has(line.label)) yield line;
    }
    yield* this.records.values();
  }

  /** Writes the store into `dir` (a fresh directory: see commitGeneration), manifest last. */
  async save(dir: string): Promise<void> {
    this.savedSnapshot = null;
    const files = (await this.saveDelta(dir)) ?? (await this.saveSnapshot(dir));
    const manifest: Manifest = {
      schemaVersion: INDEX_SCHEMA_VERSION,
      createdAt: new Date().toISOString(),
      embedder: this.options.embedder,
      space: 'cosine',
      passageSettings: this.options.passageSettings,
      ...files,
      nextLabel: this.nextLabel,
      sources: Object.fromEntries([...this.sources].map(([id, source]) => [id, this.withFirstLabel(id, source)])),
    };
    await writeFile(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  }

  private async saveSnapshot(dir: string): Promise<Pick<Manifest, 'hnsw' | 'passages' | 'postings' | 'delta'>> {
    await this.index.writeIndex(join(dir, VECTORS_FILE));
    await writePassageLines(join(dir, PASSAGES_FILE), this.allPassages());
    const lexical = this.postings();
    await writeFile(join(dir, POSTINGS_FILE), lexical.encode());
    const hnsw = { ...(await describeFile(dir, VECTORS_FILE)), m: HNSW_M, efConstruction: HNSW_EF_CONSTRUCTION };
    const passages = await describeFile(dir, PASSAGES_FILE);
    const postings = await describeFile(dir, POSTINGS_FILE);
    this.savedSnapshot = { hnsw, passages, postings, nextLabel: this.nextLabel, passageCount: this.records.size, lexical };
    return { hnsw, passages, postings, delta: null };
  }

  /**
   * The last `save` went live as generation `dir`: later saves of this same store (kept in memory
   * between watch-mode runs) write deltas over the files there.
   */
  markCommitted(dir: string): void {
    if (this.savedSnapshot) {
      const { lexical, ...snapshot } = this.savedSnapshot;
      this.snapshot = { ...snapshot, dir };
      this.snapshotPostings = lexical;
      if (this.onDisk) this.onDisk.path = join(dir, PASSAGES_FILE);
      this.addedTerms.clear();
      this.removedFromSnapshot.clear();
      this.savedSnapshot = null;
    } else if (this.snapshot) {
      this.snapshot.dir = dir;
    }
  }

  /** The snapshot this store was loaded from, linked, plus what changed since; null when a full snapshot is due. */
  private async saveDelta(dir: string): Promise<Pick<Manifest, 'hnsw' | 'passages' | 'postings' | 'delta'> | null> {
    const snapshot = this.snapshot;
    if (!snapshot) return null;
    const added = [...this.addedTerms.keys()].map((label) => this.records.get(label)!);
    const tooMany = added.length > Math.max(DELTA_MAX_CHANGES, DELTA_MAX_ADDED_SHARE * snapshot.passageCount) ||
      this.removedFromSnapshot.size > Math.max(DELTA_MAX_CHANGES, DELTA_MAX_REMOVED_SHARE * snapshot.passageCount);
    if (tooMany) return null;
    for (const file of [snapshot.hnsw.file, snapshot.passages.file, snapshot.postings.file]) {
      if (!(await linkUnchanged(join(snapshot.dir, file), join(dir, file)))) return null;
    }
    const vectors = added.map((r) => ({ label: r.label, vector: this.index.getPoint(r.label) }));
    await writeFile(join(dir, DELTA_VECTORS_FILE), encodeVectors(vectors, this.dimensions));
    const terms = this.snapshotPostings.dictionary.terms;
    const lines = added.map((r): DeltaPassageLine => ({ ...r, terms: Array.from(this.addedTerms.get(r.label)!, (id) => terms[id]!).join(' ') }));
    await writePassageLines(join(dir, DELTA_PASSAGES_FILE), lines);
    return {
      hnsw: snapshot.hnsw,
      passages: snapshot.passages,
      postings: snapshot.postings,
      delta: {
        vectors: await describeFile(dir, DELTA_VECTORS_FILE),
        passages: await describeFile(dir, DELTA_PASSAGES_FILE),
        firstLabel: snapshot.nextLabel,
        deletedLabels: [...this.removedFromSnapshot].sort((a, b) => a - b),
      },
    };
  }

  /** Reads and checks a generation's manifest alone (cheap: for /about and compatibility checks). */
  static async readManifest(dir: string): Promise<Manifest> {
    const path = join(dir, MANIFEST_FILE);
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(path, 'utf8'));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw createError('INDEX_DAMAGED', { file: path, reason: code ?? `not JSON: ${(error as Error).message}` }, { cause: error });
    }
    const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
    if (version !== INDEX_SCHEMA_VERSION) {
      throw createError('INDEX_INCOMPATIBLE', { dir, reason: `${path} has schema version ${String(version)}, this program reads ${INDEX_SCHEMA_VERSION}` });
    }
    const parsed = manifestSchema.safeParse(raw);
    if (!parsed.success) throw createError('INDEX_DAMAGED', { file: path, reason: z.prettifyError(parsed.error) });
    return parsed.data;
  }

  /**
   * Loads a generation written by `save`. The embedder given must be the one the index was
   * built with; every file is checked against the manifest's size and checksum first. With
   * `passages: 'on-disk'` (ingest), the snapshot's passages stay in their file when the manifest
   * says which labels each article holds: the store can then change and be saved, not searched.
   */
  static async load(dir: string, embeddings: EmbeddingsInterface, expected: EmbedderIdentity, options: { passages?: 'read' | 'on-disk' } = {}): Promise<PassageStore> {
    const manifest = await PassageStore.readManifest(dir);
    const built = manifest.embedder;
    if (built.provider !== expected.provider || built.model !== expected.model || built.dimensions !== expected.dimensions) {
      throw createError('INDEX_INCOMPATIBLE', {
        dir,
        reason: `embedded with ${built.provider}/${built.model} (${built.dimensions} dimensions), configured ${expected.provider}/${expected.model} (${expected.dimensions})`,
      });
    }
    const delta = manifest.delta;
    for (const record of [manifest.hnsw, manifest.passages, manifest.postings, ...(delta ? [delta.vectors, delta.passages] : [])]) await checkFile(dir, record);
    const index = new HierarchicalNSW('cosine', built.dimensions);
    await index.readIndex(join(dir, manifest.hnsw.file), true);
    const store = new PassageStore(embeddings, { embedder: built, passageSettings: manifest.passageSettings }, index);
    // Label ranges are the store's own bookkeeping (labelsBySource), written back at each save.
    for (const [id, { firstLabel: _first, ...source }] of Object.entries(manifest.sources)) store.sources.set(id, source);
    const postingsPath = join(dir, manifest.postings.file);
    store.snapshotPostings = LexicalPostings.decode(await readFile(postingsPath), postingsPath);
    const snapshotCount = store.snapshotPostings.passageCount;
    const snapshotNextLabel = delta?.firstLabel ?? manifest.nextLabel;
    const passagesPath = join(dir, manifest.passages.file);
    const onDisk = options.passages === 'on-disk' ? snapshotLabelsBySource(manifest, snapshotNextLabel) : null;
    if (onDisk && onDisk.size + (delta?.deletedLabels.length ?? 0) === snapshotCount) {
      store.onDisk = { path: passagesPath, sourceOf: onDisk };
      for (const [label, sourceId] of onDisk) store.labelsOf(sourceId).add(label);
      for (const label of delta?.deletedLabels ?? []) {
        store.index.markDelete(label);
        store.removedFromSnapshot.add(label);
      }
    } else {
      const snapshotLines = await readPassageLines(passagesPath, false);
      if (snapshotLines.length !== snapshotCount) {
        throw createError('INDEX_DAMAGED', { file: postingsPath, reason: `it indexes ${snapshotCount} passages, ${manifest.passages.file} holds ${snapshotLines.length}` });
      }
      for (const line of snapshotLines) store.keep(line);
      for (const label of delta?.deletedLabels ?? []) store.removeLabel(label);
    }
    store.snapshot = { dir, hnsw: manifest.hnsw, passages: manifest.passages, postings: manifest.postings, nextLabel: snapshotNextLabel, passageCount: snapshotCount };
    if (delta) {
      // The store keeps the same snapshot, so its next delta again holds everything since it.
      const vectorsPath = join(dir, delta.vectors.file);
      const vectors = decodeVectors(await readFile(vectorsPath), built.dimensions, vectorsPath);
      const lines = await readPassageLines(join(dir, delta.passages.file), true);
      if (vectors.length !== lines.length || vectors.some((v, i) => v.label !== lines[i]!.label)) {
        throw createError('INDEX_DAMAGED', { file: vectorsPath, reason: `its ${vectors.length} vectors do not match the ${lines.length} passages of ${delta.passages.file}` });
      }
      store.reserve(vectors.length);
      vectors.forEach((v, i) => {
        const { terms, ...record } = lines[i]!;
        store.insert(v.vector, record, store.termIds(terms ? terms.split(' ') : []));
      });
    }
    store.nextLabel = manifest.nextLabel;
    return store;
  }
}

/** The snapshot's live labels by article, from the manifest's label ranges; null when an article has none recorded. */
function snapshotLabelsBySource(manifest: Manifest, snapshotNextLabel: number): Map<number, string> | null {
  const sourceOf = new Map<number, string>();
  for (const [sourceId, source] of Object.entries(manifest.sources)) {
    if (source.firstLabel === undefined) return null;
    const end = Math.min(source.firstLabel + source.passageCount, snapshotNextLabel);
    for (let label = source.firstLabel; label < end; label++) sourceOf.set(label, sourceId);
  }
  return sourceOf;
}
