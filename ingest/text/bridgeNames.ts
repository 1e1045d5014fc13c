import { ARABIC_PARTICLES, stripArabicArticle } from './arabicPrefixes.js';
import { foldText, isArabicScript } from './foldText.js';
import { tokenizeText, type Token, type Word } from './tokenizeText.js';

/**
 * Cross-lingual names from the CLDR data in Node's ICU (`Intl.DisplayNames`): "EU", "European
 * Union", "Uni Eropa" and "الاتحاد الأوروبي" all become the concept term `§r:EU`, so a question in
 * one language meets an article in another without any dictionary download.
 */

/** Locales whose CLDR names are bridged: the archive's languages and the widest-read others. */
const NAME_LOCALES = [
  'en',
  'id',
  'ar',
  'ms',
  'fr',
  'es',
  'pt',
  'de',
  'it',
  'nl',
  'ru',
  'uk',
  'tr',
  'fa',
  'ur',
  'hi',
  'zh',
  'ja',
  'ko',
  'vi',
  'th',
  'sw',
  'ha',
  'he',
] as const;

/** UN M.49 areas that news names often ("Europe", "West Africa", "Sahel" is not one). */
const M49_AREAS = [
  '001',
  '002',
  '003',
  '005',
  '009',
  '011',
  '013',
  '014',
  '015',
  '017',
  '018',
  '019',
  '021',
  '029',
  '030',
  '034',
  '035',
  '039',
  '053',
  '054',
  '057',
  '061',
  '142',
  '143',
  '145',
  '150',
  '151',
  '154',
  '155',
  '202',
  '419',
];

/**
 * Languages whose CLDR name doubles as the demonym of one country ("Russian", "الروسية"), so
 * "Russian forces" reaches an article about روسيا. Languages of many countries are left out.
 */
const NATIONAL_LANGUAGES = [
  'ru',
  'fr',
  'de',
  'zh',
  'ja',
  'ko',
  'tr',
  'it',
  'fa',
  'uk',
  'he',
  'vi',
  'th',
  'pl',
  'nl',
  'el',
  'hu',
  'cs',
  'sv',
  'fi',
  'da',
  'ro',
  'bg',
  'id',
];

/** Abbreviations news writes in capitals that CLDR does not list as names. */
const CAPITAL_ABBREVIATIONS = new Map(
  Object.entries({
    EU: 'r:EU',
    UE: 'r:EU',
    UN: 'r:UN',
    PBB: 'r:UN',
    US: 'r:US',
    USA: 'r:US',
    AS: 'r:US',
    UK: 'r:GB',
    UAE: 'r:AE',
    RI: 'r:ID',
    KSA: 'r:SA',
    DRC: 'r:CD',
    RDC: 'r:CD',
  }),
);

export const CONCEPT_PREFIX = '§';

export type NameEntry = { keys: string[]; concept: string };
type NameTable = Map<string, NameEntry[]>;

let table: NameTable | undefined;

/** Letters written onto a name: the particles, and و (and). */
const CLITIC_LETTERS = new Set(['و', ...ARABIC_PARTICLES]);

/**
 * The matching key of a folded word: Arabic words lose their article and attached particles,
 * unless fewer than three letters would be left: "بالاو" (Palau) is not بـ + الـ + "او" (or).
 */
function nameKey(folded: string): string {
  if (!isArabicScript(folded)) return folded;
  const stripped = stripArabicArticle(folded);
  return stripped && stripped.length >= 3 ? stripped : folded;
}

// Every token of every passage is looked up here; the keys of a word never change, so they are memoised (bounded).
const KEYS_CACHE_LIMIT = 200_000;
const keysCache = new Map<string, string[]>();

/** Keys to try for a word of running text: as written, and without a leading Arabic particle. */
function candidateKeys(folded: string): string[] {
  let keys = keysCache.get(folded);
  if (keys === undefined) {
    keys = computeCandidateKeys(folded);
    if (keysCache.size >= KEYS_CACHE_LIMIT) keysCache.clear();
    keysCache.set(folded, keys);
  }
  return keys;
}

function computeCandidateKeys(folded: string): string[] {
  const key = nameKey(folded);
  const first = folded[0];
  if (first && CLITIC_LETTERS.has(first) && folded.length > 3 && isArabicScript(folded)) {
    const stripped = nameKey(folded.slice(1));
    if (stripped !== key) return [key, stripped];
  }
  return [key];
}

