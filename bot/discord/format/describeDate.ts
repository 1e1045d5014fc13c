/** An ISO date (`2023-12-05`) as the reader's locale writes it ("5 Dec 2023", "5 Des 2023"). */
export function describeDate(isoDate: string, locale: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat([locale, 'en-GB'], { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}
