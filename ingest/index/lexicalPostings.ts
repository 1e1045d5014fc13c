import { createError } from '../core/errors.js';
import {
  ArrayRuns,
  EncodedRuns,
  MergedRuns,
  RUN_START_EVERY,
  type PostingArrays,
  type Run,
  type RunSource,
  type TermEntry,
} from './postingRuns.js';

export type { TermEntry } from './postingRuns.js';

/**
 * The lexical half of a snapshot, saved beside the vector graph so that loading an index does
 * not re-read and re-count every passage's terms (11.6M term occurrences at 100k passages took
 * seconds): a term dictionary, and for each term the passages holding it, in label order, with
 * how often (compressed sparse rows), plus every passage's length in terms.
 *
 * File layout (little-endian): "NDLX", version, term count, posting count, label limit,
 * passage count, total length (float64), dictionary byte length, posting byte length; the
 * dictionary (UTF-8 terms separated by "\n", padded to 4 bytes); offsets (uint32, terms + 1);
 * run starts (uint32: the byte in the varints where every RUN_START_EVERY-th term's run starts,
 * then their length); lengths by label (uint32); then each term's postings as unsigned LEB128
 * varints, a label gap and a count per posting (about 2 bytes a posting instead of 6: the
 * postings were over a quarter of the index on disk).
 */

const MAGIC = 0x584c444e; // "NDLX"
const VERSION = 3;
const HEADER_BYTES = 40;
const NO_RUN: Run = { labels: new Uint32Array(0), counts: new Uint16Array(0), start: 0, end: 0 };

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

export class LexicalPostings {
  constructor(
    /** Shared with the store that builds on these postings; ids from `termCount` on have none here. */
    readonly dictionary: TermDictionary,
    private readonly runs: RunSource,
    /** Terms per passage by label (0 for a label that is not a passage, or holds no terms). */
    readonly lengths: Uint32Array,
    /** Passages indexed (some may hold no terms). */
    readonly passageCount: number,
    readonly totalLength: number,
  ) {}

  static empty(): LexicalPostings {
    const arrays = { offsets: new Uint32Array(1), labels: new Uint32Array(0), counts: new Uint16Array(0) };
    return new LexicalPostings(new TermDictionary(), new ArrayRuns(arrays), new Uint32Array(0), 0, 0);
  }

  get termCount(): number {
    return this.runs.termCount;
  }

  /** The id of a term, or -1 when no passage here holds it. */
  termId(term: string): number {
    const id = this.dictionary.id(term);
    return id < this.termCount ? id : -1;
  }

  documentFrequency(termId: number): number {
    return termId < 0 ? 0 : this.runs.count(termId);
  }

  /** Term `termId`'s postings (none for -1), built when first asked for. */
  run(termId: number): Run {
    return termId < 0 ? NO_RUN : this.runs.run(termId);
  }

  /** Every term's postings in one set of arrays (all of them built: for writing and comparing, not for questions). */
  all(): PostingArrays {
    return this.runs.all();
  }

