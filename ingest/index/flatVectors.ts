import { writeFile } from 'node:fs/promises';
import { createError } from '../core/errors.js';
import type { PassageVectors } from './passageVectors.js';

/**
 * The vectors of an index without a graph, for the offline embedder: its vectors only break
 * lexical ties among a question's few lexical candidates, which are ranked exactly (`rank`), so a
 * graph would cost most of a full ingest (hnswlib inserts, one at a time, in one thread) and a
 * third of the index on disk for searches that never run. `search` is exact, by brute force.
 *
 * The file is hnswlib's own index layout with no links (every point on level 0, no neighbours),
 * so hnswlib's `readIndex` and `getPoint` read it like any graph file: a 96-byte header, then per
 * point its link count (0), its float32 vector and its uint64 label, then a zero upper-level size
 * per point. Only live points are written: a removed passage's vector goes with the next full
 * snapshot (a delta's removals are replayed on load).
 */

const HEADER_BYTES = 96;
const INITIAL_CAPACITY = 1024;

export class FlatVectors implements PassageVectors {
  /** Unit vectors, `dimensions` per slot, in insertion order. */
  private data: Float32Array;
  private slotLabels: Uint32Array;
  private deleted: Uint8Array;
  private count = 0;
  /** Slot + 1 by label (0: none): labels are dense, and 100k Map entries were a tenth of a load. */
  private slotPlusOne = new Uint32Array(0);

  private constructor(
    readonly dimensions: number,
    capacity: number,
  ) {
    this.data = new Float32Array(capacity * dimensions);
    this.slotLabels = new Uint32Array(capacity);
    this.deleted = new Uint8Array(capacity);
  }

  static create(dimensions: number): FlatVectors {
    return new FlatVectors(dimensions, INITIAL_CAPACITY);
  }

  /** Decodes the bytes of a file written by `write` (the caller has checked them against its manifest); throws INDEX_DAMAGED naming `path`. */
  static decode(buffer: Buffer, dimensions: number, path: string): FlatVectors {
    const damaged = (reason: string) => createError('INDEX_DAMAGED', { file: path, reason });
    if (buffer.length < HEADER_BYTES) throw damaged('shorter than its header');
    const count = Number(buffer.readBigUInt64LE(16));
    const stride = Number(buffer.readBigUInt64LE(24));
    if (stride !== 4 + 4 * dimensions + 8 || Number(buffer.readBigUInt64LE(40)) !== 4 || Number(buffer.readBigUInt64LE(72)) !== 0)
      throw damaged(`not a graph-free vectors file of ${dimensions} dimensions`);
    if (buffer.length !== HEADER_BYTES + count * (stride + 4))
      throw damaged(`${buffer.length} bytes, its header describes ${count} vectors`);
    const vectors = new FlatVectors(dimensions, Math.max(count, 1));
    const { floats, words } = viewsOf(buffer);
    const strideWords = stride / 4;
    for (let slot = 0; slot < count; slot++) {
      const at = slot * strideWords;
      const label = words[at + 1 + dimensions]!;
      vectors.data.set(floats.subarray(at + 1, at + 1 + dimensions), slot * dimensions);
      vectors.slotLabels[slot] = label;
      vectors.setSlot(label, slot);
    }
    vectors.count = count;
    return vectors;
  }

  async write(path: string): Promise<void> {
    const { dimensions } = this;
    const live: number[] = [];
    for (let slot = 0; slot < this.count; slot++) if (!this.deleted[slot]) live.push(slot);
    const count = live.length;
    const stride = 4 + 4 * dimensions + 8;
    const buffer = Buffer.alloc(HEADER_BYTES + count * (stride + 4));
    const header = [0, count, count, stride, 4 + 4 * dimensions, 4];
    header.forEach((value, i) => buffer.writeBigUInt64LE(BigInt(value), 8 * i));
    buffer.writeInt32LE(count > 0 ? 0 : -1, 48); // top level
    buffer.writeUInt32LE(count > 0 ? 0 : 0xffffffff, 52); // entry point
    // maxM, maxM0, M (0: no links), mult (0: every point on level 0), efConstruction: all zero.
    const { floats, words } = viewsOf(buffer);
    const strideWords = stride / 4;
    live.forEach((slot, written) => {
      const at = written * strideWords;
      floats.set(this.data.subarray(slot * dimensions, (slot + 1) * dimensions), at + 1);
      words[at + 1 + dimensions] = this.slotLabels[slot]!;
    });
    await writeFile(path, buffer);
  }

