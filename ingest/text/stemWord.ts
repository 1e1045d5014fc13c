import snowball, { type SnowballStemmer } from 'snowball-stemmers';
import { baseLanguage } from './baseLanguage.js';
import { isArabicScript } from './foldText.js';
import { stemArabic } from './stemArabic.js';
import { stemIndonesian } from './stemIndonesian.js';

/**
 * Stemming by language: Snowball for the languages it covers (English, French, Russian, …),
 * confix stripping checked against Sastrawi's root dictionary for Indonesian and Malay (see
 * stemIndonesian), Light10 for Arabic, and the word itself otherwise. Arabic-script words always
 * use the Arabic stemmer, whatever the text's language.
 */

type Stem = (word: string) => string;

const englishNames = new Intl.DisplayNames('en', { type: 'language', fallback: 'none' });
const snowballAlgorithms = new Set(snowball.algorithms());
const stemmers = new Map<string, Stem>();
const CACHE_LIMIT = 200_000;
const cache = new Map<string, string>();

function stemmerFor(language: string): Stem {
  let stem = stemmers.get(language);
  if (stem) return stem;
  if (language === 'ar') {
    stem = stemArabic;
  } else if (language === 'id' || language === 'ms') {
    stem = stemIndonesian;
  } else {
    const algorithm = englishNames.of(language)?.toLowerCase();
    const stemmer: SnowballStemmer | undefined =
      algorithm && snowballAlgorithms.has(algorithm) ? snowball.newStemmer(algorithm) : undefined;
    stem = stemmer ? (word) => stemmer.stem(word) : (word) => word;
  }
  stemmers.set(language, stem);
  return stem;
}

/** Stems one folded word; `language` is a BCP 47 tag ("id", "en", "ar-EG"). */
export function stemWord(word: string, language: string): string {
  if (/^\d+$/.test(word)) return word;
  const lang = isArabicScript(word) ? 'ar' : baseLanguage(language);
  const key = `${lang}\u0000${word}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const stem = stemmerFor(lang)(word) || word;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, stem);
  return stem;
}
