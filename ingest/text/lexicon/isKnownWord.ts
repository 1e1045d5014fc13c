import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stemWithoutParticle } from '../stemArabic.js';
import { stemWord } from '../stemWord.js';
import { knownWordsFileName, parseKnownWords } from './knownWordsFile.js';
import { LEXICON_DATA_DIR } from './loadLexicon.js';
import { inCoreLexicon, lexiconLanguage } from './translateWord.js';

/**
 * Whether a dictionary has English for a word, as the gloss would find it (a word of the core
 * lexicon, or a stem of the committed known-word list — see knownWordsFile), without building
 * the gloss tables. Undefined for a language no list serves (English, or one without a lexicon):
 * there no word can be called unknown.
 */

const lists = new Map<string, Map<string, ReadonlySet<string> | undefined>>();

function knownStems(language: string, dir: string): ReadonlySet<string> | undefined {
  let byLanguage = lists.get(dir);
  if (!byLanguage) lists.set(dir, (byLanguage = new Map()));
  if (!byLanguage.has(language)) {
    const file = join(dir, knownWordsFileName(language));
    byLanguage.set(language, existsSync(file) ? new Set(parseKnownWords(readFileSync(file, 'utf8'), file).stems) : undefined);
  }
  return byLanguage.get(language);
}

/** `folded` is the word folded (foldText); `language` a BCP 47 tag. */
export function isKnownWord(folded: string, language: string, dir: string = LEXICON_DATA_DIR): boolean | undefined {
  const base = lexiconLanguage(language);
  const stems = knownStems(base, dir);
  if (!stems) return undefined;
  const known = (stem: string) => stems.has(stem) || inCoreLexicon(base, stem);
  if (known(stemWord(folded, base))) return true;
  // Behind an attached preposition (بـ, لـ) the light stemmer does not look (as glossText's lookUpWord); null for any other word.
  const bare = stemWithoutParticle(folded);
  return bare !== null && known(bare);
}
