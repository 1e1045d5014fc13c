import { describe, expect, it } from 'vitest';
import { findDates, formatDate, resolveDate, type DateMention } from '../../../ingest/text/findDates.js';

/** A mention as the text it covers and what it says, "????" for a year it does not state: "4 Desember → ????-12-04". */
function describeMention(text: string, m: DateMention): string {
  const date = [m.year ?? '????', String(m.month).padStart(2, '0'), ...(m.day === undefined ? [] : [String(m.day).padStart(2, '0')])].join(
    '-',
  );
  return `${text.slice(m.start, m.end)} → ${date}`;
}

const found = (text: string) => findDates(text).map((m) => describeMention(text, m));

describe('findDates', () => {
  it.each([
    ['on 4 December 2023 the ministry', ['4 December 2023 → 2023-12-04']],
    ['December 4, 2023', ['December 4, 2023 → 2023-12-04']],
    ['in December 2023', ['December 2023 → 2023-12']],
    ['Dec 4', ['Dec 4 → ????-12-04']],
    ['dec 2023', ['dec 2023 → 2023-12']],
    ['since March the talks', ['March → ????-03']],
    ['from 3 March 2024 to 5 March 2024', ['3 March 2024 → 2024-03-03', '5 March 2024 → 2024-03-05']],
    ['29 February 2024', ['29 February 2024 → 2024-02-29']],
    // An impossible day is not a day: what is left is a month and a year.
    ['29 February 2023', ['February 2023 → 2023-02']],
    ['December 32, 2023', ['December → ????-12']],
    // A bare month must be capitalised, longer than three letters, or follow a word for "month".
    ['the march went on', []],
    ['in May', []],
    ['in the month of march', []],
    // An abbreviation alone is never a date.
    ['in Sept the', []],
  ])('GIVEN English "%s" THEN it finds %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['Pada tanggal 4 Desember 2023', ['4 Desember 2023 → 2023-12-04']],
    ['4 Des 2023', ['4 Des 2023 → 2023-12-04']],
    ['sejak Januari 2024', ['Januari 2024 → 2024-01']],
    ['pada 4 Desember', ['4 Desember → ????-12-04']],
    ['pada Agustus', ['Agustus → ????-08']],
    ['bulan februari', ['februari → ????-02']],
    ['februari', []],
    ['bulan Des', []],
    ['Mei', []],
  ])('GIVEN Indonesian "%s" THEN it finds %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['في 5 مايو 2024', ['5 مايو 2024 → 2024-05-05']],
    ['٥ مايو ٢٠٢٤', ['٥ مايو ٢٠٢٤ → 2024-05-05']],
    ['في ٤ ديسمبر', ['٤ ديسمبر → ????-12-04']],
    ['٠٥/١٢/٢٠٢٣', ['٠٥/١٢/٢٠٢٣ → 2023-12-05']],
    // Maghrebi month names (Algeria and Tunisia, Morocco) and the Levant's two-word ones.
    ['جانفي 2024', ['جانفي 2024 → 2024-01']],
    ['أفريل 2024', ['أفريل 2024 → 2024-04']],
    ['5 ماي 2024', ['5 ماي 2024 → 2024-05-05']],
    ['يوليوز 2024', ['يوليوز 2024 → 2024-07']],
    ['كانون الثاني 2024', ['كانون الثاني 2024 → 2024-01']],
    // Arabic has no capitals: a bare month counts only after "in", "since" or "during".
    ['في مارس', ['مارس → ????-03']],
    ['مارس', []],
  ])('GIVEN Arabic "%s" THEN it finds %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['on 2024-05-05', ['2024-05-05 → 2024-05-05']],
    ['2024/05/05', ['2024/05/05 → 2024-05-05']],
    ['05/12/2023', ['05/12/2023 → 2023-12-05']],
    ['5.12.2023', ['5.12.2023 → 2023-12-05']],
    ['5-12-2023', ['5-12-2023 → 2023-12-05']],
    // Day first unless the second number cannot be a month.
    ['12/25/2023', ['12/25/2023 → 2023-12-25']],
    ['31/02/2024', []],
    ['5/12-2023', []],
  ])('GIVEN the numeric date "%s" THEN it finds %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('resolveDate', () => {
  const mention = (month: number, day?: number, year?: number): DateMention => ({
    start: 0,
    end: 0,
    month,
    ...(day === undefined ? {} : { day }),
    ...(year === undefined ? {} : { year }),
  });

  it.each([
    ['4 December 2023', '2020-01-01', '2023-12-04 (day)', mention(12, 4, 2023)],
    ['4 December', '2023-12-05', '2023-12-04 (day)', mention(12, 4)],
    ['10 January', '2024-01-10', '2024-01-10 (day)', mention(1, 10)],
    // The latest year that does not put the event after its report.
    ['6 December', '2023-12-05', '2022-12-06 (day)', mention(12, 6)],
    ['March', '2024-02-10', '2023-03 (month)', mention(3)],
    ['February', '2024-02-10', '2024-02 (month)', mention(2)],
    ['5 May', null, 'no date', mention(5, 5)],
  ])('GIVEN "%s" in an article published %s THEN it resolves to %s', (_text, published, expected, date) => {
    const resolved = resolveDate(date, published);
    expect(resolved ? `${resolved.iso} (${resolved.precision})` : 'no date').toBe(expected);
  });

  it('GIVEN "pada 4 Desember" in an article published on 5 December 2023 THEN it is 4 December 2023', () => {
    const [date] = findDates('pada 4 Desember');
    expect(formatDate(resolveDate(date!, '2023-12-05')!)).toBe('4 December 2023');
  });
});

describe('formatDate', () => {
  it.each([
    ['2023-12-04', 'day', 'en-GB', '4 December 2023'],
    ['2023-12', 'month', 'en-GB', 'December 2023'],
    ['2023-12-04', 'day', 'id', '4 Desember 2023'],
    ['2024-01', 'month', 'id', 'Januari 2024'],
  ] as const)('GIVEN %s at %s precision in %s THEN "%s"', (iso, precision, locale, expected) => {
    expect(formatDate({ iso, precision }, locale)).toBe(expected);
  });

  it('GIVEN no locale THEN the date is written in British English', () => {
    expect(formatDate({ iso: '2024-05-05', precision: 'day' })).toBe('5 May 2024');
  });
});
