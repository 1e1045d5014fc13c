import { foldText } from '../foldText.js';
import { baseLanguage } from '../baseLanguage.js';
import { stemWord } from '../stemWord.js';
import { buildCldrLexicon } from './cldrLexicon.js';
import { CORE_LEXICON } from './coreLexicon.js';

/**
 * Word-for-word translation through the lexicon (the core list and CLDR names), on stems: a question's word, stemmed the
 * way each candidate language would, is looked up, and every stem of the concepts found is
 * returned for the languages asked for, so "troops" reaches "tentara" and "جنود".
 */

/** The core lexicon's columns, in order. */
export const LEXICON_LANGUAGES = ['en', 'id', 'ar'] as const;
/** Languages that share another's lexicon column. */
const SAME_AS: Record<string, string> = { ms: 'id' };

type Table = {
  /** `language:stem` → concepts. */
  concepts: Map<string, number[]>;
  /** Concept → language → stems. */
  stems: Map<string, string[]>[];
};

let table: Table | undefined;

/** The lexicon column a language tag reads (its base language; Malay shares Indonesian's). */
export const lexiconLanguage = (language: string) => {
  const base = baseLanguage(language);
  return SAME_AS[base] ?? base;
};

function buildTable(): Table {
  const concepts = new Map<string, number[]>();
  const stems: Map<string, string[]>[] = [];
  for (const line of [...CORE_LEXICON.split('\n'), ...buildCldrLexicon()]) {
    const columns = line.split('|');
    if (columns.length !== LEXICON_LANGUAGES.length) continue;
    const id = stems.length;
    const byLanguage = new Map<string, string[]>();
    LEXICON_LANGUAGES.forEach((language, i) => {
      const words = columns[i]!.trim().split(/\s+/).filter(Boolean);
      const list = [...new Set(words.map((w) => stemWord(foldText(w), language)))];
      byLanguage.set(language, list);
      for (const stem of list) {
        const key = `${language}:${stem}`;
        const found = concepts.get(key) ?? [];
        found.push(id);
        concepts.set(key, found);
      }
    });
    stems.push(byLanguage);
  }
  return { concepts, stems };
}

/** Whether a stem of `language` (a lexicon column) is a word of the core lexicon or CLDR names. */
export function inCoreLexicon(language: string, stem: string): boolean {
  table ??= buildTable();
  return table.concepts.has(`${language}:${stem}`);
}

/**
 * The stems, in the `targets` languages other than its own, of every lexicon concept a word
 * belongs to, given its stem in each language it may be written in (`[language, stem]`).
 * Same-language synonyms are left out: within a language they cost more precision than they
 * bring. Empty when the word is in no concept.
 */
export function translateStems(stems: readonly (readonly [string, string])[], targets: readonly string[]): string[] {
  return [...new Set([...translateStemsByLanguage(stems, targets).values()].flat())];
}

/** `translateStems`, by target language (lexicon columns: Malay is "id"); a language the lexicon has nothing in for the word is left out. */
export function translateStemsByLanguage(stems: readonly (readonly [string, string])[], targets: readonly string[]): Map<string, string[]> {
  table ??= buildTable();
  const out = new Map<string, Set<string>>();
  const languages = [...new Set(targets.map(lexiconLanguage))];
  for (const [language, stem] of stems) {
    const source = lexiconLanguage(language);
    for (const id of table.concepts.get(`${source}:${stem}`) ?? []) {
      for (const target of languages) {
        if (target === source) continue;
        for (const s of table.stems[id]!.get(target) ?? []) {
          let found = out.get(target);
          if (!found) out.set(target, (found = new Set()));
          found.add(s);
        }
      }
    }
  }
  return new Map([...out].map(([language, found]) => [language, [...found]]));
}
