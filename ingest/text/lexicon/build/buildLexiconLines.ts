import { stemWord } from '../../stemWord.js';
import { tokenizeText } from '../../tokenizeText.js';
import type { LexiconLine } from '../lexiconFile.js';
import type { DictdEntry } from './readDictd.js';
import { parseDictdEntry } from './parseDictdEntry.js';

/**
 * A dictionary's entries as lexicon lines: single-word headwords only (a question is looked up
 * word by word), keyed by the stem the project's analysis gives the word in `from`, entries of
 * one headword merged (a noun and a verb entry, say) in the dictionary's order, at most
 * MAX_RENDERINGS renderings each — past that they are rare senses, noise for a query.
 */

export const MAX_RENDERINGS = 8;

/** The one word a headword is as the project tokenises text ("know!" is "know"), or null for a phrase. */
export function headwordToken(headword: string): { raw: string; folded: string } | null {
  const tokens = tokenizeText(headword);
  return tokens.length === 1 && tokens[0]!.raw === headword.replace(/[!.']+$/, '') ? tokens[0]! : null;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Keys in UTF-8 byte order, the order lookups search in (see loadLexicon); it differs from `compare` only past U+FFFF. */
const compareBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

export function buildLexiconLines(entries: readonly DictdEntry[], from: string): LexiconLine[] {
  const byWord = new Map<string, { headword: string; renderings: string[] }>();
  for (const entry of entries) {
    const { headword, renderings } = parseDictdEntry(entry.text, entry.headword);
    const token = headwordToken(headword);
    if (!token || renderings.length === 0) continue;
    const known = byWord.get(token.folded);
    if (known) known.renderings.push(...renderings.filter((r) => !known.renderings.includes(r)));
    else byWord.set(token.folded, { headword: token.raw, renderings: [...renderings] });
  }
  const lines = [...byWord].map(([word, { headword, renderings }]) => ({
    key: stemWord(word, from),
    headword,
    renderings: renderings.slice(0, MAX_RENDERINGS),
  }));
  return lines.sort((a, b) => compareBytes(a.key, b.key) || compare(a.headword, b.headword));
}
