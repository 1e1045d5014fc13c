/** "/2022/02/01/", "/2022-02-01-", "/20220201/" in a URL's path: many sites file articles by day. */
const DATED_PATH = /(?:^|[/_-])((?:19|20)\d{2})([/-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)/;

/** The day a URL's path files the article under, as YYYY-MM-DD, or null. */
export function findDateInUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const match = DATED_PATH.exec(path);
  if (!match) return null;
  const iso = `${match[1]}-${match[3]}-${match[4]}`;
  // 2023-02-30 matches the pattern but is no day.
  return new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso) ? iso : null;
}
