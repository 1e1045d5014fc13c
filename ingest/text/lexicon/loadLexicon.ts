import { closeSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { forEachLexiconLine, parseLexiconHeader, splitRenderings, type LexiconHeader } from './lexiconFile.js';

/**
 * The committed bilingual lexicons (see lexiconFile), read once per process and kept as read:
 * a key's lines stay one string until a question asks for it, so loading is a file read and a
 * Map fill (no per-rendering objects for the ~100k headwords nobody asks about).
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

function readLexicon(file: string): Lexicon {
  const text = readFileSync(file, 'utf8');
  const header = parseLexiconHeader(text, file);
  // key → its lines' "headword\trenderings", joined by "\n" when a key has several headwords.
  const byKey = new Map<string, string>();
  forEachLexiconLine(text, file, (key, headword, renderings) => {
    const line = `${headword}\t${renderings}`;
    const known = byKey.get(key);
    byKey.set(key, known === undefined ? line : `${known}\n${line}`);
  });
  const parse = (lines: string): LexiconEntry[] =>
    lines.split('\n').map((line) => {
      const tab = line.indexOf('\t');
      return { headword: line.slice(0, tab), renderings: splitRenderings(line.slice(tab + 1)) };
    });
  return {
    header,
    entries: (key) => {
      const lines = byKey.get(key);
      return lines === undefined ? [] : parse(lines);
    },
    forEach: (visit) => {
      for (const [key, lines] of byKey) for (const entry of parse(lines)) visit(key, entry);
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
