import { closeSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseLexiconHeader, splitRenderings, type LexiconHeader } from './lexiconFile.js';

/**
 * The committed bilingual lexicons (see lexiconFile), read once per process and kept as the
 * file's bytes. The lines are sorted by key (in byte order, which the data test checks), so a
 * question's word is found by binary search straight over the bytes, the way look(1) searches a
 * sorted file: loading is one read, with no decoding, indexing or per-line strings for the
 * ~100k headwords nobody asks about.
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

/** One lexicon file, read; its header is checked now, and a line a lookup reaches is named (file and line) when it is malformed. */
export function readLexicon(file: string): Lexicon {
  const bytes = readFileSync(file);
  const headerEnd = bytes.indexOf(NEWLINE);
  const header = parseLexiconHeader(bytes.toString('utf8', 0, headerEnd < 0 ? bytes.length : headerEnd), file);
  const bodyStart = headerEnd < 0 ? bytes.length : headerEnd + 1;
  const lineEnd = (start: number) => {
    const end = bytes.indexOf(NEWLINE, start);
    return end < 0 ? bytes.length : end;
  };
  /** Where the key of the line at `start` ends (its first tab); throws naming the line when the line has not both tabs. */
  const keyEnd = (start: number) => {
    const end = lineEnd(start);
    const tab1 = bytes.indexOf(TAB, start);
    const tab2 = tab1 < 0 ? -1 : bytes.indexOf(TAB, tab1 + 1);
    if (tab1 <= start || tab2 < 0 || tab2 > end) {
      let line = 1;
      for (let at = bytes.indexOf(NEWLINE); at >= 0 && at < start; at = bytes.indexOf(NEWLINE, at + 1)) line++;
      throw new Error(`${file}:${line}: expected "key<TAB>headword<TAB>renderings"`);
    }
    return tab1;
  };
  const entryAt = (start: number): LexiconEntry => {
    const tab1 = keyEnd(start);
    const tab2 = bytes.indexOf(TAB, tab1 + 1);
    return {
      headword: bytes.toString('utf8', tab1 + 1, tab2),
      renderings: splitRenderings(bytes.toString('utf8', tab2 + 1, lineEnd(start))),
    };
  };
  /** The sign of the line's key at `start` against `key`, both as UTF-8 bytes. */
  const compareKey = (start: number, key: Buffer) => bytes.compare(key, 0, key.length, start, keyEnd(start));
  return {
    header,
    entries: (word) => {
      const key = Buffer.from(word, 'utf8');
      // The first line whose key is not below `key`: `low` and `high` are line starts, every
      // line before `low` has a smaller key and every line from `high` on does not.
      let low = bodyStart;
      let high = bytes.length;
      while (low < high) {
        const start = bytes.lastIndexOf(NEWLINE, ((low + high) >>> 1) - 1) + 1;
        if (compareKey(start, key) < 0) low = lineEnd(start) + 1;
        else high = start;
      }
      const found: LexiconEntry[] = [];
      for (let at = low; at < bytes.length && compareKey(at, key) === 0; at = lineEnd(at) + 1) found.push(entryAt(at));
      return found;
    },
    forEach: (visit) => {
      for (let at = bodyStart; at < bytes.length; at = lineEnd(at) + 1) visit(bytes.toString('utf8', at, keyEnd(at)), entryAt(at));
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
