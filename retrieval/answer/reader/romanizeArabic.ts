import { normalizeArabic } from '../../../ingest/text/foldText.js';

/**
 * A readable Latin spelling of an Arabic-script name, for askers who write in Latin script when
 * neither CLDR nor their own question has one: consonants by the common news transliteration,
 * و and ي read as vowels between consonants, the article and short vowels (unwritten) left out.
 * "بيسكوف" → "Biskuf", "فلاديمير بوتين" → "Fladimir Butin": a reading aid, not a standard.
 */

const LETTERS: Record<string, string> = {
  ا: 'a',
  ب: 'b',
  ت: 't',
  ث: 'th',
  ج: 'j',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'dh',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  غ: 'gh',
  ف: 'f',
  ق: 'q',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  پ: 'p',
  چ: 'ch',
  ڤ: 'v',
  گ: 'g',
  ع: '',
  ء: '',
};

/** Latin letters spelled out in Arabic, as codes write them: "إس-300" is S-300. */
const LETTER_NAMES: Record<string, string> = {
  ايه: 'A',
  بي: 'B',
  سي: 'C',
  دي: 'D',
  اي: 'E',
  اف: 'F',
  جي: 'G',
  اتش: 'H',
  اش: 'H',
  جاي: 'J',
  كاي: 'K',
  ال: 'L',
  ام: 'M',
  ان: 'N',
  او: 'O',
  كيو: 'Q',
  ار: 'R',
  اس: 'S',
  تي: 'T',
  يو: 'U',
  في: 'V',
  دبليو: 'W',
  اكس: 'X',
  واي: 'Y',
  زد: 'Z',
};

const ARTICLES = ['ال', 'وال', 'بال', 'لل'];

function romanizeWord(word: string): string {
  // Letters as the folding normalises them (one alef, ى → ي, ة → ه), then a final ه read as "a".
  let w = normalizeArabic(word.replace(/\u0629$/, 'ه'));
  // Only a bare alef begins the article: إل in إليوشن is part of the name.
  const article = ARTICLES.find((a) => word.startsWith(a) && w.length - a.length >= 3);
  if (article) w = w.slice(article.length);
  let out = '';
  [...w].forEach((c, i, all) => {
    const last = i === all.length - 1;
    if (c === 'و') out += i === 0 ? 'w' : 'u';
    else if (c === 'ي') out += i === 0 ? 'y' : last || !/[aeiou]$/.test(out) ? 'i' : 'y';
    else if (c === 'ه' && last && i > 0) out += 'a';
    else if (c === 'ا' && i === 0) {
      // إ is "i", and so is an initial alef before ي ("إيمل"), whose ي is then the same vowel.
      out += word.startsWith('إ') || all[1] === 'ي' ? 'i' : 'a';
      if (all[1] === 'ي') all[1] = '';
    } else if (c === 'ا') out += /a$/.test(out) ? '' : 'a';
    else out += LETTERS[c] ?? (/[\u0600-\u06FF]/.test(c) ? '' : c);
  });
  return out ? out[0]!.toUpperCase() + out.slice(1) : out;
}

/** An Arabic word: letters, tatweel and the marks written over them. */
const ARABIC_WORD = '(?:[\\u0621-\\u064A\\u0671-\\u06D3\\u0640]|\\p{M})+';
const CODE_LETTERS = new RegExp(`${ARABIC_WORD}(?=[-‐]\\d)`, 'gu');
const WORDS = new RegExp(ARABIC_WORD, 'gu');

/** Romanises the Arabic words of `text` (other characters are kept), a code's letter names as letters. */
export function romanizeArabic(text: string): string {
  return text.replace(CODE_LETTERS, (word) => LETTER_NAMES[normalizeArabic(word)] ?? romanizeWord(word)).replace(WORDS, romanizeWord);
}
