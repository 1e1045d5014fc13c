import type { ArticleMeta, FieldSources, RejectedValue } from '../../../core/article.js';
import { baseLanguage } from '../../../text/baseLanguage.js';
import { foldText } from '../../../text/foldText.js';
import { findDateInUrl } from '../findDateInUrl.js';
import { whyNotPublished } from '../judgePublishedDate.js';
import { siteNamesOf, splitAroundHeadline, stripSiteName } from '../stripSiteName.js';
import type { HtmlFacts } from './readHtmlFacts.js';

/**
 * The citation fields an HTML page states, each with where it came from. Title: the JSON-LD
 * headline, else og:title / twitter:title, weighed against the <h1> (which wins when the meta
 * title only adds to it), else the <h1>, else <title>; the site's name removed from either end.
 * Date: JSON-LD datePublished, article:published_time and its kin, a <time> marked as the
 * publication, another <time>, a visible date line near the headline (given by the caller), the
 * URL's path; a modified date only when there is nothing else. A date before 1990 or in the future is refused.
 */

export type HtmlMeta = { meta: Partial<ArticleMeta>; sources: FieldSources; rejected: RejectedValue[] };

const PUBLISHED_KEYS = [
  'article:published_time',
  'og:published_time',
  'datePublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'dc.date.issued',
  'dc.date',
  'DC.date.issued',
  'date',
  'sailthru.date',
  'parsely-pub-date',
];
const MODIFIED_KEYS = ['article:modified_time', 'og:updated_time', 'dateModified', 'last-modified'];

const compact = (s: string) => foldText(s).replace(/[^\p{L}\p{N}]/gu, '');

function isoDay(value: string | undefined | null): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})/.exec((value ?? '').trim());
  return match?.[1] && !Number.isNaN(Date.parse(match[1])) ? match[1] : null;
}

function absoluteUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

type Candidate = { value: string | null | undefined; source: string };

function pickTitle(facts: HtmlFacts, siteNames: string[], sources: FieldSources): { title: string | null; siteFromTitle: string | null } {
  const og = facts.meta('og:title', 'twitter:title');
  const heading = facts.headings.find((h) => h.length >= 4 && !siteNames.includes(compact(h))) ?? null;
  const metaTitles: Candidate[] = [
    { value: facts.jsonLd.headline, source: 'JSON-LD headline' },
    { value: og?.value, source: og?.key ?? 'og:title' },
  ];
  for (const { value, source } of metaTitles) {
    if (!value) continue;
    const stripped = stripSiteName(value, siteNames);
    const title = stripped.title;
    if (heading && compact(heading) !== compact(title)) {
      // The meta title is the <h1> plus a segment we could not name ("Headline | Some Site"), or a shortened <h1>.
      const around = splitAroundHeadline(title, heading);
      if (around) {
        sources.title = `<h1> (${source} adds "${around.site}")`;
        return { title: heading, siteFromTitle: around.site };
      }
      if (compact(heading).startsWith(compact(title.replace(/(?:…|\.\.\.)$/u, '')))) {
        sources.title = `<h1> (${source} is cut short)`;
        return { title: heading, siteFromTitle: null };
      }
    }
    sources.title = stripped.removed ? `${source}, without the site name "${stripped.removed}"` : source;
    return { title, siteFromTitle: null };
  }
  if (heading) {
    sources.title = '<h1>';
    return { title: heading, siteFromTitle: facts.titleTag ? (splitAroundHeadline(facts.titleTag, heading)?.site ?? null) : null };
  }
  if (facts.titleTag) {
    const stripped = stripSiteName(facts.titleTag, siteNames);
    sources.title = stripped.removed ? `<title>, without the site name "${stripped.removed}"` : '<title>';
    return { title: stripped.title, siteFromTitle: null };
  }
  return { title: null, siteFromTitle: null };
}

function pickPublished(
  facts: HtmlFacts,
  url: string | null,
  visibleDate: Candidate | null,
  rejected: RejectedValue[],
  sources: FieldSources,
): string | null {
  const metaPublished = facts.meta(...PUBLISHED_KEYS);
  const metaModified = facts.meta(...MODIFIED_KEYS);
  const timePublished = facts.times.find((t) => t.kind === 'published');
  const timePlain = facts.times.find((t) => t.kind === 'plain');
  const timeModified = facts.times.find((t) => t.kind === 'modified');
  const urlDate = findDateInUrl(url);
  const candidates: Candidate[] = [
    { value: facts.jsonLd.datePublished, source: 'JSON-LD datePublished' },
    { value: metaPublished?.value, source: metaPublished?.key ?? '' },
    { value: timePublished?.datetime, source: '<time> marked as the publication date' },
    { value: timePlain?.datetime, source: '<time>' },
    ...(visibleDate ? [visibleDate] : []),
    { value: urlDate, source: 'the URL path' },
    { value: facts.jsonLd.dateModified, source: 'JSON-LD dateModified (a modified date: no publication date found)' },
    { value: metaModified?.value, source: `${metaModified?.key} (a modified date: no publication date found)` },
    { value: timeModified?.datetime, source: '<time> marked as modified (no publication date found)' },
  ];
  for (const { value, source } of candidates) {
    const iso = isoDay(value);
    if (!iso) continue;
    const why = whyNotPublished(iso);
    if (why) {
      rejected.push({ field: 'published', value: iso, reason: `${why} (${source})` });
      continue;
    }
    sources.published = source;
    return iso;
  }
  return null;
}

/** `visibleDate`: a date line shown near the headline (see parseHtml), already as YYYY-MM-DD. */
export function readHtmlMeta(facts: HtmlFacts, visibleDate: Candidate | null): HtmlMeta {
  const meta: Partial<ArticleMeta> = {};
  const sources: FieldSources = {};
  const rejected: RejectedValue[] = [];
  const og = (key: string) => facts.meta(key)?.value ?? null;
  const urlCandidates: Candidate[] = [
    { value: absoluteUrl(og('og:url')), source: 'og:url' },
    { value: absoluteUrl(facts.canonical), source: '<link rel="canonical">' },
    { value: absoluteUrl(facts.jsonLd.url), source: 'JSON-LD url' },
  ];
  const url = urlCandidates.find((c) => c.value);
  if (url?.value) {
    meta.url = url.value;
    meta.site = new URL(url.value).hostname.replace(/^www\./, '');
    [sources.url, sources.site] = [url.source, `the host of ${url.source}`];
  }
  const publisherCandidates: Candidate[] = [
    { value: og('og:site_name'), source: 'og:site_name' },
    { value: facts.jsonLd.publisher, source: 'JSON-LD publisher' },
    { value: og('application-name'), source: 'application-name' },
  ];
  const publisher = publisherCandidates.find((c) => c.value);
  if (publisher?.value) [meta.publisher, sources.publisher] = [publisher.value, publisher.source];
  const { title, siteFromTitle } = pickTitle(facts, siteNamesOf(meta.publisher, meta.site), sources);
  if (title) meta.title = title;
  if (!meta.publisher && siteFromTitle) [meta.publisher, sources.publisher] = [siteFromTitle, 'the page title beside the headline'];
  const published = pickPublished(facts, meta.url ?? null, visibleDate, rejected, sources);
  if (published) meta.published = published;
  const lang = facts.lang ?? (facts.jsonLd.inLanguage ? { value: facts.jsonLd.inLanguage, source: 'JSON-LD inLanguage' } : null);
  const language = lang ? baseLanguage(lang.value) : null;
  if (lang && language && /^[a-z]{2,3}$/.test(language)) [meta.language, sources.language] = [language, lang.source];
  return { meta, sources, rejected };
}
