import { stemWord } from '../stemWord.js';
import { irregularBase } from './englishIrregulars.js';
import type { EnglishReading } from './translateWithDictionary.js';

/** A folded word read as English: itself and, when irregular, its base form ("known" → "know"), each with its stem. */
export function englishReading(folded: string): EnglishReading {
  const base = irregularBase(folded);
  const forms = base ? [folded, base] : [folded];
  return { forms, stems: [...new Set(forms.map((form) => stemWord(form, 'en')))] };
}
