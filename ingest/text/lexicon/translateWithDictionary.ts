import { foldText } from '../foldText.js';
import { stemWord } from '../stemWord.js';
import { isStopword } from '../stopwords.js';
import { tokenizeText } from '../tokenizeText.js';
import { projectLexicons, type LexiconEntry, type LexiconShelf } from './loadLexicon.js';
import { lexiconLanguage } from './translateWord.js';

/**
 * An English word's renderings in another language from the bilingual dictionaries, as terms
 * of that language's analysis. Every headword of the word's stem contributes, the one written as
 * the question writes it first ("government" before "govern"; "troops" before "troop"): the
 * Arabic dictionary lists each inflected form apart with one rendering, singular for the
 * singular, broken plural for the plural, and a question's form does not say which the article
 * uses. A multi-word rendering contributes its content words ("pisang manila" → "pisang",
 * "manila"). Order is the dictionary's, commonest sense first, so a caller can weight by it.
 */

/** An English reading of a question word: the folded forms it may be (as written, and its base when irregular), with their stems. */
export type EnglishReading = { forms: readonly string[]; stems: readonly string[] };

/** Terms past this many are rare senses of a word: noise for a query. */
export const MAX_RENDERING_TERMS = 8;

const CACHE_LIMIT = 20_000;
const caches = new WeakMap<LexiconShelf, Map<string, string[]>>();

function renderingTerms(rendering: string, target: string): string[] {
  return tokenizeText(rendering)
    .filter((t) => t.folded.length > 1 && !isStopword(t.folded, target))
    .map((t) => stemWord(t.folded, target));
}

/** The headwords written as the question writes the word first, then the other headwords of its stem, shorter (the lemma) first. */
function orderEntries(entries: readonly LexiconEntry[], forms: readonly string[]): LexiconEntry[] {
  const exact = entries.filter((e) => forms.includes(foldText(e.headword)));
  const others = entries.filter((e) => !exact.includes(e)).sort((a, b) => a.headword.length - b.headword.length);
  return [...exact, ...others];
}

/** The word's dictionary renderings in `target` (a base language tag), or [] when no dictionary has it. */
export function dictionaryRenderings(reading: EnglishReading, target: string, shelf: LexiconShelf = projectLexicons()): string[] {
  let cache = caches.get(shelf);
  if (!cache) caches.set(shelf, (cache = new Map()));
  const cacheKey = `${target}\u0000${reading.forms.join(' ')}\u0000${reading.stems.join(' ')}`;
  const known = cache.get(cacheKey);
  if (known) return known;
  const lexicon = shelf.get('en', target);
  const terms = new Set<string>();
  if (lexicon) {
    for (const stem of new Set(reading.stems)) {
      for (const entry of orderEntries(lexicon.entries(stem), reading.forms)) {
        for (const rendering of entry.renderings) for (const term of renderingTerms(rendering, target)) terms.add(term);
      }
    }
  }
  const result = [...terms].slice(0, MAX_RENDERING_TERMS);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(cacheKey, result);
  return result;
}

/**
 * Reads the dictionaries questions over an archive in `languages` may use (English into each),
 * so that the first question does not wait for them: called when an index is loaded.
 */
export function preloadDictionaries(languages: readonly string[], shelf: LexiconShelf = projectLexicons()): void {
  for (const language of new Set(languages.map(lexiconLanguage))) if (language !== 'en') shelf.get('en', language);
}
