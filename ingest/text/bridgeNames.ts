import { resolve } from 'node:path';
import { ARABIC_PARTICLES, stripArabicArticle } from './arabicPrefixes.js';
import { isArabicScript } from './foldText.js';
import { byFirstKey, readCldrTable } from './readCldrTable.js';
import type { Token, Word } from './tokenizeText.js';

/**
 * Cross-lingual names from the CLDR data in Node's ICU (`Intl.DisplayNames`): "EU", "European
 * Union", "Uni Eropa" and "الاتحاد الأوروبي" all become the concept term `§r:EU`, so a question in
 * one language meets an article in another without any dictionary download. The names are read
 * once from ingest/text/data/cldr-names.json, written from ICU by `npm run build-names`
 * (ingest/text/build/listCldrNames.ts).
 */

export const NAME_TABLE_FILE = resolve(import.meta.dirname, 'data', 'cldr-names.json');

/** Abbreviations news writes in capitals that CLDR does not list as names. */
const CAPITAL_ABBREVIATIONS = new Map(
  Object.entries({
    EU: 'r:EU',
    UE: 'r:EU',
    UN: 'r:UN',
    PBB: 'r:UN',
    US: 'r:US',
    USA: 'r:US',
    AS: 'r:US',
    UK: 'r:GB',
    UAE: 'r:AE',
    RI: 'r:ID',
    KSA: 'r:SA',
    DRC: 'r:CD',
    RDC: 'r:CD',
  }),
);

export const CONCEPT_PREFIX = '§';

export type NameEntry = { keys: string[]; concept: string };
/** A name as the data file stores it: its keys joined by spaces, and its concept ("r:NE"). */
export type NameRow = [keys: string, concept: string];
type NameTable = Map<string, NameEntry[]>;

const isNameRow = (row: unknown): row is NameRow =>
  Array.isArray(row) &&
  row.length === 2 &&
  typeof row[0] === 'string' &&
  row[0].length > 0 &&
  typeof row[1] === 'string' &&
  /^[rc]:[A-Z0-9]+$/.test(row[1]);

let table: NameTable | undefined;

/** Letters written onto a name: the particles, and و (and). */
const CLITIC_LETTERS = new Set(['و', ...ARABIC_PARTICLES]);

/**
 * The matching key of a folded word: Arabic words lose their article and attached particles,
 * unless fewer than three letters would be left: "بالاو" (Palau) is not بـ + الـ + "او" (or).
 */
export function nameKey(folded: string): string {
  if (!isArabicScript(folded)) return folded;
  const stripped = stripArabicArticle(folded);
  return stripped && stripped.length >= 3 ? stripped : folded;
}

// Every token of every passage is looked up here; the keys of a word never change, so they are memoised (bounded).
const KEYS_CACHE_LIMIT = 200_000;
const keysCache = new Map<string, string[]>();

/** Keys to try for a word of running text: as written, and without a leading Arabic particle. */
function candidateKeys(folded: string): string[] {
  let keys = keysCache.get(folded);
  if (keys === undefined) {
    keys = computeCandidateKeys(folded);
    if (keysCache.size >= KEYS_CACHE_LIMIT) keysCache.clear();
    keysCache.set(folded, keys);
  }
  return keys;
}

function computeCandidateKeys(folded: string): string[] {
  const key = nameKey(folded);
  const first = folded[0];
  if (first && CLITIC_LETTERS.has(first) && folded.length > 3 && isArabicScript(folded)) {
    const stripped = nameKey(folded.slice(1));
    if (stripped !== key) return [key, stripped];
  }
  return [key];
}

/** The names by first key, in the file's order (longest first within a key). */
function readNameTable(): NameTable {
  return byFirstKey(readCldrTable(NAME_TABLE_FILE, isNameRow, '[keys, concept]'), (keys, [, concept]) => ({ keys, concept }));
}

function nameTable(): NameTable {
  table ??= readNameTable();
  return table;
}

/** A concept found in a token sequence: which tokens it covers and its term. */
export type NameMatch = { from: number; to: number; term: string };

const NO_NAMES: readonly NameEntry[] = [];

/** The names a word may begin, in the order they are tried (memoised on the word: most begin none). */
function namesStartingWith(word: Word): readonly NameEntry[] {
  if (word.nameStarts === undefined) {
    const names = nameTable();
    const entries = candidateKeys(word.folded).flatMap((key) => names.get(key) ?? []);
    word.nameStarts = entries.length === 0 ? NO_NAMES : entries;
  }
  return word.nameStarts;
}

/** Finds CLDR names (longest first) and capitalised abbreviations in a token sequence. */
export function findNames(tokens: readonly Token[]): NameMatch[] {
  const matches: NameMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    const abbreviation = CAPITAL_ABBREVIATIONS.get(token.raw);
    let matched: NameMatch | undefined;
    if (abbreviation) matched = { from: i, to: i + 1, term: CONCEPT_PREFIX + abbreviation };
    else {
      for (const entry of namesStartingWith(token.word)) {
        if (entry.keys.every((k, j) => j === 0 || (tokens[i + j] && candidateKeys(tokens[i + j]!.folded).includes(k)))) {
          matched = { from: i, to: i + entry.keys.length, term: CONCEPT_PREFIX + entry.concept };
          break;
        }
      }
    }
    if (matched) {
      matches.push(matched);
      i = matched.to;
    } else {
      i += 1;
    }
  }
  return matches;
}
