import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Document } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { VectorStore } from '@langchain/core/vectorstores';
import hnswlib from 'hnswlib-node';
import { z } from 'zod';
import { createError } from '../errors.js';
import {
  INDEX_SCHEMA_VERSION,
  manifestSchema,
  type EmbedderIdentity,
  type Manifest,
  type PassageSettings,
  type SourceRecord,
} from './manifest.js';

/**
 * The passage store: a LangChain `VectorStore` over hnswlib-node, shaped like LangChain's
 * `HNSWLib` (resize as it grows, cap k at what is live, check dimensions, save/load), plus what
 * that lacks: a manifest recording the embedder and distance space that is checked on load,
 * per-article records for incremental ingest, and checksums so a damaged file is named, not
 * half-read.
 */

const { HierarchicalNSW } = hnswlib;
type HierarchicalNSW = InstanceType<typeof HierarchicalNSW>;

export const VECTORS_FILE = 'vectors.hnsw';
export const PASSAGES_FILE = 'passages.jsonl';
export const MANIFEST_FILE = 'manifest.json';
const HNSW_M = 16;
const HNSW_EF_CONSTRUCTION = 200;
const HNSW_EF_SEARCH = 64;

/** One stored passage; `terms` is the lexical analysis, kept so loading needs no re-analysis. */
export type PassageRecord = {
  label: number;
  sourceId: string;
  ordinal: number;
  start: number;
  end: number;
  text: string;
  terms: string[];
};

export type PassageMetadata = Omit<PassageRecord, 'label' | 'text'>;

/** The metadata of every Document this store returns: the passage's place and its article. */
export type PassageDocumentMetadata = Omit<PassageRecord, 'text' | 'terms'> & {
  id: string;
  title: string;
  publisher: string | null;
  site: string | null;
  published: string | null;
  url: string | null;
  language: string;
};

export type StoreOptions = { embedder: EmbedderIdentity; passageSettings: PassageSettings };

export const passageId = (sourceId: string, ordinal: number) => `${sourceId}#${ordinal}`;

