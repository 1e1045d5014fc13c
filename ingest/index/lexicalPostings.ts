import { createError } from '../core/errors.js';

/**
 * The lexical half of a snapshot, saved beside the vector graph so that loading an index does
 * not re-read and re-count every passage's terms (11.6M term occurrences at 100k passages took
 * seconds): a term dictionary, and for each term the passages holding it, in label order, with
 * how often (compressed sparse rows), plus every passage's length in terms.
 *
 * File layout (little-endian): "NDLX", version, term count, posting count, label limit,
 * passage count, total length (float64), dictionary byte length, posting byte length; the
 * dictionary (UTF-8 terms separated by "\n", padded to 4 bytes); offsets (uint32, terms + 1);
 * lengths by label (uint32); then each term's postings as unsigned LEB128 varints, a label gap
 * and a count per posting (about 2 bytes a posting instead of 6: the postings were over a
 * quarter of the index on disk).
 */

const MAGIC = 0x584c444e; // "NDLX"
const VERSION = 2;
const HEADER_BYTES = 40;
const MAX_COUNT = 0xffff;

/** A passage's analysed terms, for building postings. */
export type TermEntry = { label: number; termIds: Uint32Array };

/**
 * Terms by id, and ids by term (the map is built on first use: a loaded index that is only
 * written again never needs it). It only grows, so postings built earlier stay valid with it.
 */
export class TermDictionary {
  private lookup: Map<string, number> | null = null;

  constructor(readonly terms: string[] = []) {}

  /** The id of a term, or -1 when it was never added. */
  id(term: string): number {
    return this.map().get(term) ?? -1;
  }

  /** The id of a term, adding it when new. */
  add(term: string): number {
    const map = this.map();
    let id = map.get(term);
    if (id === undefined) {
      id = this.terms.push(term) - 1;
      map.set(term, id);
    }
    return id;
  }

  private map(): Map<string, number> {
    if (!this.lookup) {
      this.lookup = new Map();
      for (let id = 0; id < this.terms.length; id++) this.lookup.set(this.terms[id]!, id);
    }
    return this.lookup;
  }
}

type Runs = { labels: Uint32Array; counts: Uint16Array };

export class LexicalPostings {
  private runs: Runs;
  /** Postings read from a file are decoded one term's run at a time, when first asked for (see `decode`). */
  private encoded: EncodedRuns | null = null;

  constructor(
    /** Shared with the store that builds on these postings; ids from `termCount` on have none here. */
    readonly dictionary: TermDictionary,
    /** Postings of term `id` are `offsets[id]` … `offsets[id + 1]` in `labels` and `counts`. */
    readonly offsets: Uint32Array,
    labels: Uint32Array,
    counts: Uint16Array,
    /** Terms per passage by label (0 for a label that is not a passage, or holds no terms). */
    readonly lengths: Uint32Array,
    /** Passages indexed (some may hold no terms). */
    readonly passageCount: number,
    readonly totalLength: number,
  ) {
    this.runs = { labels, counts };
  }

  /** Every term's postings, all decoded. */
  get labels(): Uint32Array {
    this.decodeAll();
    return this.runs.labels;
  }

  get counts(): Uint16Array {
    this.decodeAll();
    return this.runs.counts;
  }

  /** The postings arrays with term `id`'s run (`offsets[id]` … `offsets[id + 1]`) decoded; other runs may not be yet. */
  run(id: number): Runs {
    this.encoded?.decode(id, this.runs);
    return this.runs;
  }

  private decodeAll(): void {
    if (!this.encoded) return;
    for (let id = 0; id < this.termCount; id++) this.encoded.decode(id, this.runs);
    this.encoded = null;
  }

  static empty(): LexicalPostings {
    return new LexicalPostings(new TermDictionary(), new Uint32Array(1), new Uint32Array(0), new Uint16Array(0), new Uint32Array(0), 0, 0);
  }

  get termCount(): number {
    return this.offsets.length - 1;
  }

  /** The id of a term, or -1 when no passage here holds it. */
  termId(term: string): number {
    const id = this.dictionary.id(term);
    return id < this.termCount ? id : -1;
  }

  documentFrequency(termId: number): number {
    return termId < 0 ? 0 : this.offsets[termId + 1]! - this.offsets[termId]!;
  }

