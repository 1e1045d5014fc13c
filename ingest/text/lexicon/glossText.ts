import { findNames } from '../bridgeNames.js';
import { findDates } from '../findDates.js';
import { foldText, isArabicScript } from '../foldText.js';
import { stemWithoutParticle } from '../stemArabic.js';
import { isStopword } from '../stopwords.js';
import { tokenizeText, type Token } from '../tokenizeText.js';
import { transliterationKeys } from '../transliterationKey.js';
import { glossTableFor, type GlossTable } from './buildGlossTables.js';
import type { LexiconShelf } from './loadLexicon.js';

/**
 * A word-for-word English gloss of a sentence: each word replaced by its first dictionary
 * sense, in the sentence's order, punctuation kept. Not a translation — no grammar, no sense
 * chosen from context — only enough for a reader to see what a foreign sentence is about.
 * Numbers, dates and (in Latin script) capitalised names stay as written; function words are
 * left out; any other word the dictionaries lack stays as written.
 */

export type GlossPiece = {
  /** The word as written in the sentence. */
  source: string;
  /** What the gloss shows for it (the English word, or the word itself), or null when left out (a function word). */
  shown: string | null;
  /** "content": a word the gloss is for; "kept": a name, number or date, shown as written; "function": a function word. */
  kind: 'content' | 'kept' | 'function';
  /** Whether the dictionary had an English word for it. */
  glossed: boolean;
};

export type Gloss = {
  /** The gloss as one line. */
  text: string;
  pieces: GlossPiece[];
  /** How many content words the sentence has, and how many of them got an English word. */
  contentWords: number;
  glossedWords: number;
};

/** What may stand between a sentence's (or a quoted part's) start and the word before it. */
const SENTENCE_BREAK = /[.!?…—–:"“«(]\s*$/;

/** Arabic punctuation, as English writes it. */
const PUNCTUATION: Readonly<Record<string, string>> = { '،': ',', '؛': ';', '؟': '?' };

/** The English a gloss table has for a folded word, or undefined. */
function lookUpWord(table: GlossTable, folded: string): string | undefined {
  const found = table.lookup(folded);
  if (found || !isArabicScript(folded)) return found;
  // Behind an attached preposition (بـ, لـ) the light stemmer does not look.
  const bare = stemWithoutParticle(folded);
  return bare ? table.lookup(bare) : undefined;
}

/**
 * The dictionaries' English as a gloss writes it. Arabeyes capitalises every English word: it is
 * lower-cased unless the Arabic word is a name (a CLDR name, or spelled like its English: "نيامي"
 * and "Niamey" share a consonant skeleton) or the English is an acronym.
 */
function englishCase(english: string, token: Token, isName: boolean): string {
  if (!isArabicScript(token.folded) || /^[A-Z0-9]+$/.test(english)) return english;
  const skeletons = new Set(transliterationKeys(token.folded));
  if (isName || transliterationKeys(foldText(english)).some((key) => skeletons.has(key)))
    return english.charAt(0).toUpperCase() + english.slice(1);
  return english.toLowerCase();
}

type Context = { language: string; table: GlossTable; startsSentence: boolean; inDate: boolean; inName: boolean };

function pieceOf(token: Token, { language, table, startsSentence, inDate, inName }: Context): GlossPiece {
  const source = token.raw;
  if (inDate || /\d/.test(token.folded)) return { source, shown: source, kind: 'kept', glossed: false };
  const found = lookUpWord(table, token.folded);
  const english = found && englishCase(found, token, inName);
  // A capital in Latin script marks a name, except on a sentence's first word when the dictionary knows it.
  if (/^\p{Lu}/u.test(source) && !(startsSentence && english)) return { source, shown: source, kind: 'kept', glossed: false };
  // Function words' first senses are mostly wrong in context ("telah" → "after"): left out.
  if (isStopword(token.folded, language)) return { source, shown: null, kind: 'function', glossed: false };
  return { source, shown: english ?? source, kind: 'content', glossed: english !== undefined };
}

/** Glosses `text`, written in `language`; undefined when no lexicon glosses that language (English included). */
export function glossText(text: string, language: string, shelf?: LexiconShelf): Gloss | undefined {
  const table = glossTableFor(language, shelf);
  if (!table) return undefined;
  const dates = findDates(text);
  const tokens = tokenizeText(text);
  const names = findNames(tokens);
  const pieces = tokens.map((token, index) =>
    pieceOf(token, {
      language,
      table,
      startsSentence: index === 0 || SENTENCE_BREAK.test(text.slice(tokens[index - 1]!.end, token.start)),
      inDate: dates.some((d) => token.start >= d.start && token.end <= d.end),
      inName: names.some((n) => index >= n.from && index < n.to),
    }),
  );
  const between = (from: number, to?: number) => text.slice(from, to).replace(/[،؛؟]/g, (p) => PUNCTUATION[p]!);
  let out = '';
  let at = 0;
  tokens.forEach((token, i) => {
    out += between(at, token.start) + (pieces[i]!.shown ?? '');
    at = token.end;
  });
  out += between(at);
  const content = pieces.filter((p) => p.kind === 'content');
  return {
    text: out
      .replace(/\s+([,.;:?!)])/g, '$1')
      .replace(/\s{2,}/g, ' ')
      .trim(),
    pieces,
    contentWords: content.length,
    glossedWords: content.filter((p) => p.glossed).length,
  };
}