const passageLine = z.object({
  label: z.number().int().nonnegative(),
  sourceId: z.string(),
  ordinal: z.number().int().nonnegative(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  terms: z.string(),
});

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export class PassageStore extends VectorStore {
  declare FilterType: (passage: PassageRecord) => boolean;

  private readonly index: HierarchicalNSW;
  private readonly records = new Map<number, PassageRecord>();
  private readonly labelsBySource = new Map<string, Set<number>>();
  readonly sources = new Map<string, SourceRecord>();
  private nextLabel = 0;

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
    return this.records.size;
  }

  get dimensions(): number {
    return this.options.embedder.dimensions;
  }

  passages(): IterableIterator<PassageRecord> {
    return this.records.values();
  }

  passage(label: number): PassageRecord | undefined {
    return this.records.get(label);
  }

  /** A LangChain Document for a stored passage, with its article's citation fields. */
  toDocument(record: PassageRecord): Document<PassageDocumentMetadata> {
    const source = this.sources.get(record.sourceId);
    const { text, terms: _terms, ...place } = record;
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
    const needed = this.index.getCurrentCount() + vectors.length;
    if (needed > this.index.getMaxElements()) this.index.resizeIndex(Math.max(needed, this.index.getMaxElements() * 2));
    const ids: string[] = [];
    vectors.forEach((vector, i) => {
      if (vector.length !== this.dimensions) throw createError('EMBEDDING_DIMENSIONS', { expected: this.dimensions, actual: vector.length });
      const meta = documents[i]!.metadata as PassageMetadata;
      const label = this.nextLabel++;
      this.index.addPoint(vector, label, true);
      this.keep({ label, sourceId: meta.sourceId, ordinal: meta.ordinal, start: meta.start, end: meta.end, terms: meta.terms, text: documents[i]!.pageContent });
      ids.push(passageId(meta.sourceId, meta.ordinal));
    });
    return ids;
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
    const limit = Math.min(k, this.records.size);
    if (limit <= 0 || !query.some((v) => v !== 0)) return [];
    const accept = filter ? (label: number) => { const r = this.records.get(label); return !!r && filter(r); } : undefined;
    this.index.setEf(Math.max(HNSW_EF_SEARCH, limit));
    const { neighbors, distances } = this.index.searchKnn(query, limit, accept);
    return neighbors.map((label, i) => [label, distances[i]!]);
  }

  /** Removes passages by id (`sourceId#ordinal`). */
  override async delete(params: { ids: string[] }): Promise<void> {
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
    let labels = this.labelsBySource.get(record.sourceId);
    if (!labels) this.labelsBySource.set(record.sourceId, (labels = new Set()));
    labels.add(record.label);
  }

  private removeLabel(label: number): void {
    const record = this.records.get(label);
    if (!record) return;
    this.records.delete(label);
    this.labelsBySource.get(record.sourceId)?.delete(label);
    this.index.markDelete(label);
  }

  /** Writes the store into `dir` (a fresh directory: see commitGeneration), manifest last. */
  async save(dir: string): Promise<void> {
    const vectorsPath = join(dir, VECTORS_FILE);
    const passagesPath = join(dir, PASSAGES_FILE);
    await this.index.writeIndex(vectorsPath);
    const lines: string[] = [];
    for (const r of this.records.values()) lines.push(JSON.stringify({ ...r, terms: r.terms.join(' ') }));
    await writeFile(passagesPath, lines.length ? `${lines.join('\n')}\n` : '');
    const manifest: Manifest = {
      schemaVersion: INDEX_SCHEMA_VERSION,
      createdAt: new Date().toISOString(),
      embedder: this.options.embedder,
      space: 'cosine',
      passageSettings: this.options.passageSettings,
      hnsw: { file: VECTORS_FILE, bytes: (await stat(vectorsPath)).size, sha256: await sha256File(vectorsPath), m: HNSW_M, efConstruction: HNSW_EF_CONSTRUCTION },
      passages: { file: PASSAGES_FILE, bytes: (await stat(passagesPath)).size, sha256: await sha256File(passagesPath) },
      nextLabel: this.nextLabel,
      sources: Object.fromEntries(this.sources),
    };
    await writeFile(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
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
      throw createError('INDEX_INCOMPATIBLE', { dir, reason: `schema version ${String(version)}, this program reads ${INDEX_SCHEMA_VERSION}` });
    }
    const parsed = manifestSchema.safeParse(raw);
    if (!parsed.success) throw createError('INDEX_DAMAGED', { file: path, reason: z.prettifyError(parsed.error) });
    return parsed.data;
  }

  /**
   * Loads a generation written by `save`. The embedder given must be the one the index was
   * built with; every file is checked against the manifest's size and checksum first.
   */
  static async load(dir: string, embeddings: EmbeddingsInterface, expected: EmbedderIdentity): Promise<PassageStore> {
    const manifest = await PassageStore.readManifest(dir);
    const built = manifest.embedder;
    if (built.provider !== expected.provider || built.model !== expected.model || built.dimensions !== expected.dimensions) {
      throw createError('INDEX_INCOMPATIBLE', {
        dir,
        reason: `embedded with ${built.provider}/${built.model} (${built.dimensions} dimensions), configured ${expected.provider}/${expected.model} (${expected.dimensions})`,
      });
    }
    for (const record of [manifest.hnsw, manifest.passages]) {
      const path = join(dir, record.file);
      const size = await stat(path).then((s) => s.size, () => -1);
      if (size === -1) throw createError('INDEX_DAMAGED', { file: path, reason: 'missing' });
      if (size !== record.bytes) throw createError('INDEX_DAMAGED', { file: path, reason: `${size} bytes, the manifest says ${record.bytes}` });
      if ((await sha256File(path)) !== record.sha256) throw createError('INDEX_DAMAGED', { file: path, reason: 'checksum mismatch' });
    }
    const index = new HierarchicalNSW('cosine', built.dimensions);
    await index.readIndex(join(dir, manifest.hnsw.file), true);
    const store = new PassageStore(embeddings, { embedder: built, passageSettings: manifest.passageSettings }, index);
    store.nextLabel = manifest.nextLabel;
    for (const [id, source] of Object.entries(manifest.sources)) store.sources.set(id, source);
    const passagesPath = join(dir, manifest.passages.file);
    const text = await readFile(passagesPath, 'utf8');
    let lineNumber = 0;
    for (const line of text.split('\n')) {
      lineNumber++;
      if (!line) continue;
      const parsed = passageLine.safeParse(JSON.parse(line));
      if (!parsed.success) throw createError('INDEX_DAMAGED', { file: passagesPath, reason: `line ${lineNumber}: ${z.prettifyError(parsed.error)}` });
      const r = parsed.data;
      store.keep({ ...r, terms: r.terms ? r.terms.split(' ') : [] });
    }
    return store;
  }
}
