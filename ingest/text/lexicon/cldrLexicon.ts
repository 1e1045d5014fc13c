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

function monthNames(locale: string, month: number): string[] {
  const date = new Date(Date.UTC(2024, month, 15));
  // Long names only: short ones ("Mar", "May", "Des") are ordinary words elsewhere.
  return [new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(date)];
}

function unitName(locale: string, unit: string): string | undefined {
  const parts = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).formatToParts(1);
  return parts.find((p) => p.type === 'unit')?.value;
}

function compactWord(locale: string, value: number): string | undefined {
  const parts = new Intl.NumberFormat(locale, { notation: 'compact', compactDisplay: 'long' }).formatToParts(value);
  return parts.find((p) => p.type === 'compact')?.value;
}

function line(names: (language: string) => (string | undefined)[]): string {
  return LANGUAGES.map((language) => singleWords(names(language)).join(' ')).join(' | ');
}

export function buildCldrLexicon(): string[] {
  const lines: string[] = [];
  for (let m = 0; m < 12; m++) {
    lines.push(line((language) => (language === 'ar' ? ARABIC_MONTH_LOCALES : [language]).flatMap((locale) => monthNames(locale, m))));
  }
  for (let d = 0; d < 7; d++) {
    const date = new Date(Date.UTC(2024, 0, 7 + d));
    lines.push(line((language) => [new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(date)]));
  }
  for (const field of FIELDS) lines.push(line((language) => [new Intl.DisplayNames(language, { type: 'dateTimeField' }).of(field)]));
  for (const unit of UNITS) lines.push(line((language) => [unitName(language, unit)]));
  for (const value of [2e3, 2e6, 2e9, 2e12]) lines.push(line((language) => [compactWord(language, value)]));
  return lines;
}
