/**
 * The language of a BCP 47 tag without its region or script, in lower case ("ar-EG" → "ar",
 * "id_ID" → "id"): the part analysis, stemming and language filters go by. Underscores are
 * accepted because front-matter and HTML `lang` attributes use them as often as hyphens.
 */
export function baseLanguage(tag: string): string {
  return tag.split(/[-_]/)[0]!.toLowerCase();
}
