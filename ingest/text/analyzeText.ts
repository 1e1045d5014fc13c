import { findNames, type NameMatch } from './bridgeNames.js';
import { documentBridgeTerms, queryBridgeTerms, type QueryBridges } from './crossLingualTerms.js';
import { isArabicScript } from './foldText.js';
import { baseLanguage } from './baseLanguage.js';
import { englishReading } from './lexicon/readEnglish.js';
import { stemWord } from './stemWord.js';
import { isStopword } from './stopwords.js';
import { stemWithoutParticle } from './stemArabic.js';
import { tokenizeText, type DocumentWordTerms, type Token } from './tokenizeText.js';

/**
 * The one analysis chain behind both lexical search and the offline embedder:
 * tokens → folded → stopwords dropped → stemmed, plus cross-lingual concept and bridge terms.
 */

export type DocumentAnalysis = {
  /** Stems and concept terms, in text order (repeats kept, for term frequencies). */
  terms: string[];
  /** Folded content words as written, for character n-grams. */
  words: string[];
};

/** One word (or name) of a question, with every term it may appear as in an article. */
export type QueryGroup = {
  surface: string;
  alternatives: string[];
  /**
   * The alternatives that are a bilingual dictionary's renderings of the word, one list per
   * dictionary, commonest sense first: one word's senses, weighted by that order so that a rare
   * wrong one cannot outweigh a common right one (see LexicalIndex). Absent when there are none.
   */
  renderings?: string[][];
};

export type QueryAnalysis = { groups: QueryGroup[]; words: string[] };

/** What the language-independent offline embedder sees of a text. */
export type SurfaceFeatures = { words: string[]; concepts: string[] };

/**
 * A text's tokens and the CLDR names among them: where both analyses of a passage start, so
 * that ingest, which needs both, tokenises and looks up names once.
 */
export type TokenizedText = { tokens: Token[]; names: NameMatch[] };

export function tokenizeForAnalysis(text: string): TokenizedText {
  const tokens = tokenizeText(text);
  return { tokens, names: findNames(tokens) };
}

const tokenized = (text: string | TokenizedText) => (typeof text === 'string' ? tokenizeForAnalysis(text) : text);

/**
 * Language detection misreads one short English question in 25 (as Kirundi, Berber, Filipino…):
 * a word that is an English function word and not one of the detected language's says the
 * question may be English after all, so its words are still looked up in the English dictionaries.
 */
const isEnglishFunctionWord = (folded: string, detected: string) => isStopword(folded, 'en') && !isStopword(folded, detected);

/** Stopwords of these languages are dropped when a text's language is not known. */
const COMMON_LANGUAGES = ['en', 'id', 'ar', 'fr', 'es', 'pt', 'de'];

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

function isContentToken(token: Token, languages: readonly string[]): boolean {
  const w = token.folded;
  if (w.length < 2 && !/\d/.test(w) && !CJK.test(w)) return false;
  return !languages.some((language) => isStopword(w, language));
}

/** An Arabic word's second reading, behind an attached preposition, indexed and asked for alongside its stem. */
function particleReading(folded: string): string[] {
  const stem = isArabicScript(folded) ? stemWithoutParticle(folded) : null;
  return stem ? [stem] : [];
}

/**
 * Per-word results are memoised: an archive repeats its vocabulary, and running the chain
 * (stopwords, stemmer, bridge keys) for every token was most of an ingest's analysis time. They
 * are kept on the token's Word (see tokenizeText), for the language last asked for; a word met
 * in articles of several languages also finds its other languages' terms here (bounded).
 */
const WORD_CACHE_LIMIT = 200_000;

/** By language, then by the word as written (bridges look at capitals). */
const documentWordCache = new Map<string, Map<string, DocumentWordTerms>>();

function documentWordTerms(token: Token, language: string): DocumentWordTerms {
  const { word } = token;
  if (word.documentTerms?.language === language) return word.documentTerms;
  let cache = documentWordCache.get(language);
  if (!cache) documentWordCache.set(language, (cache = new Map()));
  let known = cache.get(token.raw);
  if (known === undefined) {
    const stem = isContentToken(token, [language]) ? stemWord(token.folded, language) : null;
    known = { language, terms: stem === null ? null : [stem, ...particleReading(token.folded), ...documentBridgeTerms(token, stem)] };
    if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
    cache.set(token.raw, known);
  }
  word.documentTerms = known;
  return known;
}

/** The terms one token of an article in `language` is indexed under (memoised, see above); null for a stopword or a fragment. */
export function tokenDocumentTerms(token: Token, language: string): readonly string[] | null {
  return documentWordTerms(token, language).terms;
}

/** Analyses an article passage written in `language` (a BCP 47 tag). */
export function analyzeDocument(text: string | TokenizedText, language: string): DocumentAnalysis {
  const { tokens, names } = tokenized(text);
  const terms: string[] = [];
  const words: string[] = [];
  for (const token of tokens) {
    const wordTerms = documentWordTerms(token, language).terms;
    if (!wordTerms) continue;
    for (const term of wordTerms) terms.push(term);
    words.push(token.folded);
  }
  for (const name of names) terms.push(name.term);
  return { terms, words };
}

