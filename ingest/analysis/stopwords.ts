import * as lists from 'stopword';
import { foldText } from './foldText.js';
import { baseLanguage } from './stemWord.js';

// The `stopword` package keys its lists by ISO 639-3; these are the ones it has.
const iso639_3: Record<string, keyof typeof lists> = {
  af: 'afr', ar: 'ara', bn: 'ben', br: 'bre', bg: 'bul', ca: 'cat', cs: 'ces', da: 'dan', de: 'deu',
  el: 'ell', en: 'eng', eo: 'epo', et: 'est', eu: 'eus', fa: 'fas', fi: 'fin', fr: 'fra', ga: 'gle',
  gl: 'glg', gu: 'guj', ha: 'hau', he: 'heb', hi: 'hin', hr: 'hrv', hu: 'hun', hy: 'hye', id: 'ind',
  it: 'ita', ja: 'jpn', ko: 'kor', ku: 'kur', la: 'lat', lv: 'lav', lt: 'lit', mr: 'mar', ms: 'msa',
  my: 'mya', nl: 'nld', nb: 'nob', no: 'nob', pl: 'pol', pt: 'por', ro: 'ron', ru: 'rus', sk: 'slk',
  sl: 'slv', so: 'som', st: 'sot', es: 'spa', sw: 'swa', sv: 'swe', tl: 'tgl', th: 'tha', tr: 'tur',
  uk: 'ukr', ur: 'urd', vi: 'vie', yo: 'yor', zh: 'zho', zu: 'zul',
};

const sets = new Map<string, ReadonlySet<string>>();

/** The folded stopwords of a language (empty when the language has no list). */
export function stopwordsFor(language: string): ReadonlySet<string> {
  const lang = baseLanguage(language);
  let set = sets.get(lang);
  if (!set) {
    const key = iso639_3[lang];
    const words = key ? (lists[key] as unknown as string[]) : [];
    set = new Set(words.map((w) => foldText(w)));
    sets.set(lang, set);
  }
  return set;
}

const arabic = () => stopwordsFor('ar');

/** True when a folded word is a stopword of the text's language (Arabic-script words: of Arabic). */
export function isStopword(folded: string, language: string): boolean {
  if (/[\u0600-\u06FF]/.test(folded)) return arabic().has(folded);
  return stopwordsFor(language).has(folded);
}
