/**
 * Text folding shared by indexing and querying: every comparison of words in the project goes
 * through here, so a document and a question written differently still meet.
 */

/** Diacritics (harakat, Quranic marks) and tatweel: dropped. */
const ARABIC_DROPPED = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
/** Letters written several ways: one form each. */
const ARABIC_VARIANTS: Readonly<Record<string, string>> = {
  '\u0622': '\u0627', // آ → ا
  '\u0623': '\u0627', // أ → ا
  '\u0625': '\u0627', // إ → ا
  '\u0671': '\u0627', // ٱ → ا
  '\u0649': '\u064A', // ى → ي
  '\u0629': '\u0647', // ة → ه
  '\u0624': '\u0648', // ؤ → و
  '\u0626': '\u064A', // ئ → ي
  '\u06CC': '\u064A', // Persian ی → ي
  '\u06A9': '\u0643', // Persian ک → ك
};
const ARABIC_VARIANT = new RegExp(`[${Object.keys(ARABIC_VARIANTS).join('')}]`, 'g');
const ASCII_ONLY = /^\p{ASCII}*$/u;
const ARABIC_INDIC_DIGIT = /[\u0660-\u0669\u06F0-\u06F9]/g;
const LATIN_WITH_MARKS = /(\p{Script=Latin})(\p{M}+)/gu;

/** Maps Arabic-Indic and Extended Arabic-Indic digits to ASCII digits, one character for one. */
export function foldDigits(text: string): string {
  return text.replace(ARABIC_INDIC_DIGIT, (d) => {
    const code = d.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

/**
 * Arabic orthographic normalisation as used in Arabic IR: no diacritics or tatweel, one alef,
 * final ya and alef maqsura merged, ta marbuta as ha, hamza carriers folded.
 */
export function normalizeArabic(text: string): string {
  return text.replace(ARABIC_DROPPED, '').replace(ARABIC_VARIANT, (letter) => ARABIC_VARIANTS[letter]!);
}

/**
 * Full folding for matching: NFKC, Arabic normalisation, ASCII digits, lower case, and Latin
 * accents removed ("Công Luận" → "cong luan") while marks of other scripts stay.
 */
export function foldText(text: string): string {
  // ASCII has nothing to normalise but case (ingest folds every paragraph to find repeats).
  if (ASCII_ONLY.test(text)) return text.toLowerCase();
  const nfkc = foldDigits(normalizeArabic(text.normalize('NFKC')));
  return nfkc.normalize('NFD').replace(LATIN_WITH_MARKS, '$1').normalize('NFC').toLowerCase();
}

const ARABIC_LETTER = /[\u0600-\u06FF]/;

export function isArabicScript(word: string): boolean {
  return ARABIC_LETTER.test(word);
}
