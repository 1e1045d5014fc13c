import { findNames, type NameMatch } from './bridgeNames.js';
import { documentBridgeTerms, queryBridgeTerms } from './crossLingualTerms.js';
import { isArabicScript } from './foldText.js';
import { baseLanguage, stemWord } from './stemWord.js';
import { isStopword } from './stopwords.js';
import { stemWithoutParticle } from './stemArabic.js';
import { tokenizeText, type Token } from './tokenizeText.js';

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
export type QueryGroup = { surface: string; alternatives: string[] };

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
 * Per-word results are memoised (bounded): an archive repeats its vocabulary, and running the
 * chain (stopwords, stemmer, bridge keys) for every token was most of an ingest's analysis time.
 */
const WORD_CACHE_LIMIT = 200_000;

function remember<K, V>(cache: Map<K, V>, key: K, value: V): V {
  if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** By language, then by the word as written (bridges look at capitals): its terms, or null for a stopword. */
const documentWordCache = new Map<string, Map<string, readonly string[] | null>>();

function documentWordTerms(token: Token, language: string): readonly string[] | null {
  let cache = documentWordCache.get(language);
  if (!cache) documentWordCache.set(language, (cache = new Map()));
  const known = cache.get(token.raw);
  if (known !== undefined) return known;
  if (!isContentToken(token, [language])) return remember(cache, token.raw, null);
  const stem = stemWord(token.folded, language);
  return remember(cache, token.raw, [stem, ...particleReading(token.folded), ...documentBridgeTerms(token, stem)]);
}

/** Analyses an article passage written in `language` (a BCP 47 tag). */
export function analyzeDocument(text: string | TokenizedText, language: string): DocumentAnalysis {
  const { tokens, names } = tokenized(text);
  const terms: string[] = [];
  const words: string[] = [];
  for (const token of tokens) {
    const wordTerms = documentWordTerms(token, language);
    if (!wordTerms) continue;
    for (const term of wordTerms) terms.push(term);
    words.push(token.folded);
  }
  for (const name of names) terms.push(name.term);
  return { terms, words };
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
  const wordAlternatives = (token: Token) => {
    const stems = languages.map((language) => [language, stemWord(token.folded, language)] as const);
    return [...stems.map(([, stem]) => stem), ...particleReading(token.folded), ...queryBridgeTerms({ token, stems }, languages, questionLanguage)];
  };
  const addWordGroup = (token: Token) => {
    if (!isContentToken(token, languages)) return;
    const alternatives = [...new Set(wordAlternatives(token))];
    groups.push({ surface: token.raw, alternatives });
    words.push(token.folded);
  };
  for (const name of names) {
    for (; next < name.from; next++) addWordGroup(tokens[next]!);
    const covered = tokens.slice(name.from, name.to);
    const alternatives = new Set([name.term]);
    for (const token of covered) {
      if (!isContentToken(token, languages)) continue;
      for (const alternative of wordAlternatives(token)) alternatives.add(alternative);
      words.push(token.folded);
    }
    groups.push({ surface: covered.map((t) => t.raw).join(' '), alternatives: [...alternatives] });
    next = name.to;
  }
  for (; next < tokens.length; next++) addWordGroup(tokens[next]!);
  return { groups, words };
}

/** By folded word: the form the embedder sees, or null for a stopword of any common language. */
const surfaceWordCache = new Map<string, string | null>();

function surfaceWord(token: Token): string | null {
  const known = surfaceWordCache.get(token.folded);
  if (known !== undefined) return known;
  if (!isContentToken(token, COMMON_LANGUAGES)) return remember(surfaceWordCache, token.folded, null);
  return remember(surfaceWordCache, token.folded, isArabicScript(token.folded) ? stemWord(token.folded, 'ar') : token.folded);
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