  /**
   * These postings without the `removed` labels, plus `added` passages (labels above every one
   * here, term ids from this dictionary), each term's merged when first asked for unless the
   * added passages outnumber the kept ones. Used to write a full snapshot after changes, and to
   * serve a snapshot loaded with its delta.
   */
  merge(removed: ReadonlySet<number>, added: readonly TermEntry[]): LexicalPostings {
    const gone = new Uint8Array(this.lengths.length);
    for (const label of removed) if (label < gone.length) gone[label] = 1;
    const entries = [...added].sort((a, b) => a.label - b.label);
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
      lengths[entry.label] = entry.termIds.length;
      totalLength += entry.termIds.length;
      passageCount++;
    }
    const runs = new MergedRuns(this.runs, gone, entries, this.dictionary.terms.length);
    // Merging term by term pays for a delta; postings built mostly from added passages (a
    // database generation read from its rows: 3 s on the first question at 100k) are built at once.
    if (entries.length > passageCount - entries.length) runs.all();
    return new LexicalPostings(this.dictionary, runs, lengths, passageCount, totalLength);
  }

  encode(): Buffer {
    const arrays = this.all();
    const dictionary = Buffer.from(this.dictionary.terms.slice(0, this.termCount).join('\n'), 'utf8');
    const dictionaryPadded = Math.ceil(dictionary.length / 4) * 4;
    const { bytes: postingBytes, starts } = encodeRuns(arrays);
    const size =
      HEADER_BYTES + dictionaryPadded + arrays.offsets.byteLength + starts.byteLength + this.lengths.byteLength + postingBytes.length;
    const buffer = Buffer.alloc(size);
    buffer.writeUInt32LE(MAGIC, 0);
    buffer.writeUInt32LE(VERSION, 4);
    buffer.writeUInt32LE(this.termCount, 8);
    buffer.writeUInt32LE(arrays.labels.length, 12);
    buffer.writeUInt32LE(this.lengths.length, 16);
    buffer.writeUInt32LE(this.passageCount, 20);
    buffer.writeDoubleLE(this.totalLength, 24);
    buffer.writeUInt32LE(dictionary.length, 32);
    buffer.writeUInt32LE(postingBytes.length, 36);
    let at = HEADER_BYTES;
    dictionary.copy(buffer, at);
    at += dictionaryPadded;
    for (const array of [arrays.offsets, starts, this.lengths]) {
      buffer.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
      at += array.byteLength;
    }
    buffer.set(postingBytes, at);
    return buffer;
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
    const startCount = runStartCount(termCount);
    const expected = HEADER_BYTES + dictionaryPadded + 4 * (termCount + 1) + 4 * startCount + 4 * labelLimit + postingBytes;
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
    const starts = new Uint32Array(bytes.buffer, bytes.byteOffset + at, startCount);
    at += starts.byteLength;
    const lengths = new Uint32Array(bytes.buffer, bytes.byteOffset + at, labelLimit);
    at += lengths.byteLength;
    if (offsets[0] !== 0 || offsets[termCount] !== postings) throw damaged('its offsets do not cover its postings');
    for (let id = 0; id < termCount; id++)
      if (offsets[id]! > offsets[id + 1]!) throw damaged(`term ${id}'s postings end before they start`);
    if (starts[0] !== 0 || starts[startCount - 1] !== postingBytes) throw damaged('its run starts do not cover its postings');
    for (let k = 1; k < startCount; k++) if (starts[k - 1]! > starts[k]!) throw damaged(`its run starts go back at ${k}`);
    const runs = new EncodedRuns(bytes.subarray(at, at + postingBytes), offsets, starts, labelLimit, damaged);
    return new LexicalPostings(new TermDictionary(terms), runs, lengths, passageCount, totalLength);
  }
}

/** Entries of the run-start table for `termCount` terms: one per RUN_START_EVERY terms, and the end. */
const runStartCount = (termCount: number) => Math.ceil(termCount / RUN_START_EVERY) + 1;

/**
 * Each term's postings as varints: the gap from the previous label (the first label plus one),
 * then the count; and where every RUN_START_EVERY-th term's run starts in them.
 */
function encodeRuns({ offsets, labels, counts }: PostingArrays): { bytes: Uint8Array; starts: Uint32Array } {
  const termCount = offsets.length - 1;
  const starts = new Uint32Array(runStartCount(termCount));
  const size = (value: number) => (value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : value < 0x10000000 ? 4 : 5);
  const each = (visit: (gap: number, count: number) => void, onTerm?: (id: number) => void) => {
    for (let id = 0; id < termCount; id++) {
      onTerm?.(id);
      let previous = -1;
      for (let i = offsets[id]!; i < offsets[id + 1]!; i++) {
        visit(labels[i]! - previous, counts[i]!);
        previous = labels[i]!;
      }
    }
  };
  let bytes = 0;
  each(
    (gap, count) => (bytes += size(gap) + size(count)),
    (id) => {
      if (id % RUN_START_EVERY === 0) starts[id / RUN_START_EVERY] = bytes;
    },
  );
  starts[starts.length - 1] = bytes;
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
  return { bytes: out, starts };
}
