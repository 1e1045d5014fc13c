import { cognateKey } from './cognateKey.js';
import { isArabicScript } from './foldText.js';
import { dictionaryRenderings, type EnglishReading } from './lexicon/translateWithDictionary.js';
import { lexiconLanguage, translateStemsByLanguage } from './lexicon/translateWord.js';
import type { Token } from './tokenizeText.js';
import { transliterationKeys } from './transliterationKey.js';

/**
 * The terms that let a word meet its counterpart in another language: on the article side they
 * are indexed next to the stem, on the question side they become alternatives of the word.
 * - Transliteration keys bridge scripts: an Arabic word, or a capitalised (name-like) Latin word,
 *   is indexed under its consonant skeleton for the other script (`§xa:`, `§xl:`); a question's
 *   word asks for the skeleton in the script it is not written in.
 * - Cognate keys bridge Latin-script languages (`§c:`), from the stem so inflection does not hide them.
 * - Lexicon translations bridge everything else, on the question side only: the core lexicon
 *   and CLDR names first; for a language they have nothing in for an English word, the
 *   bilingual dictionaries' renderings (kept apart, to be weighted as one word's senses).
 */

const KEY_IN_ARABIC = '§xa:';
const KEY_IN_LATIN = '§xl:';
const COGNATE = '§c:';

const isCapitalised = (token: Token) => /^\p{Lu}/u.test(token.raw);

/** Bridge terms of an article's word, given its stem in the article's language. */
export function documentBridgeTerms(token: Token, stem: string): string[] {
  if (isArabicScript(token.folded)) return transliterationKeys(token.folded).map((k) => KEY_IN_ARABIC + k);
  const terms = isCapitalised(token) ? transliterationKeys(token.folded).map((k) => KEY_IN_LATIN + k) : [];
  const cognate = cognateKey(stem);
  if (cognate) terms.push(COGNATE + cognate);
  return terms;
}

export type QueryWord = {
  token: Token;
  /** The word's stem in each language it may be written in, as `[language, stem]`. */
  stems: readonly (readonly [string, string])[];
  /** The word read as English, when the question may be English: what the dictionaries are asked for. */
  english?: EnglishReading;
};

/** A question word's bridges: `renderings` are the dictionaries' (one list per language, commonest sense first), `terms` everything else. */
export type QueryBridges = { terms: string[]; renderings: string[][] };

/**
 * The dictionaries' renderings into each language the lexicon left without a translation; not
 * into the question's own detected language, which for a question read as English is a misreading
 * (and would load a dictionary the archive has no use for).
 */
function fillFromDictionaries(
  english: EnglishReading,
  languages: readonly string[],
  covered: ReadonlyMap<string, string[]>,
  questionLanguage?: string,
): string[][] {
  const skipped = new Set(['en', ...(questionLanguage ? [lexiconLanguage(questionLanguage)] : [])]);
  const targets = [...new Set(languages.map(lexiconLanguage))].filter((l) => !skipped.has(l) && !covered.has(l));
  return targets.map((target) => dictionaryRenderings(english, target)).filter((renderings) => renderings.length > 0);
}

/**
 * Bridge terms of a question's word. Translations come from its English reading (members ask
 * mostly in English) and from its reading in `questionLanguage`, into every other language in `languages`.
 */
export function queryBridgeTerms(
  { token, stems, english }: QueryWord,
  languages: readonly string[],
  questionLanguage?: string,
): QueryBridges {
  if (isArabicScript(token.folded)) {
    const translated = translateStemsByLanguage(
      stems.filter(([l]) => l === 'ar' || l === questionLanguage),
      languages,
    );
    return {
      terms: [...transliterationKeys(token.folded).map((k) => KEY_IN_LATIN + k), ...[...translated.values()].flat()],
      renderings: [],
    };
  }
  const terms = isCapitalised(token) ? transliterationKeys(token.folded).map((k) => KEY_IN_ARABIC + k) : [];
  // The shortest stem is the one that lost its affixes ("mengembangkan" → "kembang", "delegations" → "deleg").
  const shortest = stems.reduce((a, [, s]) => (s.length < a.length ? s : a), token.folded);
  const cognate = cognateKey(shortest);
  if (cognate) terms.push(COGNATE + cognate);
  const translated = translateStemsByLanguage(
    stems.filter(([l]) => l === 'en' || l === questionLanguage),
    languages,
  );
  for (const found of translated.values()) terms.push(...found);
  return { terms, renderings: english ? fillFromDictionaries(english, languages, translated, questionLanguage) : [] };
}
