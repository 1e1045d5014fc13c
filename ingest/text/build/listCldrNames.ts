import { isArabicScript, foldText } from '../foldText.js';
import { nameKey, type NameEntry, type NameRow } from '../bridgeNames.js';
import { tokenizeText } from '../tokenizeText.js';
import { WIDELY_READ_LOCALES } from './widelyReadLocales.js';

/**
 * The CLDR names bridgeNames matches, read from the CLDR data in Node's ICU (`Intl.DisplayNames`)
 * by `npm run build-names`, which writes them to ingest/text/data/cldr-names.json: building them
 * takes 0.2 s of every process's first analysis, reading the file 0.03 s, and every machine then
 * matches the same names whatever its ICU.
 */

/** Locales whose CLDR names are bridged: the archive's languages and the widest-read others. */
const NAME_LOCALES = ['en', 'id', 'ar', 'ms', ...WIDELY_READ_LOCALES, 'ur', 'hi', 'zh', 'ja', 'ko', 'vi', 'th', 'sw', 'ha', 'he'] as const;

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

function addName(target: Map<string, NameEntry[]>, name: string | undefined, concept: string): void {
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

/**
 * Every CLDR name of a region, currency or national language in NAME_LOCALES, as its keys (see
 * nameKey) and concept, grouped by first key, longest first within a key: the rows of
 * ingest/text/data/cldr-names.json.
 */
export function listCldrNames(): NameRow[] {
  const built = new Map<string, NameEntry[]>();
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
  return [...built.values()].flatMap((list) => list.map((e): NameRow => [e.keys.join(' '), e.concept]));
}
