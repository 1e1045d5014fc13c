import { open, readFile } from 'node:fs/promises';
import { createError } from '../core/errors.js';
import type { PassageLine } from './storeFiles.js';

/**
 * A snapshot's passages as one binary file: their texts as UTF-8, the overlap an article's next
 * passage shares with the one before stored once, then a table of fixed-size records and the
 * article ids. Loading so decodes each text once, without parsing JSON (as JSON lines the 100k
 * bench passages took 82 MB and most of a load's time; the overlap between passages is about a
 * fifth of their text).
 *
 * Layout (little-endian): "NDPS", version, passage count, article count, text bytes, id bytes
 * (24 bytes); the texts; per passage label, article index, ordinal, start, end, text offset and
 * text byte length (uint32 each); the article ids (UTF-8, separated by "\n").
 */

const MAGIC = 0x5350444e; // "NDPS"
const VERSION = 1;
const HEADER_BYTES = 24;
const FIELDS = 7;
/** Texts are written a few megabytes at a time. */
const WRITE_CHUNK = 4 * 1024 * 1024;

/** Writes passages (an article's passages one after another, by ordinal, as an index holds them) into a new file at `path`. */
export async function writePassageTable(path: string, passages: Iterable<PassageLine> | AsyncIterable<PassageLine>): Promise<void> {
  const file = await open(path, 'w');
  try {
    const table: number[] = [];
    const sourceIndex = new Map<string, number>();
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let textBytes = 0;
    let previous: { line: PassageLine; offset: number } | null = null;
    for await (const line of passages) {
      const before: { line: PassageLine; offset: number } | null = previous;
      const shared = before ? sharedPrefix(before.line, line) : 0;
      // A shared start begins inside the previous text, as many bytes in as the characters before it take.
      const offset: number =
        before && shared > 0 ? before.offset + Buffer.byteLength(before.line.text.slice(0, line.start - before.line.start)) : textBytes;
      const added = Buffer.from(shared > 0 ? line.text.slice(shared) : line.text, 'utf8');
      const byteLength = textBytes + added.length - offset;
      let source = sourceIndex.get(line.sourceId);
      if (source === undefined) sourceIndex.set(line.sourceId, (source = sourceIndex.size));
      table.push(line.label, source, line.ordinal, line.start, line.end, offset, byteLength);
      pending.push(added);
      pendingBytes += added.length;
      textBytes += added.length;
      if (pendingBytes >= WRITE_CHUNK) {
        await file.write(Buffer.concat(pending), 0, pendingBytes, HEADER_BYTES + textBytes - pendingBytes);
        pending = [];
        pendingBytes = 0;
      }
      previous = { line, offset };
    }
    if (pendingBytes) await file.write(Buffer.concat(pending), 0, pendingBytes, HEADER_BYTES + textBytes - pendingBytes);
    const records = Buffer.from(Uint32Array.from(table).buffer);
    const ids = Buffer.from([...sourceIndex.keys()].join('\n'), 'utf8');
    const header = Buffer.alloc(HEADER_BYTES);
    [MAGIC, VERSION, table.length / FIELDS, sourceIndex.size, textBytes, ids.length].forEach((v, i) => header.writeUInt32LE(v, 4 * i));
    await file.write(Buffer.concat([records, ids]), 0, records.length + ids.length, HEADER_BYTES + textBytes);
    await file.write(header, 0, HEADER_BYTES, 0);
  } finally {
    await file.close();
  }
}

/**
 * How many leading characters of `line` are the end of `previous` (the article's passage before
 * it, overlapping it), so they are stored once; 0 when they share nothing. Texts are well-formed
 * (decoded by TextDecoder, cut at sentence boundaries), so no split falls inside a surrogate pair.
 */
function sharedPrefix(previous: PassageLine, line: PassageLine): number {
  if (line.sourceId !== previous.sourceId || line.start <= previous.start || line.start >= previous.end) return 0;
  const tail = previous.text.slice(line.start - previous.start);
  return tail.length === previous.end - line.start && line.text.startsWith(tail) ? tail.length : 0;
}

