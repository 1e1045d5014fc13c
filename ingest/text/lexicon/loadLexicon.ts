import { closeSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { indexLexiconLines, parseLexiconHeader, splitRenderings, type LexiconHeader } from './lexiconFile.js';

/**
 * The committed bilingual lexicons (see lexiconFile), read once per process and kept as read:
 * the file's text and where each line starts. The lines are sorted by key, so a question's word
 * is found by binary search, and loading is a file read and one scan (no per-line strings or
 * objects for the ~100k headwords nobody asks about).
 */

export const LEXICON_DATA_DIR = resolve(import.meta.dirname, 'data');
/** Enough to hold a header line. */
const HEADER_BYTES = 1024;

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

/** One lexicon file, read and indexed; throws naming the file and line of anything malformed. */
export function readLexicon(file: string): Lexicon {
  const text = readFileSync(file, 'utf8');
  const header = parseLexiconHeader(text, file);
  const starts = indexLexiconLines(text, file);
  const keyAt = (i: number) => text.slice(starts[i]!, text.indexOf('\t', starts[i]!));
  const entryAt = (i: number): LexiconEntry => {
    const at = starts[i]!;
    const tab1 = text.indexOf('\t', at);
    const tab2 = text.indexOf('\t', tab1 + 1);
    const end = text.indexOf('\n', tab2);
    return { headword: text.slice(tab1 + 1, tab2), renderings: splitRenderings(text.slice(tab2 + 1, end < 0 ? text.length : end)) };
  };
  return {
    header,
    entries: (key) => {
      // The first line whose key is not below `key`; the lines are sorted by key.
      let low = 0;
      let high = starts.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (keyAt(middle) < key) low = middle + 1;
        else high = middle;
      }
      const found: LexiconEntry[] = [];
      for (let i = low; i < starts.length && keyAt(i) === key; i++) found.push(entryAt(i));
      return found;
    },
    forEach: (visit) => {
      for (let i = 0; i < starts.length; i++) visit(keyAt(i), entryAt(i));
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
