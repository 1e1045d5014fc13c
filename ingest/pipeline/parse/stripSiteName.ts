import { foldText } from '../../text/foldText.js';

/** What separates a headline from a site name in a page title: "Headline | Site", "Site - Headline". */
const SEPARATOR = /\s+[|–—:·•»-]\s+|\s+::\s+|\s*\|\s*/u;

/** Letters and digits only, folded: "Kabar-Dunia.com" and "Kabar Dunia" meet as "kabarduniacom" / "kabardunia". */
const compact = (s: string) => foldText(s).replace(/[^\p{L}\p{N}]/gu, '');

/** The names a site goes by: its publisher name and its host, with and without "www." and the top-level domain. */
export function siteNamesOf(...names: (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const name of names) {
    if (!name) continue;
    out.add(compact(name));
    const host = /^(?:[\p{L}\p{N}-]+\.)+[\p{L}]{2,}$/u.test(name) ? name.replace(/^www\./, '') : null;
    if (host) out.add(compact(host.split('.').slice(0, -1).join('.')));
  }
  return [...out].filter((n) => n.length >= 3);
}

function isSiteName(segment: string, names: readonly string[]): boolean {
  const c = compact(segment);
  if (c.length < 3) return false;
  return names.some((name) => c === name || (Math.min(c.length, name.length) >= 5 && (c.startsWith(name) || name.startsWith(c))));
}

/**
 * A page title without the site's name at either end ("Niger ends EU missions | Kabar Dunia" →
 * "Niger ends EU missions"), and what was removed. Only a segment that matches one of `names` is
 * removed, and never so much that no headline is left.
 */
export function stripSiteName(title: string, names: readonly string[]): { title: string; removed: string | null } {
  const parts = title.split(SEPARATOR);
  if (parts.length < 2 || names.length === 0) return { title, removed: null };
  const removed: string[] = [];
  let first = 0;
  let last = parts.length - 1;
  while (last > first && isSiteName(parts[last]!, names)) removed.push(parts[last--]!);
  while (last > first && isSiteName(parts[first]!, names)) removed.push(parts[first++]!);
  if (removed.length === 0) return { title, removed: null };
  // The headline is what lies between, with its own separators as they were.
  const start = title.indexOf(parts[first]!);
  const end = title.lastIndexOf(parts[last]!) + parts[last]!.length;
  return { title: title.slice(start, end).trim(), removed: removed.join(', ') };
}

/**
 * The headline part of a page title that holds the headline and one more segment — the site's
 * name, unknown to us — when that headline is known from elsewhere (the page's <h1>): gives the
 * other segment as the likely site name.
 */
export function splitAroundHeadline(title: string, headline: string): { title: string; site: string } | null {
  const parts = title.split(SEPARATOR);
  if (parts.length < 2) return null;
  const h = compact(headline);
  const firstIsHeadline = compact(parts.slice(0, -1).join(' ')) === h;
  const lastIsHeadline = compact(parts.slice(1).join(' ')) === h;
  if (firstIsHeadline) return { title: headline, site: parts.at(-1)!.trim() };
  if (lastIsHeadline) return { title: headline, site: parts[0]!.trim() };
  return null;
}
