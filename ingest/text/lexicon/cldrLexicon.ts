/**
 * Lexicon lines from the CLDR data in Node's ICU, in the core lexicon's format: month and
 * weekday names (with the regional Arabic month names), calendar fields, units and number
 * words ("million", "juta", "مليون"), so they come in every language ICU knows without a list.
 * Multi-word names are left out: their words alone mean something else (كانون الثاني).
 */

const LANGUAGES = ['en', 'id', 'ar'] as const;
/** Arabic locales whose month names differ (Levant/Iraq, Maghreb). */
const ARABIC_MONTH_LOCALES = ['ar', 'ar-SY', 'ar-IQ', 'ar-LB', 'ar-DZ', 'ar-MA', 'ar-TN'];
const FIELDS = ['year', 'month', 'weekOfYear', 'day', 'hour', 'minute', 'second'] as const;
const UNITS = ['kilometer', 'meter', 'centimeter', 'kilogram', 'gram', 'liter', 'hectare', 'mile', 'percent', 'degree', 'acre', 'foot'];

const singleWords = (names: (string | undefined)[]) => [
  ...new Set(names.map((n) => n?.trim() ?? '').filter((n) => /^[\p{L}\p{M}]+$/u.test(n))),
];

/** Each locale's long names of `field` for the 12 months or the 7 days of a week, from one formatter (making one costs more than formatting). */
function calendarNames(locale: string, field: 'month' | 'weekday'): string[] {
  const format = new Intl.DateTimeFormat(locale, { [field]: 'long', timeZone: 'UTC' });
  return field === 'month'
    ? Array.from({ length: 12 }, (_, m) => format.format(new Date(Date.UTC(2024, m, 15))))
    : Array.from({ length: 7 }, (_, d) => format.format(new Date(Date.UTC(2024, 0, 7 + d))));
}

function unitName(locale: string, unit: string): string | undefined {
  const parts = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).formatToParts(1);
  return parts.find((p) => p.type === 'unit')?.value;
}

function compactWords(locale: string, values: readonly number[]): (string | undefined)[] {
  const format = new Intl.NumberFormat(locale, { notation: 'compact', compactDisplay: 'long' });
  return values.map((value) => format.formatToParts(value).find((p) => p.type === 'compact')?.value);
}

function line(names: (language: string) => (string | undefined)[]): string {
  return LANGUAGES.map((language) => singleWords(names(language)).join(' ')).join(' | ');
}

const COMPACT_VALUES = [2e3, 2e6, 2e9, 2e12];

export function buildCldrLexicon(): string[] {
  const lines: string[] = [];
  // Long month names only: short ones ("Mar", "May", "Des") are ordinary words elsewhere.
  const months = new Map<string, string[]>(
    ARABIC_MONTH_LOCALES.concat(LANGUAGES).map((locale) => [locale, calendarNames(locale, 'month')]),
  );
  for (let m = 0; m < 12; m++) {
    lines.push(line((language) => (language === 'ar' ? ARABIC_MONTH_LOCALES : [language]).map((locale) => months.get(locale)![m])));
  }
  const weekdays = new Map<string, string[]>(LANGUAGES.map((language) => [language, calendarNames(language, 'weekday')]));
  for (let d = 0; d < 7; d++) lines.push(line((language) => [weekdays.get(language)![d]]));
  const fields = new Map<string, Intl.DisplayNames>(
    LANGUAGES.map((language) => [language, new Intl.DisplayNames(language, { type: 'dateTimeField' })]),
  );
  for (const field of FIELDS) lines.push(line((language) => [fields.get(language)!.of(field)]));
  for (const unit of UNITS) lines.push(line((language) => [unitName(language, unit)]));
  const compact = new Map<string, (string | undefined)[]>(LANGUAGES.map((language) => [language, compactWords(language, COMPACT_VALUES)]));
  COMPACT_VALUES.forEach((_, i) => lines.push(line((language) => [compact.get(language)![i]])));
  return lines;
}