function addName(target: NameTable, name: string | undefined, concept: string): void {
  if (!name) return;
  const keys = tokenizeText(name).map((t) => nameKey(t.folded));
  if (keys.length === 0 || keys.length > 6) return;
  // Single short Latin names ("US", "Uni") collide with ordinary words; capitals handle those.
  if (keys.length === 1 && keys[0]!.length <= 3 && !isArabicScript(keys[0]!)) return;
  const first = keys[0]!;
  const list = target.get(first) ?? [];
  if (!list.some((e) => e.concept === concept && e.keys.join(' ') === keys.join(' '))) list.push({ keys, concept });
  target.set(first, list);
}

/** Arabic nisba forms of a feminine CLDR language name: الروسية → الروسي, الروسيين, الروسيون. */
function arabicNisbaForms(name: string): string[] {
  const folded = foldText(name);
  if (!folded.endsWith('يه')) return [];
  const stem = folded.slice(0, -1);
  return [stem, `${stem}ين`, `${stem}ون`];
}

function regionCodes(): string[] {
  const probe = new Intl.DisplayNames('en', { type: 'region', fallback: 'none' });
  const codes: string[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (code !== 'ZZ' && probe.of(code)) codes.push(code);
    }
  }
  return codes.concat(M49_AREAS);
}

function buildTable(): NameTable {
  const built: NameTable = new Map();
  const regions = regionCodes();
  const currencies = Intl.supportedValuesOf('currency');
  for (const locale of NAME_LOCALES) {
    for (const style of ['long', 'short'] as const) {
      const regionNames = new Intl.DisplayNames(locale, { type: 'region', style, fallback: 'none' });
      for (const code of regions) addName(built, regionNames.of(code), `r:${code}`);
    }
    const currencyNames = new Intl.DisplayNames(locale, { type: 'currency', fallback: 'none' });
    for (const code of currencies) addName(built, currencyNames.of(code), `c:${code}`);
    const languageNames = new Intl.DisplayNames(locale, { type: 'language', fallback: 'none' });
    for (const language of NATIONAL_LANGUAGES) {
      const region = new Intl.Locale(language).maximize().region;
      if (!region) continue;
      const name = languageNames.of(language);
      addName(built, name, `r:${region}`);
      if (locale === 'ar' && name) for (const form of arabicNisbaForms(name)) addName(built, form, `r:${region}`);
    }
  }
  for (const list of built.values()) list.sort((x, y) => y.keys.length - x.keys.length);
  return built;
}

function nameTable(): NameTable {
  table ??= buildTable();
  return table;
}

/** A concept found in a token sequence: which tokens it covers and its term. */
export type NameMatch = { from: number; to: number; term: string };

const NO_NAMES: readonly NameEntry[] = [];

/** The names a word may begin, in the order they are tried (memoised on the word: most begin none). */
function namesStartingWith(word: Word): readonly NameEntry[] {
  if (word.nameStarts === undefined) {
    const names = nameTable();
    const entries = candidateKeys(word.folded).flatMap((key) => names.get(key) ?? []);
    word.nameStarts = entries.length === 0 ? NO_NAMES : entries;
  }
  return word.nameStarts;
}

/** Finds CLDR names (longest first) and capitalised abbreviations in a token sequence. */
export function findNames(tokens: readonly Token[]): NameMatch[] {
  const matches: NameMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    const abbreviation = CAPITAL_ABBREVIATIONS.get(token.raw);
    let matched: NameMatch | undefined;
    if (abbreviation) matched = { from: i, to: i + 1, term: CONCEPT_PREFIX + abbreviation };
    else {
      for (const entry of namesStartingWith(token.word)) {
        if (entry.keys.every((k, j) => j === 0 || (tokens[i + j] && candidateKeys(tokens[i + j]!.folded).includes(k)))) {
          matched = { from: i, to: i + entry.keys.length, term: CONCEPT_PREFIX + entry.concept };
          break;
        }
      }
    }
    if (matched) {
      matches.push(matched);
      i = matched.to;
    } else {
      i += 1;
    }
  }
  return matches;
}
