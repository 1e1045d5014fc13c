import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { createError } from '../core/errors.js';
import { FlatVectors } from './flatVectors.js';
import { HnswGraph } from './hnswGraph.js';
import { HnswIndex, HnswIndexWriter, type IndexOptions, type IndexParts } from './hnswIndex.js';
import type { IndexWriter } from './indexTypes.js';
import { LexicalPostings } from './lexicalPostings.js';
import { INDEX_SCHEMA_VERSION, manifestSchema, type EmbedderIdentity, type Manifest, type SourceRecord } from './manifest.js';
import { PassageRecords } from './passageRecords.js';
import { readPassageTable } from './passageTable.js';
import { checkFiles } from './checkFiles.js';
import { decodeVectors, MANIFEST_FILE, readPassageLines } from './storeFiles.js';

/**
 * Reading a generation written by writeGeneration. The embedder given must be the one the index
 * was built with; every file is checked against the manifest's size and checksum while it is read
 * (see checkFiles), and a damaged file is named: a generation is returned only once all are
 * checked, and when reading one fails, a failed check is what is reported.
 */

/** Reads and checks a generation's manifest alone (cheap: for /about and compatibility checks). */
export async function readManifest(dir: string): Promise<Manifest> {
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
    throw createError('INDEX_INCOMPATIBLE', {
      dir,
      reason: `${path} has schema version ${String(version)}, this program reads ${INDEX_SCHEMA_VERSION}`,
    });
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) throw createError('INDEX_DAMAGED', { file: path, reason: z.prettifyError(parsed.error) });
  return parsed.data;
}

/**
 * Loads a generation with all its passages in memory: it can be read (retrieval), and changed and
 * saved again like a writer. `manifest`: its manifest, when the caller has just read it.
 */
export async function loadGeneration(dir: string, expected: EmbedderIdentity, manifest?: Manifest): Promise<HnswIndex> {
  const { options, parts } = await readGeneration(dir, expected, false, manifest);
  return new HnswIndex(options, parts);
}

/**
 * Opens a generation for ingest, which only adds, removes and saves: the snapshot's passages
 * stay in their file when the manifest says which labels each article holds.
 */
export async function openGenerationWriter(dir: string, expected: EmbedderIdentity): Promise<IndexWriter> {
  const { options, parts } = await readGeneration(dir, expected, true);
  return new HnswIndexWriter(options, parts);
}

type Generation = { options: IndexOptions; parts: IndexParts };

async function readGeneration(dir: string, expected: EmbedderIdentity, leavePassagesOnDisk: boolean, read?: Manifest): Promise<Generation> {
  const manifest = read ?? (await readManifest(dir));
  const built = manifest.embedder;
  if (built.provider !== expected.provider || built.model !== expected.model || built.dimensions !== expected.dimensions) {
    throw createError('INDEX_INCOMPATIBLE', {
      dir,
      reason: `embedded with ${built.provider}/${built.model} (${built.dimensions} dimensions), configured ${expected.provider}/${expected.model} (${expected.dimensions})`,
    });
  }
  const { vectors, passages, postings, delta } = manifest;
  const checked = checkFiles(dir, [vectors, passages, postings, ...(delta ? [delta.vectors, delta.passages] : [])]);
  // Awaited below; until then a failed check must not count as unhandled.
  checked.catch(() => undefined);
  const generation = await readParts(dir, manifest, leavePassagesOnDisk).catch(async (error: unknown) => {
    await checked;
    throw error;
  });
  await checked;
  return generation;
}

async function readParts(dir: string, manifest: Manifest, leavePassagesOnDisk: boolean): Promise<Generation> {
  const built = manifest.embedder;
  const delta = manifest.delta;
  const vectorsPath = join(dir, manifest.vectors.file);
  const graph = manifest.vectors.graph
    ? await HnswGraph.read(vectorsPath, built.dimensions)
    : FlatVectors.decode(await readFile(vectorsPath), built.dimensions, vectorsPath);
  // Label ranges are the records' own bookkeeping, written back at each save.
  const sources = new Map<string, SourceRecord>();
  for (const [id, { firstLabel: _first, ...source }] of Object.entries(manifest.sources)) sources.set(id, source);
  const postingsPath = join(dir, manifest.postings.file);
  const snapshotPostings = LexicalPostings.decode(await readFile(postingsPath), postingsPath);
  const snapshotCount = snapshotPostings.passageCount;
  const snapshotNextLabel = delta?.firstLabel ?? manifest.nextLabel;
  const passagesPath = join(dir, manifest.passages.file);
  const deletedLabels = delta?.deletedLabels ?? [];
  const sourceOf = leavePassagesOnDisk ? snapshotLabelsBySource(manifest, snapshotNextLabel) : null;
  const onDisk = sourceOf && sourceOf.size + deletedLabels.length === snapshotCount ? { path: passagesPath, sourceOf } : null;
  const records = new PassageRecords(snapshotPostings, onDisk);
  if (onDisk) {
    for (const label of deletedLabels) {
      graph.markDelete(label);
      records.removedWhileOnDisk(label);
    }
  } else {
    const snapshotLines = await readPassageTable(passagesPath);
    if (snapshotLines.length !== snapshotCount) {
      throw createError('INDEX_DAMAGED', {
        file: postingsPath,
        reason: `it indexes ${snapshotCount} passages, ${manifest.passages.file} holds ${snapshotLines.length}`,
      });
    }
    for (const line of snapshotLines) records.keep(line);
    for (const label of deletedLabels) if (records.remove(label)) graph.markDelete(label);
  }
  if (delta) {
    // The index keeps the same snapshot, so its next delta again holds everything since it.
    const deltaPath = join(dir, delta.vectors.file);
    const vectors = decodeVectors(await readFile(deltaPath), built.dimensions, deltaPath);
    const lines = await readPassageLines(join(dir, delta.passages.file));
    if (vectors.length !== lines.length || vectors.some((v, i) => v.label !== lines[i]!.label)) {
      throw createError('INDEX_DAMAGED', {
        file: deltaPath,
        reason: `its ${vectors.length} vectors do not match the ${lines.length} passages of ${delta.passages.file}`,
      });
    }
    graph.reserve(vectors.length);
    vectors.forEach((v, i) => {
      const { terms, ...record } = lines[i]!;
      const termIds = records.termIds(terms ? terms.split(' ') : []);
      graph.add(v.vector, record.label);
      records.add(record, termIds);
    });
  }
  const snapshot = {
    dir,
    vectors: manifest.vectors,
    passages: manifest.passages,
    postings: manifest.postings,
    nextLabel: snapshotNextLabel,
    passageCount: snapshotCount,
  };
  return {
    options: { embedder: built, passageSettings: manifest.passageSettings },
    parts: { graph, records, sources, nextLabel: manifest.nextLabel, snapshot },
  };
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
