import { closeSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseLexiconHeader, splitRenderings, type LexiconHeader } from './lexiconFile.js';

/**
 * The committed bilingual lexicons (see lexiconFile), read once per process and kept as the
 * file's bytes. The lines are sorted by key (in byte order, which the data test checks), so a
 * question's word is found by binary search over where the lines start (found by one scan for
 * newlines on the first lookup), comparing bytes: loading is one read, with no decoding or
 * per-line strings for the ~100k headwords nobody asks about; only the lines a lookup returns are decoded.
 */

export const LEXICON_DATA_DIR = resolve(import.meta.dirname, 'data');
/** Enough to hold a header line. */
const HEADER_BYTES = 1024;
const NEWLINE = 0x0a;
const TAB = 0x09;

/** One headword of a key, with its renderings in the dictionary's order. */
export type LexiconEntry = { headword: string; renderings: string[] };

export type Lexicon = {
  header: LexiconHeader;
  /** The headwords stored under `key`, in file order; empty when there are none. */
  entries(key: string): LexiconEntry[];
  /** Every line, for tables built from the reverse direction (the gloss). */
  forEach(visit: (key: string, entry: LexiconEntry) => void): void;
};

function readHead(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(HEADER_BYTES);
    return buffer.subarray(0, readSync(fd, buffer, 0, HEADER_BYTES, 0)).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/**
 * Where the line starting at `start` has its two tabs and where it ends, or null when it has not
 * both tabs; `find(tab, from)` finds the next tab (or newline) in the bytes or the decoded text.
 */
function cutLine(find: (tab: boolean, from: number) => number, length: number, start: number) {
  const newline = find(false, start);
  const end = newline < 0 ? length : newline;
  const tab1 = find(true, start);
  const tab2 = tab1 < 0 ? -1 : find(true, tab1 + 1);
  return tab1 <= start || tab2 < 0 || tab2 > end ? null : { tab1, tab2, end };
}

/** One lexicon file, read; its header is checked now, and a line a lookup reaches is named (file and line) when it is malformed. */
export function readLexicon(file: string): Lexicon {
  const bytes = readFileSync(file);
  const headerEnd = bytes.indexOf(NEWLINE);
  const header = parseLexiconHeader(bytes.toString('utf8', 0, headerEnd < 0 ? bytes.length : headerEnd), file);
  const bodyStart = headerEnd < 0 ? bytes.length : headerEnd + 1;
  const malformed = (line: number) => new Error(`${file}:${line}: expected "key<TAB>headword<TAB>renderings"`);
  const findInBytes = (tab: boolean, from: number) => bytes.indexOf(tab ? TAB : NEWLINE, from);
  /** The line at `start` cut at its tabs; throws naming the line when it has not both. */
  const lineAt = (start: number) => {
    const cut = cutLine(findInBytes, bytes.length, start);
    if (cut) return cut;
    let line = 1;
    for (let at = bytes.indexOf(NEWLINE); at >= 0 && at < start; at = bytes.indexOf(NEWLINE, at + 1)) line++;
    throw malformed(line);
  };
  /** The sign of the key of the line at `start` against `key`, as UTF-8 bytes (keys hold no tab or newline). */
  const compareKey = (start: number, key: Buffer) => {
    for (let i = 0; ; i++) {
      const byte = start + i < bytes.length ? bytes[start + i]! : TAB;
      const lineEnded = byte === TAB || byte === NEWLINE;
      if (i === key.length) return lineEnded ? 0 : 1;
      if (lineEnded) return -1;
      if (byte !== key[i]) return byte < key[i]! ? -1 : 1;
    }
  };
  /** Where each line starts, found on the first lookup: one pass over the bytes, nothing decoded. */
  let starts: Uint32Array | undefined;
  const lineStarts = () => {
    if (starts) return starts;
    const found = new Uint32Array(header.headwords);
    let count = 0;
    for (let at = bodyStart, lineStart = true; at < bytes.length; at++) {
      if (lineStart) {
        if (count === found.length) throw new Error(`${file}: more lines than the ${header.headwords} headwords its header says`);
        found[count++] = at;
      }
      lineStart = bytes[at] === NEWLINE;
    }
    return (starts = found.subarray(0, count));
  };
  return {
    header,
    entries: (word) => {
      const key = Buffer.from(word, 'utf8');
      const starts = lineStarts();
      // The first line whose key is not below `key`.
      let low = 0;
      let high = starts.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (compareKey(starts[middle]!, key) < 0) low = middle + 1;
        else high = middle;
      }
      const found: LexiconEntry[] = [];
      // The lines from there on are checked (lineAt) before their key is compared: a malformed one a lookup reaches is named.
      for (let at = low < starts.length ? starts[low]! : bytes.length; at < bytes.length;) {
        const { tab1, tab2, end } = lineAt(at);
        if (compareKey(at, key) !== 0) break;
        found.push({
          headword: bytes.toString('utf8', tab1 + 1, tab2),
          renderings: splitRenderings(bytes.toString('utf8', tab2 + 1, end)),
        });
        at = end + 1;
      }
      return found;
    },
    forEach: (visit) => {
      // The gloss tables read every line: the body is decoded at once and cut at its newlines and tabs.
      const text = bytes.toString('utf8', bodyStart);
      const findInText = (tab: boolean, from: number) => text.indexOf(tab ? '\t' : '\n', from);
      for (let at = 0, line = 2; at < text.length; line++) {
        const cut = cutLine(findInText, text.length, at);
        if (!cut) throw malformed(line);
        const { tab1, tab2, end } = cut;
        visit(text.slice(at, tab1), { headword: text.slice(tab1 + 1, tab2), renderings: splitRenderings(text.slice(tab2 + 1, end)) });
        at = end + 1;
      }
    },
  };
}

/** The lexicons of a data folder, found by language pair, each read on first use. */
export type LexiconShelf = {
  /** The lexicon from `from` into `to` (base language tags), or undefined when none was generated. */
  get(from: string, to: string): Lexicon | undefined;
  /** The target languages the shelf has lexicons for from `from`. */
  targets(from: string): string[];
};

export function openLexiconShelf(dir: string = LEXICON_DATA_DIR): LexiconShelf {
  const files = new Map<string, string>();
  const loaded = new Map<string, Lexicon>();
  const targets = new Map<string, string[]>();
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.tsv'))
    .sort()) {
    // The header alone says which pair a file holds; reading one line keeps this cheap.
    const file = join(dir, name);
    const { from, to } = parseLexiconHeader(readHead(file), file);
    files.set(`${from}:${to}`, file);
    targets.set(from, [...(targets.get(from) ?? []), to]);
  }
  return {
    get(from, to) {
      const pair = `${from}:${to}`;
      let lexicon = loaded.get(pair);
      if (!lexicon) {
        const file = files.get(pair);
        if (!file) return undefined;
        lexicon = readLexicon(file);
        loaded.set(pair, lexicon);
      }
      return lexicon;
    },
    targets: (from) => targets.get(from) ?? [],
  };
}

let shelf: LexiconShelf | undefined;

/** The project's own lexicons (ingest/text/lexicon/data), opened on first use. */
export function projectLexicons(): LexiconShelf {
  shelf ??= openLexiconShelf();
  return shelf;
}