  reserve(count: number): void {
    const needed = this.count + count;
    if (needed <= this.slotLabels.length) return;
    const capacity = Math.max(needed, this.slotLabels.length * 2);
    const grow = <T extends Float32Array | Uint32Array | Uint8Array>(array: T, size: number): T => {
      const grown = new (array.constructor as new (length: number) => T)(size);
      grown.set(array);
      return grown;
    };
    this.data = grow(this.data, capacity * this.dimensions);
    this.slotLabels = grow(this.slotLabels, capacity);
    this.deleted = grow(this.deleted, capacity);
  }

  add(vector: number[], label: number): void {
    this.checkDimensions(vector);
    this.reserve(1);
    const slot = this.count++;
    // Stored as unit vectors, as hnswlib's cosine space stores them, so a distance is one dot product.
    const norm = Math.hypot(...vector) || 1;
    for (let d = 0; d < this.dimensions; d++) this.data[slot * this.dimensions + d] = vector[d]! / norm;
    this.slotLabels[slot] = label;
    this.setSlot(label, slot);
  }

  markDelete(label: number): void {
    const slot = this.slotOf(label);
    if (slot !== undefined) this.deleted[slot] = 1;
  }

  point(label: number): number[] {
    const slot = this.slotOf(label);
    if (slot === undefined) throw createError('INDEX_DAMAGED', { file: 'vectors', reason: `no vector for label ${label}` });
    return Array.from(this.data.subarray(slot * this.dimensions, (slot + 1) * this.dimensions));
  }

  search(query: number[], limit: number, accept?: (label: number) => boolean): [number, number][] {
    this.checkDimensions(query);
    const unit = toUnit(query);
    if (!unit || limit <= 0) return [];
    const hits: [number, number][] = [];
    for (let slot = 0; slot < this.count; slot++) {
      const label = this.slotLabels[slot]!;
      if (this.deleted[slot] || (accept && !accept(label))) continue;
      hits.push([label, 1 - this.dot(unit, slot)]);
    }
    return hits.sort((a, b) => a[1] - b[1] || a[0] - b[0]).slice(0, limit);
  }

  rank(query: number[], labels: readonly number[]): [number, number][] {
    this.checkDimensions(query);
    const unit = toUnit(query);
    if (!unit) return [];
    return rankBySimilarity(labels, (label) => {
      const slot = this.slotOf(label);
      return slot !== undefined && !this.deleted[slot] ? this.dot(unit, slot) : undefined;
    });
  }

  private slotOf(label: number): number | undefined {
    const slot = this.slotPlusOne[label];
    return slot ? slot - 1 : undefined;
  }

  private setSlot(label: number, slot: number): void {
    if (label >= this.slotPlusOne.length) {
      const grown = new Uint32Array(Math.max(label + 1, this.slotPlusOne.length * 2, INITIAL_CAPACITY));
      grown.set(this.slotPlusOne);
      this.slotPlusOne = grown;
    }
    this.slotPlusOne[label] = slot + 1;
  }

  private dot(unit: Float64Array, slot: number): number {
    let sum = 0;
    for (let d = 0, at = slot * this.dimensions; d < unit.length; d++, at++) sum += unit[d]! * this.data[at]!;
    return sum;
  }

  private checkDimensions(vector: number[]): void {
    if (vector.length !== this.dimensions) throw createError('EMBEDDING_DIMENSIONS', { expected: this.dimensions, actual: vector.length });
  }
}

/**
 * Float and word views of a file's points (after the header), as hnswlib writes them: in the
 * machine's byte order, little-endian on every platform Node ships prebuilt hnswlib for.
 */
function viewsOf(buffer: Buffer): { floats: Float32Array; words: Uint32Array } {
  // Typed-array views need 4-byte alignment in memory; a pooled Buffer may not have it.
  const bytes = buffer.byteOffset % 4 === 0 ? buffer : Buffer.from(buffer);
  const length = (bytes.length - HEADER_BYTES) >> 2;
  return {
    floats: new Float32Array(bytes.buffer, bytes.byteOffset + HEADER_BYTES, length),
    words: new Uint32Array(bytes.buffer, bytes.byteOffset + HEADER_BYTES, length),
  };
}

/**
 * `labels` as [label, cosine distance], nearest first and ties by label; `similarity` gives a
 * label's cosine similarity to the query, or undefined when it has no live point (not ranked).
 */
export function rankBySimilarity(labels: readonly number[], similarity: (label: number) => number | undefined): [number, number][] {
  const hits: [number, number][] = [];
  for (const label of labels) {
    const value = similarity(label);
    if (value !== undefined) hits.push([label, 1 - value]);
  }
  return hits.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
}

/** The vector scaled to length 1; null for a zero vector, which is near nothing. */
export function toUnit(vector: readonly number[]): Float64Array | null {
  const norm = Math.hypot(...vector);
  if (norm === 0) return null;
  return Float64Array.from(vector, (v) => v / norm);
}
