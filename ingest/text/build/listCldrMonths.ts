import { type MonthRow } from '../findDates.js';
import { tokenizeText } from '../tokenizeText.js';
import { WIDELY_READ_LOCALES } from './widelyReadLocales.js';

/**
 * The month names findDates matches, read from the CLDR data in Node's ICU
 * (`Intl.DateTimeFormat`) by `npm run build-names`, which writes them to
 * ingest/text/data/cldr-months.json: building them took 0.1 s of every process's first date
 * (most of re-ingesting one article at 1k passages), and every machine then matches the same
 * months whatever its ICU.
 */

const ARABIC_REGIONS = [
  'AE',
  'BH',
  'DJ',
  'DZ',
  'EG',
  'EH',
  'ER',
  'IQ',
  'JO',
  'KM',
  'KW',
  'LB',
  'LY',
  'MA',
  'MR',
  'OM',
  'PS',
  'QA',
  'SA',
  'SD',
  'SO',
  'SS',
  'SY',
  'TD',
  'TN',
  'YE',
  '001',
];
/** The archive's languages, each regional Arabic variant (يناير, جانفي, كانون الثاني, ماي…), and the widest-read others. */
const MONTH_LOCALES = [
  'en',
  'id',
  'ms',
  'ar',
  ...ARABIC_REGIONS.map((r) => `ar-${r}`),
  ...WIDELY_READ_LOCALES,
  'sw',
  'ha',
  'tl',
  'pl',
  'ro',
];

/**
 * Every month name of those locales, long and short, in its format (with a day, often genitive)
 * and stand-alone forms: as [folded keys, month 1–12, short], once each, those sharing a first
 * key longest first ("كانون الثاني" before "كانون").
 */
export function listCldrMonths(): MonthRow[] {
  const table = new Map<string, MonthRow[]>();
  const add = (name: string, month: number, short: boolean) => {
    const keys = tokenizeText(name).map((t) => t.folded);
    if (keys.length === 0 || keys.some((k) => /^\d+$/.test(k))) return;
    const list = table.get(keys[0]!) ?? [];
    const joined = keys.join(' ');
    if (!list.some(([k, m]) => m === month && k === joined)) list.push([joined, month, short]);
    table.set(keys[0]!, list);
  };
  for (const locale of Intl.DateTimeFormat.supportedLocalesOf(MONTH_LOCALES)) {
    for (const style of ['long', 'short'] as const) {
      const withDay = new Intl.DateTimeFormat(locale, { day: 'numeric', month: style, timeZone: 'UTC' });
      const alone = new Intl.DateTimeFormat(locale, { month: style, timeZone: 'UTC' });
      for (let m = 0; m < 12; m++) {
        const date = new Date(Date.UTC(2024, m, 15));
        for (const format of [withDay, alone]) {
          const part = format.formatToParts(date).find((p) => p.type === 'month');
          if (part) add(part.value.replace(/\.$/, ''), m + 1, style === 'short');
        }
      }
    }
  }
  const length = ([keys]: MonthRow) => keys.split(' ').length;
  return [...table.values()].flatMap((list) => list.sort((a, b) => length(b) - length(a)));
}
