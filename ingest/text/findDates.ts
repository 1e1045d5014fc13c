import { resolve } from 'node:path';
import { isArabicScript } from './foldText.js';
import { byFirstKey, readCldrTable } from './readCldrTable.js';
import { tokenizeText, type Token } from './tokenizeText.js';

/**
 * Date expressions in any of the archive's languages, found on word tokens so offsets point into
 * the original text. Month names come from ICU (`Intl.DateTimeFormat`) for the locales of
 * ingest/text/build/listCldrMonths.ts, including each regional Arabic variant (يناير, جانفي,
 * كانون الثاني, ماي…), read once from ingest/text/data/cldr-months.json, which `npm run
 * build-names` writes; numeric forms are ISO (2024-05-05) and day-first or month-first with one
 * separator (05/12/2023).
 */

export type DateMention = {
  start: number;
  end: number;
  month: number;
  year?: number;
  day?: number;
};

export type ResolvedDate = {
  /** `YYYY-MM-DD` or, without a day, `YYYY-MM`. */
  iso: string;
  precision: 'day' | 'month';
};

/** Words for "month" that make a bare month name a date: "bulan Februari", "شهر مارس". */
const MONTH_WORDS = new Set(['bulan', 'month', 'شهر', 'mois', 'mes', 'monat']);
/** Prepositions that make a bare Arabic month name a date: "في مارس". */
const ARABIC_BEFORE_MONTH = new Set(['في', 'منذ', 'خلال']);

type MonthName = { keys: string[]; month: number; short: boolean };
/** A month name as the data file stores it: its folded keys joined by spaces, its month (1–12), and whether it is a short form. */
export type MonthRow = [keys: string, month: number, short: boolean];
let monthTable: Map<string, MonthName[]> | undefined;

export const MONTH_TABLE_FILE = resolve(import.meta.dirname, 'data', 'cldr-months.json');

const isMonthRow = (row: unknown): row is MonthRow =>
  Array.isArray(row) &&
  row.length === 3 &&
  typeof row[0] === 'string' &&
  row[0].length > 0 &&
  Number.isInteger(row[1]) &&
  row[1] >= 1 &&
  row[1] <= 12 &&
  typeof row[2] === 'boolean';

/** The month names by first key, in the file's order (longest first within a key). */
function readMonthTable(): Map<string, MonthName[]> {
  const rows = readCldrTable(MONTH_TABLE_FILE, isMonthRow, '[keys, month 1–12, short]');
  return byFirstKey(rows, (keys, [, month, short]) => ({ keys, month, short }));
}

function matchMonth(tokens: readonly Token[], i: number): { month: number; next: number; short: boolean } | undefined {
  monthTable ??= readMonthTable();
  const token = tokens[i];
  if (!token) return undefined;
  for (const name of monthTable.get(token.folded) ?? []) {
    if (name.keys.every((k, j) => tokens[i + j]?.folded === k)) {
      return { month: name.month, next: i + name.keys.length, short: name.short };
    }
  }
  return undefined;
}

const isDigits = (t: Token | undefined): t is Token => !!t && /^\d+$/.test(t.folded);
const dayOf = (t: Token | undefined) => (isDigits(t) && t.folded.length <= 2 ? Number(t.folded) : undefined);
const yearOf = (t: Token | undefined) => {
  if (!isDigits(t) || t.folded.length !== 4) return undefined;
  const y = Number(t.folded);
  return y >= 1900 && y <= 2100 ? y : undefined;
};

function validDay(year: number | undefined, month: number, day: number): boolean {
  if (day < 1 || day > 31 || month < 1 || month > 12) return false;
  const d = new Date(Date.UTC(year ?? 2024, month - 1, day));
  return d.getUTCDate() === day;
}

/** Text between two tokens, e.g. "/" in 05/12/2023 or ", " in "December 4, 2023". */
const between = (text: string, a: Token, b: Token) => text.slice(a.end, b.start);

function numericDate(text: string, tokens: readonly Token[], i: number): DateMention | undefined {
  const [a, b, c] = [tokens[i], tokens[i + 1], tokens[i + 2]];
  if (!isDigits(a) || !isDigits(b) || !isDigits(c)) return undefined;
  const sep = between(text, a, b);
  if (!/^[/.-]$/.test(sep) || between(text, b, c) !== sep) return undefined;
  const [x, y, z] = [Number(a.folded), Number(b.folded), Number(c.folded)];
  let mention: Omit<DateMention, 'start' | 'end'> | undefined;
  if (a.folded.length === 4 && yearOf(a)) mention = { year: x, month: y, day: z };
  else if (c.folded.length === 4 && yearOf(c)) {
    // Day first unless that is impossible: most of the world, and every seed, writes it so.
    mention = x > 12 || y <= 12 ? { year: z, month: y, day: x } : { year: z, month: x, day: y };
  }
  if (!mention || !validDay(mention.year, mention.month, mention.day!)) return undefined;
  return { start: a.start, end: c.end, ...mention };
}

