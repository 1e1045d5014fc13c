import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HnswGraph, HNSW_EF_CONSTRUCTION, HNSW_M } from './hnswGraph.js';
import type { LexicalPostings } from './lexicalPostings.js';
import { INDEX_SCHEMA_VERSION, type EmbedderIdentity, type Manifest, type PassageSettings, type SourceRecord } from './manifest.js';
import type { PassageRecords } from './passageRecords.js';
import type { PassageVectors } from './passageVectors.js';
import {
  DELTA_PASSAGES_FILE,
  DELTA_VECTORS_FILE,
  describeFile,
  encodeVectors,
  linkUnchanged,
  MANIFEST_FILE,
  PASSAGES_FILE,
  POSTINGS_FILE,
  VECTORS_FILE,
  writePassageLines,
  type DeltaPassageLine,
} from './storeFiles.js';
import { writePassageTable } from './passageTable.js';

/**
 * Writing an index as a generation. After a small change to an index that has a snapshot on
 * disk, only the change is written: the snapshot files (graph, passages and postings) are
 * hard-linked from the generation it was loaded from, and the vectors and passages added since,
 * with the labels removed since, go into small delta files that loading replays. A re-ingest of
 * one article in a 100k-passage archive so writes kilobytes, not the whole graph; once the delta
 * grows past a share of the snapshot, a full snapshot is written.
 */

/** A delta may hold this many added passages, or this share of the snapshot if more (replaying them costs load time)… */
const DELTA_MAX_CHANGES = 256;
const DELTA_MAX_ADDED_SHARE = 0.02;
/** …and as many removed, or this share (removed passages stay in the graph as tombstones until the next snapshot). */
const DELTA_MAX_REMOVED_SHARE = 0.1;

/** The full snapshot an index was loaded from or last committed: its files can be reused while the index changes little. */
export type Snapshot = {
  dir: string;
  vectors: Manifest['vectors'];
  passages: Manifest['passages'];
  postings: Manifest['postings'];
  /** Labels below this are the snapshot's; labels only grow, so the rest were added since. */
  nextLabel: number;
  passageCount: number;
};

/** A full snapshot just written, not yet live: where it will be is known once it is committed. */
export type WrittenSnapshot = Omit<Snapshot, 'dir'> & { lexical: LexicalPostings };

/** What a generation is written from. */
type GenerationContents = {
  embedder: EmbedderIdentity;
  passageSettings: PassageSettings;
  graph: PassageVectors;
  records: PassageRecords;
  sources: ReadonlyMap<string, SourceRecord>;
  nextLabel: number;
};

type SnapshotFiles = Pick<Manifest, 'vectors' | 'passages' | 'postings' | 'delta'>;

/**
 * Writes `contents` into `dir` (a fresh directory: see commitGeneration), as a delta over
 * `snapshot` when it changed little since and the snapshot's files can be linked, else as a full
 * snapshot; the manifest last. Returns the full snapshot written, or null when it wrote a delta.
 */
export async function writeGeneration(
  dir: string,
  contents: GenerationContents,
  snapshot: Snapshot | null,
): Promise<WrittenSnapshot | null> {
  const delta = snapshot ? await writeDelta(dir, contents, snapshot) : null;
  const written = delta ? null : await writeSnapshot(dir, contents);
  const files = delta ?? written!.files;
  const manifest: Manifest = {
    schemaVersion: INDEX_SCHEMA_VERSION,
    createdAt: new Date().toISOString(),
    embedder: contents.embedder,
    space: 'cosine',
    passageSettings: contents.passageSettings,
    ...files,
    nextLabel: contents.nextLabel,
    sources: Object.fromEntries([...contents.sources].map(([id, source]) => [id, withFirstLabel(contents.records, id, source)])),
  };
  // On one line: indented, the 100k-passage manifest was a third larger (14.7 MB) and slower to parse at every load.
  await writeFile(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest)}\n`);
  return written?.snapshot ?? null;
}

/** A source's record as saved: with the first of its labels when the records know it (see PassageRecords.firstLabelOf). */
function withFirstLabel(records: PassageRecords, sourceId: string, record: SourceRecord): SourceRecord {
  const firstLabel = records.firstLabelOf(sourceId, record.passageCount);
  return firstLabel === undefined ? record : { ...record, firstLabel };
}

async function writeSnapshot(
  dir: string,
  { graph, records, nextLabel }: GenerationContents,
): Promise<{ files: SnapshotFiles; snapshot: WrittenSnapshot }> {
  await graph.write(join(dir, VECTORS_FILE));
  await writePassageTable(join(dir, PASSAGES_FILE), records.all());
  const lexical = records.postings();
  await writeFile(join(dir, POSTINGS_FILE), lexical.encode());
  const graphParameters = graph instanceof HnswGraph ? { m: HNSW_M, efConstruction: HNSW_EF_CONSTRUCTION } : null;
  const vectors = { ...(await describeFile(dir, VECTORS_FILE)), graph: graphParameters };
  const passages = await describeFile(dir, PASSAGES_FILE);
  const postings = await describeFile(dir, POSTINGS_FILE);
  return {
    files: { vectors, passages, postings, delta: null },
    snapshot: { vectors, passages, postings, nextLabel, passageCount: records.count, lexical },
  };
}

/** The snapshot linked, plus what changed since; null when a full snapshot is due. */
async function writeDelta(dir: string, { graph, records }: GenerationContents, snapshot: Snapshot): Promise<SnapshotFiles | null> {
  const tooMany =
    records.addedCount > Math.max(DELTA_MAX_CHANGES, DELTA_MAX_ADDED_SHARE * snapshot.passageCount) ||
    records.removedCount > Math.max(DELTA_MAX_CHANGES, DELTA_MAX_REMOVED_SHARE * snapshot.passageCount);
  if (tooMany) return null;
  for (const file of [snapshot.vectors.file, snapshot.passages.file, snapshot.postings.file]) {
    if (!(await linkUnchanged(join(snapshot.dir, file), join(dir, file)))) return null;
  }
  const added = records.addedSinceSnapshot();
  const vectors = added.map(({ record }) => ({ label: record.label, vector: graph.point(record.label) }));
  await writeFile(join(dir, DELTA_VECTORS_FILE), encodeVectors(vectors, graph.dimensions));
  const terms = records.termDictionary.terms;
  const lines = added.map(({ record, termIds }): DeltaPassageLine => ({
    ...record,
    terms: Array.from(termIds, (id) => terms[id]!).join(' '),
  }));
  await writePassageLines(join(dir, DELTA_PASSAGES_FILE), lines);
  return {
    vectors: snapshot.vectors,
    passages: snapshot.passages,
    postings: snapshot.postings,
    delta: {
      vectors: await describeFile(dir, DELTA_VECTORS_FILE),
      passages: await describeFile(dir, DELTA_PASSAGES_FILE),
      firstLabel: snapshot.nextLabel,
      deletedLabels: records.removedSinceSnapshot(),
    },
  };
}
