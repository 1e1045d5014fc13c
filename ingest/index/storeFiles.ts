import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { link, open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createError } from '../core/errors.js';
import type { FileRecord } from './manifest.js';

/**
 * The files of a generation, one concern each: checksummed writes (checkFiles.ts checks them), the delta's
 * passages as JSON lines (a snapshot's are a binary table: see passageTable.ts), the binary log
 * of vectors added since the last full snapshot, and reusing an unchanged snapshot file from the
 * previous generation by hard link.
 */

/** The files a generation writes (the manifest names each with its size and checksum). */
export const VECTORS_FILE = 'vectors.hnsw';
export const PASSAGES_FILE = 'passages.bin';
export const POSTINGS_FILE = 'postings.bin';
export const DELTA_VECTORS_FILE = 'delta-vectors.bin';
export const DELTA_PASSAGES_FILE = 'delta-passages.jsonl';
export const MANIFEST_FILE = 'manifest.json';

/** One passage as the index stores it (a record of `passages.bin`, a line of `delta-passages.jsonl`). */
export type PassageLine = { label: number; sourceId: string; ordinal: number; start: number; end: number; text: string };
/** A passage added since the snapshot, as a line of the delta: with its analysed terms, joined by spaces. */
export type DeltaPassageLine = PassageLine & { terms: string };

/** Large reads and writes: one per 4 MB rather than per 64 KB keeps hashing a 200 MB file cheap. */
export const READ_CHUNK = 4 * 1024 * 1024;

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: READ_CHUNK })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The size and checksum of a file just written into `dir`, for the manifest. */
export async function describeFile(dir: string, file: string): Promise<FileRecord> {
  const path = join(dir, file);
  return { file, bytes: (await stat(path)).size, sha256: await sha256File(path) };
}

/** Writes passages as JSON lines, a few megabytes at a time rather than as one string the size of the file. */
export async function writePassageLines(path: string, lines: Iterable<DeltaPassageLine>): Promise<void> {
  const file = await open(path, 'w');
  try {
    let chunk: string[] = [];
    let size = 0;
    for await (const line of lines) {
      const json = JSON.stringify(line);
      chunk.push(json);
      size += json.length;
      if (size >= READ_CHUNK) {
        await file.write(`${chunk.join('\n')}\n`);
        chunk = [];
        size = 0;
      }
    }
    if (chunk.length) await file.write(`${chunk.join('\n')}\n`);
  } finally {
    await file.close();
  }
}

function isDeltaPassageLine(value: unknown): value is DeltaPassageLine {
  const v = value as Record<string, unknown> | null;
  const count = (n: unknown) => Number.isInteger(n) && (n as number) >= 0;
  return (
    typeof v === 'object' &&
    v !== null &&
    count(v.label) &&
    typeof v.sourceId === 'string' &&
    count(v.ordinal) &&
    count(v.start) &&
    count(v.end) &&
    typeof v.text === 'string' &&
    typeof v.terms === 'string'
  );
}

/**
 * Streams a delta's passages file chunk by chunk. Its checksum is checked beside (checkFiles.ts), so each
 * line is checked by hand for shape only: a schema library per line cost more than the JSON
 * parsing itself.
 */
async function* streamPassageLines(path: string): AsyncGenerator<DeltaPassageLine> {
  let lineNumber = 0;
  const parse = (line: string): DeltaPassageLine => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (error) {
      throw createError('INDEX_DAMAGED', { file: path, reason: `line ${lineNumber}: ${(error as Error).message}` });
    }
    if (!isDeltaPassageLine(parsed)) throw createError('INDEX_DAMAGED', { file: path, reason: `line ${lineNumber}: not a passage record` });
    return parsed;
  };
  let rest = '';
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: READ_CHUNK })) {
    const text = rest + (chunk as string);
    let from = 0;
    for (let to = text.indexOf('\n'); to !== -1; to = text.indexOf('\n', from)) {
      lineNumber++;
      if (to > from) yield parse(text.slice(from, to));
      from = to + 1;
    }
    rest = text.slice(from);
  }
  lineNumber++;
  if (rest) yield parse(rest);
}

export async function readPassageLines(path: string): Promise<DeltaPassageLine[]> {
  const lines: DeltaPassageLine[] = [];
  for await (const line of streamPassageLines(path)) lines.push(line);
  return lines;
}

/** Vectors as little-endian records of a uint32 label followed by `dimensions` float32 values. */
export function encodeVectors(entries: readonly { label: number; vector: readonly number[] }[], dimensions: number): Buffer {
  const stride = 4 + 4 * dimensions;
  const buffer = Buffer.alloc(entries.length * stride);
  entries.forEach(({ label, vector }, i) => {
    const at = i * stride;
    buffer.writeUInt32LE(label, at);
    for (let d = 0; d < dimensions; d++) buffer.writeFloatLE(vector[d]!, at + 4 + 4 * d);
  });
  return buffer;
}

export function decodeVectors(buffer: Buffer, dimensions: number, path: string): { label: number; vector: number[] }[] {
  const stride = 4 + 4 * dimensions;
  if (buffer.length % stride !== 0)
    throw createError('INDEX_DAMAGED', {
      file: path,
      reason: `${buffer.length} bytes is not a whole number of ${dimensions}-dimension vectors`,
    });
  const entries: { label: number; vector: number[] }[] = [];
  for (let at = 0; at < buffer.length; at += stride) {
    const vector = new Array<number>(dimensions);
    for (let d = 0; d < dimensions; d++) vector[d] = buffer.readFloatLE(at + 4 + 4 * d);
    entries.push({ label: buffer.readUInt32LE(at), vector });
  }
  return entries;
}

/**
 * Hard-links an unchanged file of the previous generation into the new one; false when the file
 * system cannot (no hard links, another device, the previous generation pruned meanwhile), so the
 * caller writes it out instead. Snapshot files are never written after creation, so sharing is safe.
 */
export async function linkUnchanged(from: string, to: string): Promise<boolean> {
  try {
    await link(from, to);
    return true;
  } catch {
    return false;
  }
}