function namedDate(text: string, tokens: readonly Token[], i: number): DateMention | undefined {
  const first = tokens[i]!;
  // Day Month [Year]: "4 Desember", "5 ماي 2024".
  const day = dayOf(first);
  if (day !== undefined) {
    const month = matchMonth(tokens, i + 1);
    if (month && /^\s*$/.test(between(text, first, tokens[i + 1]!))) {
      const yearToken = tokens[month.next];
      const year = yearToken && /^[\s,]*$/.test(between(text, tokens[month.next - 1]!, yearToken)) ? yearOf(yearToken) : undefined;
      if (!validDay(year, month.month, day)) return undefined;
      const end = year ? yearToken!.end : tokens[month.next - 1]!.end;
      return { start: first.start, end, month: month.month, day, ...(year ? { year } : {}) };
    }
    return undefined;
  }
  const month = matchMonth(tokens, i);
  if (!month) return undefined;
  const last = tokens[month.next - 1]!;
  const after = tokens[month.next];
  // Month Day[, Year]: "December 4, 2023".
  const followingDay = dayOf(after);
  if (after && followingDay !== undefined && /^\s*$/.test(between(text, last, after))) {
    const yearToken = tokens[month.next + 1];
    const year = yearToken && /^,?\s*$/.test(between(text, after, yearToken)) ? yearOf(yearToken) : undefined;
    if (validDay(year, month.month, followingDay)) {
      return { start: first.start, end: (year ? yearToken! : after).end, month: month.month, day: followingDay, ...(year ? { year } : {}) };
    }
  }
  // Month Year: "Desember 2023".
  const year = after && /^\s*$/.test(between(text, last, after)) ? yearOf(after) : undefined;
  if (year) return { start: first.start, end: after!.end, month: month.month, year };
  // A bare month only where the context says it is one: long, capitalised or after "month"/"في".
  if (month.short) return undefined;
  const before = tokens[i - 1]?.folded;
  const isArabic = isArabicScript(first.raw);
  const contextual =
    (before !== undefined && MONTH_WORDS.has(before)) || (isArabic && before !== undefined && ARABIC_BEFORE_MONTH.has(before));
  const capitalised = !isArabic && /^\p{Lu}/u.test(first.raw) && first.raw.length > 3;
  if (!contextual && !capitalised) return undefined;
  return { start: first.start, end: last.end, month: month.month };
}

/** Every date expression in `text`, in order, without overlaps. */
export function findDates(text: string): DateMention[] {
  const tokens = tokenizeText(text);
  const mentions: DateMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const mention = numericDate(text, tokens, i) ?? namedDate(text, tokens, i);
    if (mention) {
      mentions.push(mention);
      while (i < tokens.length && tokens[i]!.start < mention.end) i++;
    } else {
      i++;
    }
  }
  return mentions;
}

/**
 * Fills a missing year from the article's publication date (`YYYY-MM-DD`): the latest year that
 * does not put the event after publication. Returns undefined when no year can be known.
 */
export function resolveDate(mention: DateMention, published?: string | null): ResolvedDate | undefined {
  let year = mention.year;
  if (year === undefined && published) {
    const [py, pm, pd] = published.split('-').map(Number) as [number, number, number?];
    year = mention.month > pm || (mention.month === pm && (mention.day ?? 0) > (pd ?? 31)) ? py - 1 : py;
  }
  if (year === undefined) return undefined;
  const mm = String(mention.month).padStart(2, '0');
  if (mention.day === undefined) return { iso: `${year}-${mm}`, precision: 'month' };
  return { iso: `${year}-${mm}-${String(mention.day).padStart(2, '0')}`, precision: 'day' };
}

/** "4 December 2023" or "December 2023", in the given locale (English by default). */
export function formatDate(date: ResolvedDate, locale = 'en-GB'): string {
  const [y, m, d] = date.iso.split('-').map(Number) as [number, number, number?];
  const options: Intl.DateTimeFormatOptions =
    date.precision === 'day'
      ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
      : { month: 'long', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(new Date(Date.UTC(y, m - 1, d ?? 1)));
}