/** Numbers terms: a TermDictionary, or anything else that gives each term one id. */
export type TermNumbering = { add(term: string): number };

/**
 * `analyzeDocument`'s terms, in the same order, as ids of `numbering`, appended to `into`: ingest's
 * form, which looks up each word's ids once per numbering rather than each term per token.
 */
export function appendDocumentTermIds(text: TokenizedText, language: string, numbering: TermNumbering, into: number[]): void {
  for (const token of text.tokens) {
    const entry = documentWordTerms(token, language);
    if (!entry.terms) continue;
    if (entry.ids?.dictionary !== numbering) entry.ids = { dictionary: numbering, ids: entry.terms.map((term) => numbering.add(term)) };
    for (const id of entry.ids.ids) into.push(id);
  }
  for (const name of text.names) into.push(numbering.add(name.term));
}

export type QueryOptions = {
  /** The question's language when known (a BCP 47 tag): its words are translated from it as well as from English. */
  questionLanguage?: string;
};

/**
 * Analyses a question. Latin-script words are stemmed for every language in `languages`, since
 * a short question's language is a guess; a name covering several words becomes one group.
 * Each word's alternatives include its bridges into the other languages (see crossLingualTerms).
 */
export function analyzeQuery(text: string, languages: readonly string[], options: QueryOptions = {}): QueryAnalysis {
  const tokens = tokenizeText(text);
  const names = findNames(tokens);
  const groups: QueryGroup[] = [];
  const words: string[] = [];
  let next = 0;
  const questionLanguage = options.questionLanguage && baseLanguage(options.questionLanguage);
  const mayBeEnglish =
    languages.includes('en') &&
    (!questionLanguage || questionLanguage === 'en' || tokens.some((t) => isEnglishFunctionWord(t.folded, questionLanguage)));
  const wordTerms = (token: Token): QueryBridges => {
    const stems = languages.map((language) => [language, stemWord(token.folded, language)] as const);
    const english = mayBeEnglish && !isArabicScript(token.folded) ? englishReading(token.folded) : undefined;
    // An irregular form's base ("built" → "build") is read as well as the form itself.
    const extra = english && english.stems.length > 1 ? english.stems.slice(1).map((stem) => ['en', stem] as const) : [];
    const bridges = queryBridgeTerms({ token, stems: [...stems, ...extra], ...(english ? { english } : {}) }, languages, questionLanguage);
    return {
      terms: [...stems.map(([, stem]) => stem), ...extra.map(([, stem]) => stem), ...particleReading(token.folded), ...bridges.terms],
      renderings: bridges.renderings,
    };
  };
  const pushGroup = (surface: string, terms: readonly string[], found: string[][]) => {
    // A term the word reaches otherwise (its own stem, the core lexicon) is not weighted as a dictionary sense.
    const own = new Set(terms);
    const renderings = found.map((list) => list.filter((term) => !own.has(term))).filter((list) => list.length > 0);
    groups.push({
      surface,
      alternatives: [...new Set([...terms, ...renderings.flat()])],
      ...(renderings.length > 0 ? { renderings } : {}),
    });
  };
  const addWordGroup = (token: Token) => {
    if (!isContentToken(token, languages)) return;
    const { terms, renderings } = wordTerms(token);
    pushGroup(token.raw, terms, renderings);
    words.push(token.folded);
  };
  for (const name of names) {
    for (; next < name.from; next++) addWordGroup(tokens[next]!);
    const covered = tokens.slice(name.from, name.to);
    const terms = [name.term];
    const renderings: string[][] = [];
    for (const token of covered) {
      if (!isContentToken(token, languages)) continue;
      const found = wordTerms(token);
      terms.push(...found.terms);
      renderings.push(...found.renderings);
      words.push(token.folded);
    }
    pushGroup(covered.map((t) => t.raw).join(' '), terms, renderings);
    next = name.to;
  }
  for (; next < tokens.length; next++) addWordGroup(tokens[next]!);
  return { groups, words };
}

/** The form the embedder sees of a token, or null for a stopword of any common language (memoised on its Word). */
function surfaceWord(token: Token): string | null {
  const { word } = token;
  if (word.surface === undefined) {
    const content = isContentToken(token, COMMON_LANGUAGES);
    word.surface = !content ? null : isArabicScript(word.folded) ? stemWord(word.folded, 'ar') : word.folded;
  }
  return word.surface;
}

/**
 * Folded content words and concept terms of a text, with no language needed: Arabic words are
 * light-stemmed (their script says how), others are left as written for character n-grams.
 */
export function extractSurfaceFeatures(text: string | TokenizedText): SurfaceFeatures {
  const { tokens, names } = tokenized(text);
  const words: string[] = [];
  for (const token of tokens) {
    const word = surfaceWord(token);
    if (word !== null) words.push(word);
  }
  return { words, concepts: names.map((name) => name.term) };
}
