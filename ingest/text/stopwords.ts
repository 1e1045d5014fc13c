import * as lists from 'stopword';
import { foldText, isArabicScript } from './foldText.js';
import { baseLanguage } from './baseLanguage.js';

// The `stopword` package keys its lists by ISO 639-3; these are the ones it has.
const iso639_3: Record<string, keyof typeof lists> = {
  af: 'afr',
  ar: 'ara',
  bn: 'ben',
  br: 'bre',
  bg: 'bul',
  ca: 'cat',
  cs: 'ces',
  da: 'dan',
  de: 'deu',
  el: 'ell',
  en: 'eng',
  eo: 'epo',
  et: 'est',
  eu: 'eus',
  fa: 'fas',
  fi: 'fin',
  fr: 'fra',
  ga: 'gle',
  gl: 'glg',
  gu: 'guj',
  ha: 'hau',
  he: 'heb',
  hi: 'hin',
  hr: 'hrv',
  hu: 'hun',
  hy: 'hye',
  id: 'ind',
  it: 'ita',
  ja: 'jpn',
  ko: 'kor',
  ku: 'kur',
  la: 'lat',
  lv: 'lav',
  lt: 'lit',
  mr: 'mar',
  ms: 'msa',
  my: 'mya',
  nl: 'nld',
  nb: 'nob',
  no: 'nob',
  pl: 'pol',
  pt: 'por',
  ro: 'ron',
  ru: 'rus',
  sk: 'slk',
  sl: 'slv',
  so: 'som',
  st: 'sot',
  es: 'spa',
  sw: 'swa',
  sv: 'swe',
  tl: 'tgl',
  th: 'tha',
  tr: 'tur',
  uk: 'ukr',
  ur: 'urd',
  vi: 'vie',
  yo: 'yor',
  zh: 'zho',
  zu: 'zul',
};

const sets = new Map<string, ReadonlySet<string>>();

/**
 * Indonesian gets its own list of function and question words: the package's 750 words include
 * content words questions turn on ("tahun", "baru", "tinggi", "pertama", "berakhir"), and
 * keeping them as content raised recall on the Indonesian tracks of `npm run eval`.
 */
const OWN_LISTS: Record<string, string[]> = {
  id: (
    'yang dan di ke dari ini itu dengan untuk pada adalah dalam tidak akan oleh atau juga sebagai karena telah sudah ' +
    'bahwa ia dia mereka kami kita saya anda apa apakah siapa siapakah kapan kenapa mengapa bagaimana berapa dimana ' +
    'dimanakah manakah mana bilamana para sebuah seorang tersebut yaitu yakni namun tetapi tapi serta hingga sampai ' +
    'jika kalau maka lalu kemudian saat ketika agar supaya bagi antara secara per pun lah kah nya se tak belum masih ' +
    'sangat lebih paling hanya saja bisa dapat harus ada merupakan terhadap tentang sejak selama setelah sebelum seperti'
  ).split(' '),
};

/** Question words the package's lists lack: a question's form, not its subject. */
const QUESTION_WORDS: Record<string, string[]> = {
  en: ['when', 'why', 'whose', 'whom', 'does'],
  ar: ['لماذا', 'ماهو', 'ماهي'],
};

/**
 * Function words the package's 108-word English list lacks (negation, possessives, prepositions,
 * conjunctions, auxiliaries, intensifiers): left in a question they count as words it turns
 * on, and the dictionaries translate them ("within" → "ضمن", "around" → "حول") into terms a great
 * many passages hold. "may" stays out: it is also the month.
 */
const FUNCTION_WORDS: Record<string, string[]> = {
  en: (
    'not no nor its itself during within without among amongst around upon across along toward towards onto via ' +
    'throughout beyond besides whether although though unless until till whereas yet either neither every ' +
    'done doing having shall will ought ever quite rather just even already again however therefore thus hence ' +
    'themselves herself himself ourselves yourself yourselves myself'
  ).split(' '),
};

/**
 * Words the package's Arabic list holds that carry meaning in news and encyclopedic text (years,
 * numbers, "first", "against"; folded, so "علي" is also the name Ali): kept as content.
 */
const CONTENT_WORDS: Record<string, string[]> = {
  ar: [
    'عام',
    'عاما',
    'سنه',
    'سنوات',
    'يوم',
    'ايام',
    'مليون',
    'مليار',
    'الف',
    'اربعه',
    'ثلاثه',
    'عشره',
    'عشر',
    'واحد',
    'قوه',
    'زياره',
    'نهايه',
    'الوقت',
    'مايو',
    'ايار',
    'عدد',
    'اول',
    'الاول',
    'الاولي',
    'الثاني',
    'الثانيه',
    'الماضي',
    'المقبل',
    'الاخيره',
    'السابق',
    'ضد',
    'علي',
    'صفر',
    'عين',
  ],
};

/** The folded stopwords of a language (empty when the language has no list). */
export function stopwordsFor(language: string): ReadonlySet<string> {
  // Keyed by the tag as given too: this runs once per token, and splitting the tag each time showed in profiles.
  let set = sets.get(language);
  if (set) return set;
  const lang = baseLanguage(language);
  set = sets.get(lang);
  if (!set) {
    const key = iso639_3[lang];
    const words = OWN_LISTS[lang] ?? (key ? (lists[key] as unknown as string[]) : []);
    const kept = new Set(CONTENT_WORDS[lang] ?? []);
    set = new Set(
      [...words, ...(QUESTION_WORDS[lang] ?? []), ...(FUNCTION_WORDS[lang] ?? [])].map((w) => foldText(w)).filter((w) => !kept.has(w)),
    );
    sets.set(lang, set);
  }
  sets.set(language, set);
  return set;
}

const arabic = () => stopwordsFor('ar');

/** True when a folded word is a stopword of the text's language (Arabic-script words: of Arabic). */
export function isStopword(folded: string, language: string): boolean {
  if (isArabicScript(folded)) return arabic().has(folded);
  return stopwordsFor(language).has(folded);
}
