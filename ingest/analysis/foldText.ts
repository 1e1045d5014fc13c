/**
 * Text folding shared by indexing and querying: every comparison of words in the project goes
 * through here, so a document and a question written differently still meet.
 */

const ARABIC_DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]/g;
const TATWEEL = /\u0640/g;
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
  return text
    .replace(ARABIC_DIACRITICS, '')
    .replace(TATWEEL, '')
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627') // آ أ إ ٱ → ا
    .replace(/\u0649/g, '\u064A') // ى → ي
    .replace(/\u0629/g, '\u0647') // ة → ه
    .replace(/\u0624/g, '\u0648') // ؤ → و
    .replace(/\u0626/g, '\u064A') // ئ → ي
    .replace(/\u06CC/g, '\u064A') // Persian ی → ي
    .replace(/\u06A9/g, '\u0643'); // Persian ک → ك
}

/**
 * Full folding for matching: NFKC, Arabic normalisation, ASCII digits, lower case, and Latin
 * accents removed ("Công Luận" → "cong luan") while marks of other scripts stay.
 */
export function foldText(text: string): string {
  const nfkc = foldDigits(normalizeArabic(text.normalize('NFKC')));
  return nfkc.normalize('NFD').replace(LATIN_WITH_MARKS, '$1').normalize('NFC').toLowerCase();
}

const ARABIC_LETTER = /[\u0600-\u06FF]/;

export function isArabicScript(word: string): boolean {
  return ARABIC_LETTER.test(word);
}