/**
 * A passage of the table whose text stays UTF-8 in the file's buffer until it is first read:
 * a question reads a few dozen passages, and decoding every text at load was most of the
 * table's load time (53 of 70–118 ms at 10k passages). `text` is an own enumerable property, so
 * spreading, comparing or serialising a passage sees it like any other field: a getter until
 * first read, then the decoded string.
 */
class TablePassage implements PassageLine {
  declare readonly text: string;
  readonly #buffer: Buffer;
  readonly #from: number;
  readonly #to: number;

  static readonly #lazyText: PropertyDescriptor = {
    enumerable: true,
    configurable: true,
    get(this: TablePassage): string {
      const text = this.#buffer.toString('utf8', this.#from, this.#to);
      Object.defineProperty(this, 'text', { value: text, enumerable: true });
      return text;
    },
  };

  constructor(
    readonly label: number,
    readonly sourceId: string,
    readonly ordinal: number,
    readonly start: number,
    readonly end: number,
    buffer: Buffer,
    from: number,
    to: number,
  ) {
    this.#buffer = buffer;
    this.#from = from;
    this.#to = to;
    Object.defineProperty(this, 'text', TablePassage.#lazyText);
  }
}

/** Reads a file written by `writePassageTable`; throws INDEX_DAMAGED naming `path` when it is not one. */
export async function readPassageTable(path: string): Promise<PassageLine[]> {
  return [...(await openPassageTable(path))];
}

/**
 * The passages of a file written by `writePassageTable`, one at a time as they are iterated (a
 * full snapshot written while ingesting copies them without holding them all), each text decoded
 * when first read; throws INDEX_DAMAGED naming `path` when it is not such a file.
 */
export async function openPassageTable(path: string): Promise<Iterable<PassageLine>> {
  const buffer = await readFile(path);
  const damaged = (reason: string) => createError('INDEX_DAMAGED', { file: path, reason });
  if (buffer.length < HEADER_BYTES || buffer.readUInt32LE(0) !== MAGIC) throw damaged('not a passages file');
  if (buffer.readUInt32LE(4) !== VERSION) throw damaged(`passages format ${buffer.readUInt32LE(4)}, this program reads ${VERSION}`);
  const count = buffer.readUInt32LE(8);
  const sourceCount = buffer.readUInt32LE(12);
  const textBytes = buffer.readUInt32LE(16);
  const idBytes = buffer.readUInt32LE(20);
  const tableAt = HEADER_BYTES + textBytes;
  const idsAt = tableAt + 4 * FIELDS * count;
  if (buffer.length !== idsAt + idBytes) throw damaged(`${buffer.length} bytes, its header describes ${idsAt + idBytes}`);
  const ids = sourceCount === 0 ? [] : buffer.toString('utf8', idsAt, idsAt + idBytes).split('\n');
  if (ids.length !== sourceCount) throw damaged(`${ids.length} article ids, its header says ${sourceCount}`);
  // Each record's fields (label, article index, ordinal, start, end, text offset, byte length),
  // read through one view: Buffer.readUInt32LE checked bounds per field, a third of a 100k load.
  const table = new DataView(buffer.buffer, buffer.byteOffset + tableAt, 4 * FIELDS * count);
  const field = (row: number, f: number) => table.getUint32(4 * (row * FIELDS + f), true);
  function* lines(): Generator<PassageLine> {
    for (let i = 0; i < count; i++) {
      const [source, start, end, offset, byteLength] = [field(i, 1), field(i, 3), field(i, 4), field(i, 5), field(i, 6)];
      if (source >= sourceCount || offset + byteLength > textBytes || end < start) throw damaged(`passage ${i} points outside the file`);
      const from = HEADER_BYTES + offset;
      yield new TablePassage(field(i, 0), ids[source]!, field(i, 2), start, end, buffer, from, from + byteLength);
    }
  }
  return { [Symbol.iterator]: lines };
}
