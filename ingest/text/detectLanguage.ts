import { detect } from 'tinyld';

/**
 * The language of an article's text as a BCP 47 tag ("id", "ar"), or "und" when the text is too
 * short or mixed to tell. tinyld's n-gram model covers 60+ languages and needs no download.
 */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, 4000);
  if (sample.replace(/[\s\p{P}\p{N}]/gu, '').length < 20) return 'und';
  const tag = detect(sample);
  return tag ? (Intl.getCanonicalLocales(tag)[0] ?? 'und') : 'und';
}