  /**
   * These postings without the `removed` labels, plus `added` passages (labels above every one
   * here, term ids from this dictionary). Used to write a full snapshot after changes, and to
   * serve a snapshot loaded with its delta.
   */
  merge(removed: ReadonlySet<number>, added: readonly TermEntry[]): LexicalPostings {
    const termCount = this.dictionary.terms.length;
    const gone = new Uint8Array(this.lengths.length);
    for (const label of removed) if (label < gone.length) gone[label] = 1;
    const entries = [...added].sort((a, b) => a.label - b.label);
    // The snapshot's arrays as locals: these loops run once per posting (11M at 100k passages).
    const { offsets: from, labels: fromLabels, counts: fromCounts } = this;
    const snapshotTerms = this.termCount;
    // Pass 1: postings per term, so that each term's run can be placed.
    const offsets = new Uint32Array(termCount + 1);
    for (let id = 0; id < snapshotTerms; id++) {
      const end = from[id + 1]!;
      let n = 0;
      for (let i = from[id]!; i < end; i++) n += 1 - gone[fromLabels[i]!]!;
      offsets[id + 1] = n;
    }
    for (const entry of entries) forEachRun(entry.termIds, (id) => (offsets[id + 1]! += 1));
    for (let id = 0; id < termCount; id++) offsets[id + 1]! += offsets[id]!;
    // Pass 2: the kept postings, then the added passages (higher labels): each run stays in label order.
    const labels = new Uint32Array(offsets[termCount]!);
    const counts = new Uint16Array(offsets[termCount]!);
    const fill = offsets.slice(0, termCount);
    for (let id = 0; id < snapshotTerms; id++) {
      let at = fill[id]!;
      const end = from[id + 1]!;
      for (let i = from[id]!; i < end; i++) {
        const label = fromLabels[i]!;
        if (gone[label]) continue;
        labels[at] = label;
        counts[at] = fromCounts[i]!;
        at++;
      }
      fill[id] = at;
    }
    const lengths = new Uint32Array(Math.max(this.lengths.length, (entries.at(-1)?.label ?? -1) + 1));
    lengths.set(this.lengths);
    let passageCount = this.passageCount;
    let totalLength = this.totalLength;
    for (const label of removed) {
      if (label >= this.lengths.length) continue;
      totalLength -= lengths[label]!;
      lengths[label] = 0;
      passageCount--;
    }
    for (const entry of entries) {
      forEachRun(entry.termIds, (id, count) => {
        labels[fill[id]!] = entry.label;
        counts[fill[id]!] = Math.min(count, MAX_COUNT);
        fill[id]! += 1;
      });
      lengths[entry.label] = entry.termIds.length;
      totalLength += entry.termIds.length;
      passageCount++;
    }
    return new LexicalPostings(this.dictionary, offsets, labels, counts, lengths, passageCount, totalLength);
  }

  encode(): Buffer {
    const dictionary = Buffer.from(this.dictionary.terms.slice(0, this.termCount).join('\n'), 'utf8');
    const dictionaryPadded = Math.ceil(dictionary.length / 4) * 4;
    const postingBytes = this.encodePostings();
    const size = HEADER_BYTES + dictionaryPadded + this.offsets.byteLength + this.lengths.byteLength + postingBytes.length;
    const buffer = Buffer.alloc(size);
    buffer.writeUInt32LE(MAGIC, 0);
    buffer.writeUInt32LE(VERSION, 4);
    buffer.writeUInt32LE(this.termCount, 8);
    buffer.writeUInt32LE(this.labels.length, 12);
    buffer.writeUInt32LE(this.lengths.length, 16);
    buffer.writeUInt32LE(this.passageCount, 20);
    buffer.writeDoubleLE(this.totalLength, 24);
    buffer.writeUInt32LE(dictionary.length, 32);
    buffer.writeUInt32LE(postingBytes.length, 36);
    let at = HEADER_BYTES;
    dictionary.copy(buffer, at);
    at += dictionaryPadded;
    for (const array of [this.offsets, this.lengths]) {
      buffer.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
      at += array.byteLength;
    }
    buffer.set(postingBytes, at);
    return buffer;
  }

  /** Each term's postings as varints: the gap from the previous label (the first label plus one), then the count. */
  private encodePostings(): Uint8Array {
    const { offsets, labels, counts } = this;
    const size = (value: number) => (value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : value < 0x10000000 ? 4 : 5);
    const each = (visit: (gap: number, count: number) => void) => {
      for (let id = 0; id < this.termCount; id++) {
        let previous = -1;
        for (let i = offsets[id]!; i < offsets[id + 1]!; i++) {
          visit(labels[i]! - previous, counts[i]!);
          previous = labels[i]!;
        }
      }
    };
    let bytes = 0;
    each((gap, count) => (bytes += size(gap) + size(count)));
    const out = new Uint8Array(bytes);
    let at = 0;
    const put = (value: number) => {
      while (value >= 0x80) {
        out[at++] = (value & 0x7f) | 0x80;
        value >>>= 7;
      }
      out[at++] = value;
    };
    each((gap, count) => {
      put(gap);
      put(count);
    });
    return out;
  }

