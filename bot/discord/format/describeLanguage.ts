/** "Indonesian" for `id` in an English reply, "Indonesia" in an Indonesian one; the tag itself when unknown. */
export function describeLanguage(tag: string, locale: string): string {
  if (!tag || tag === 'und') return '?';
  try {
    return new Intl.DisplayNames([locale, 'en'], { type: 'language', fallback: 'code' }).of(tag) ?? tag;
  } catch {
    // A tag that is not well-formed BCP 47 (from a hand-written front-matter) is shown as it is.
    return tag;
  }
}