  /**
   * Reads a file written by `encode`; throws INDEX_DAMAGED naming `path` when it is not one. The
   * runs stay encoded until a term's are asked for (`run`), and a damaged run is reported then:
   * a question needs the runs of its few terms, and decoding all 11M postings of a 100k-passage
   * index was most of loading it (its checksum is checked at open either way).
   */
  static decode(buffer: Buffer, path: string): LexicalPostings {
    const damaged = (reason: string) => createError('INDEX_DAMAGED', { file: path, reason });
    if (buffer.length < HEADER_BYTES || buffer.readUInt32LE(0) !== MAGIC) throw damaged('not a postings file');
    if (buffer.readUInt32LE(4) !== VERSION) throw damaged(`postings format ${buffer.readUInt32LE(4)}, this program reads ${VERSION}`);
    const termCount = buffer.readUInt32LE(8);
    const postings = buffer.readUInt32LE(12);
    const labelLimit = buffer.readUInt32LE(16);
    const passageCount = buffer.readUInt32LE(20);
    const totalLength = buffer.readDoubleLE(24);
    const dictionaryBytes = buffer.readUInt32LE(32);
    const postingBytes = buffer.readUInt32LE(36);
    const dictionaryPadded = Math.ceil(dictionaryBytes / 4) * 4;
    const expected = HEADER_BYTES + dictionaryPadded + 4 * (termCount + 1) + 4 * labelLimit + postingBytes;
    if (buffer.length !== expected) throw damaged(`${buffer.length} bytes, its header describes ${expected}`);
    // Typed-array views need 4-byte alignment in memory; a pooled Buffer may not have it.
    const bytes = buffer.byteOffset % 4 === 0 ? buffer : Buffer.from(buffer);
    let at = HEADER_BYTES;
    const dictionary = bytes.toString('utf8', at, at + dictionaryBytes);
    const terms = termCount === 0 ? [] : dictionary.split('\n');
    if (terms.length !== termCount) throw damaged(`${terms.length} terms in its dictionary, its header says ${termCount}`);
    at += dictionaryPadded;
    const offsets = new Uint32Array(bytes.buffer, bytes.byteOffset + at, termCount + 1);
    at += offsets.byteLength;
    const lengths = new Uint32Array(bytes.buffer, bytes.byteOffset + at, labelLimit);
    at += lengths.byteLength;
    if (offsets[0] !== 0 || offsets[termCount] !== postings) throw damaged('its offsets do not cover its postings');
    for (let id = 0; id < termCount; id++)
      if (offsets[id]! > offsets[id + 1]!) throw damaged(`term ${id}'s postings end before they start`);
    // Zero-filled arrays the runs are decoded into: pages no run was decoded into are never touched.
    const decoded = new LexicalPostings(
      new TermDictionary(terms),
      offsets,
      new Uint32Array(postings),
      new Uint16Array(postings),
      lengths,
      passageCount,
      totalLength,
    );
    decoded.encoded = new EncodedRuns(bytes.subarray(at, at + postingBytes), offsets, labelLimit, damaged);
    return decoded;
  }
}

/**
 * The varint runs of a postings file, decoded term by term. Where each term's run starts in the
 * bytes is found on first use, by one pass that counts the varints' last bytes (two a posting).
 */
class EncodedRuns {
  private starts: Uint32Array | null = null;
  private readonly done: Uint8Array;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly offsets: Uint32Array,
    private readonly labelLimit: number,
    private readonly damaged: (reason: string) => Error,
  ) {
    this.done = new Uint8Array(offsets.length - 1);
  }

  /** Decodes term `id`'s run into `into` at its offsets, unless it was already; checked as it is read. */
  decode(id: number, into: Runs): void {
    if (id < 0 || id >= this.done.length || this.done[id]) return;
    const { bytes, offsets, labelLimit, damaged } = this;
    const { labels, counts } = into;
    const starts = this.startsOf();
    let at = starts[id]!;
    const end = starts[id + 1]!;
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
      label += gap;
      if (label >= labelLimit) throw damaged(`posting ${i} names label ${label}, beyond ${labelLimit}`);
      labels[i] = label;
      counts[i] = count;
    }
    if (at !== end) throw damaged(`term ${id}'s postings do not end where the next term's begin`);
    this.done[id] = 1;
  }

  private startsOf(): Uint32Array {
    if (this.starts) return this.starts;
    const { bytes, offsets } = this;
    const termCount = offsets.length - 1;
    const starts = new Uint32Array(termCount + 1);
    let at = 0;
    for (let id = 0; id < termCount; id++) {
      starts[id] = at;
      // Each posting is two varints, each ending at its first byte below 0x80.
      for (let left = 2 * (offsets[id + 1]! - offsets[id]!); left > 0; at++) {
        if (at >= bytes.length) throw this.damaged('its postings end inside a number');
        if (bytes[at]! < 0x80) left--;
      }
    }
    if (at !== bytes.length) throw this.damaged(`${bytes.length - at} bytes after its last posting`);
    starts[termCount] = at;
    return (this.starts = starts);
  }
}

/** Calls `visit` once per distinct term id of a passage, with how often it occurs. */
function forEachRun(termIds: Uint32Array, visit: (id: number, count: number) => void): void {
  const sorted = termIds.slice().sort();
  for (let i = 0; i < sorted.length;) {
    let j = i + 1;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    visit(sorted[i]!, j - i);
    i = j;
  }
}
