import { findDates, resolveDate, type DateMention } from '../../text/findDates.js';
import type { ArticleMeta, FieldSources, RejectedValue } from '../../core/article.js';
import { findDateInUrl } from './findDateInUrl.js';
import { isByline } from './findPageChrome.js';
import { whyNotPublished } from './judgePublishedDate.js';
import { isBoilerplate, isSectionEnd, undouble } from './stripBoilerplate.js';
import { siteNamesOf, stripSiteName } from './stripSiteName.js';

/**
 * Infers an article's metadata from the blocks of a scraped page, the way a reader would: the
 * body starts at the first real paragraph, the headline is the last heading-like block above it,
 * a byline near it names the outlet and the date, and a site or URL is named somewhere on the page.
 * Page chrome (menus, share rows, bylines and date lines, see findPageChrome) is never the headline
 * nor the first paragraph. What the file states itself (front-matter, meta tags) is not searched
 * for: those fields come back null.
 */

export type InferredMetadata = {
  title: string | null;
  publisher: string | null;
  site: string | null;
  published: string | null;
  url: string | null;
  /** Index of the first block of the article's body (after title and byline). */
  bodyStart: number;
  /** A dateline opening the body ("<outlet> <date>: "): its block and length, to cut from the text. */
  dateline: { block: number; length: number } | null;
  /** Where each inferred field was found. */
  sources: FieldSources;
  /** Dates found and refused as publication dates. */
  rejected: RejectedValue[];
};

const URL_IN_TEXT = /\b(?:https?:\/\/[^\s"'<>]+|www\.[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+[^\s"'<>]*)/iu;
const TOP_LEVEL_DOMAIN = 'com|net|org|info|news|vn|id|co\\.id|go\\.id|eg|sa|ae|ma|dz|lb|qa|fr|uk|us|de|ru|io|tv';
const DOMAIN_IN_TEXT = new RegExp(`\\b((?:[\\p{L}\\p{N}-]+\\.)+(?:${TOP_LEVEL_DOMAIN}))\\b`, 'iu');
/**
 * The end of a domain name: tested first, in linear time, because DOMAIN_IN_TEXT backtracks
 * through every word of a long paragraph that names none (1 s of the 12 s parsing took at 100k).
 */
const DOMAIN_END = new RegExp(`[\\p{L}\\p{N}-]\\.(?:${TOP_LEVEL_DOMAIN})\\b`, 'iu');
const findDomain = (block: string) => (DOMAIN_END.test(block) ? DOMAIN_IN_TEXT.exec(block) : null);
const SOCIAL_HOSTS = /(?:facebook|twitter|x\.com|t\.me|telegram|whatsapp|instagram|tiktok|youtube|google|linkedin|pinterest)/i;
/** Words that introduce a publication date: "published on", "بتاريخ", "diterbitkan". */
const PUBLISHED_CUE = /(?:published|posted|diterbitkan|dipublikasikan|بتاريخ|تاريخ النشر|نشر في|publié)/iu;
/** Words that introduce the date a page was changed, which is not when it was published. */
const MODIFIED_CUE = /(?:updated|modified|diperbarui|diperbaharui|pembaruan|تحديث|آخر تحديث|عدل في|mis à jour)/iu;

const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** A block that reads as prose: long, or a full sentence of some length. */
function isParagraph(block: string): boolean {
  const n = wordCount(block);
  return n >= 25 || (n >= 10 && /[.!?؟。"”»:]$/u.test(block));
}

function isHeadline(block: string): boolean {
  const n = wordCount(block);
  return n >= 3 && n <= 30 && block.length <= 250 && !/[.:;,]$/.test(block) && !isBoilerplate(block);
}

/** A site banner such as "Vietnam.vn - Nền tảng quảng bá Việt Nam". */
function isBanner(block: string): boolean {
  return /\s[-|–—]\s/.test(block) && findDomain(block) !== null;
}

function cleanPublisher(text: string): string | null {
  const publisher = undouble(
    text
      .replace(/[\s|:•·,–—-]+$/u, '')
      .replace(/^[\s|:•·,–—-]+/u, '')
      .trim(),
  );
  // "By Jane Doe" names the writer, not the outlet.
  return publisher.length >= 2 && publisher.length <= 80 && !isByline(publisher) ? publisher : null;
}

function normaliseUrl(found: string): string | null {
  const candidate = found.replace(/[.,;)\]]+$/, '');
  try {
    const url = new URL(/^https?:\/\//i.test(candidate) ? candidate : `https://${candidate}`);
    return url.href.replace(/\/$/, '');
  } catch {
    return null;
  }
}

/**
 * What introduces a page's own address on a line of its own: "URL:", "Source:", "Sumber:",
 * "Permalink:", "المصدر:", "نشر الخبر اول مرة على موقع :" (first published on the site).
 */
const ADDRESS_CUE =
  /(?:^|[\s(])(?:url|link|permalink|canonical|source|sumber|tautan|alamat|original(?: article| story)?|artikel asli|berita asli|(?:first|originally) published (?:on|at)|المصدر|مصدر الخبر|الرابط|رابط الخبر|رابط المقال|نشر (?:الخبر|المقال)[^:：\n]{0,30}(?:موقع|على))\s*[:：]?\s*$/iu;
/** A line giving the page's address is short: the cue, the URL, perhaps a date. */
const MAX_ADDRESS_LINE_CHARS = 200;

/**
 * The URL of a line where the page states its own address (a cue, then the URL), not a social
 * network's. A URL merely mentioned in the text — a link to another story, a quoted address —
 * is never taken for the article's own: a citation would then send readers wherever the text pointed.
 */
function findUrl(blocks: readonly string[]): string | null {
  for (const block of blocks) {
    if (block.length > MAX_ADDRESS_LINE_CHARS) continue;
    const match = URL_IN_TEXT.exec(block);
    if (match && ADDRESS_CUE.test(block.slice(0, match.index)) && !SOCIAL_HOSTS.test(match[0])) return normaliseUrl(match[0]);
  }
  return null;
}

function findSite(blocks: readonly string[], url: string | null): string | null {
  if (url) return new URL(url).hostname.replace(/^www\./, '');
  for (const block of blocks.slice(0, 5)) {
    const match = findDomain(block);
    if (match && !SOCIAL_HOSTS.test(match[1]!)) return match[1]!.toLowerCase().replace(/^www\./, '');
  }
  return null;
}

const isoOf = (mention: DateMention) => (mention.year && mention.day ? (resolveDate(mention)?.iso ?? null) : null);

/** The first complete date in `text` that can be a publication date; refused ones are recorded. */
function firstPublishable(text: string, rejected: RejectedValue[]): DateMention | null {
  for (const mention of findDates(text)) {
    const iso = isoOf(mention);
    if (!iso) continue;
    const why = whyNotPublished(iso);
    if (!why) return mention;
    rejected.push({ field: 'published', value: iso, reason: `${why} ("${text.slice(mention.start, mention.end)}")` });
  }
  return null;
}

/** A date stated as the publication date anywhere on the page ("بتاريخ:2024-05-05 14:07:12"). */
function findCuedDate(blocks: readonly string[], rejected: RejectedValue[]): { iso: string; block: string } | null {
  for (const block of blocks) {
    if (!PUBLISHED_CUE.test(block)) continue;
    const mention = firstPublishable(block, rejected);
    if (mention) return { iso: isoOf(mention)!, block };
  }
  return null;
}

const quote = (block: string) => `"${block.length > 60 ? `${block.slice(0, 57)}…` : block}"`;

/** The byline above the body: a short block holding a publishable date, preferring one not cued as an update. */
function findByline(
  page: readonly string[],
  first: number,
  chrome: readonly (string | null)[],
  rejected: RejectedValue[],
): { index: number; mention: DateMention } | null {
  const candidates: number[] = [];
  // Up to four blocks above the body, not counting share rows, menus and ad markers between.
  for (let i = first - 1, seen = 0; i >= 0 && seen < 4; i--) {
    const block = page[i]!;
    const reason = chrome[i];
    if (isBoilerplate(block) || (reason && reason !== 'date line' && reason !== 'byline')) continue;
    seen++;
    if (block.length <= 120) candidates.push(i);
  }
  let updated: { index: number; mention: DateMention } | null = null;
  for (const index of candidates) {
    const mention = firstPublishable(page[index]!, rejected);
    if (!mention) continue;
    if (!MODIFIED_CUE.test(page[index]!)) return { index, mention };
    updated ??= { index, mention };
  }
  return updated;
}

export function findMetadata(
  blocks: readonly string[],
  stated: Partial<ArticleMeta> = {},
  chrome: readonly (string | null)[] = [],
): InferredMetadata {
  const sources: FieldSources = {};
  const rejected: RejectedValue[] = [];
  const end = blocks.findIndex(isSectionEnd);
  const page = end === -1 ? blocks : blocks.slice(0, end);
  let first = page.findIndex((b, i) => isParagraph(b) && !isBoilerplate(b) && !chrome[i]);
  if (first === -1) first = page.length;

  let publisher: string | null = null;
  let published: string | null = null;
  const byline = findByline(page, first, chrome, rejected);
  const bylineIndex = byline?.index ?? -1;
  if (byline) {
    const block = page[byline.index]!;
    published = isoOf(byline.mention);
    publisher = cleanPublisher(block.slice(0, byline.mention.start)) ?? cleanPublisher(block.slice(byline.mention.end));
    sources.published = `byline ${quote(block)}${MODIFIED_CUE.test(block) ? ' (an update date: no other found)' : ''}`;
    if (publisher) sources.publisher = `byline ${quote(block)}`;
  }

  // A dateline opening the first paragraph: "<outlet> <date>: <text>".
  const lead = page[first];
  let dateline: InferredMetadata['dateline'] = null;
  if (lead && !published) {
    const date = firstPublishable(lead.slice(0, 80), rejected);
    const colon = date ? lead.slice(date.end).match(/^\s*[:：-]\s*/) : null;
    if (date && colon) {
      published = isoOf(date);
      publisher = cleanPublisher(lead.slice(0, date.start));
      dateline = { block: first, length: date.end + colon[0].length };
      sources.published = `dateline ${quote(lead.slice(0, dateline.length))}`;
      if (publisher) sources.publisher = sources.published;
    }
  }
  if (!stated.published) {
    const cued = findCuedDate(blocks, rejected);
    if (cued) {
      published = cued.iso;
      sources.published = `date stated as the publication date ${quote(cued.block)}`;
    }
  }

  let title: string | null = null;
  let titleIndex = -1;
  for (let i = first - 1; i >= 0 && !stated.title; i--) {
    const block = page[i]!;
    if (i === bylineIndex || chrome[i] || isBoilerplate(block) || isBanner(block) || !isHeadline(block)) continue;
    title = block;
    titleIndex = i;
    sources.title = `the headline-shaped line above the ${bylineIndex > i ? 'byline' : 'first paragraph'}`;
    break;
  }
  if (!title && !stated.title) {
    const fallback = page.find((b, i) => !chrome[i] && !isBoilerplate(b) && !isBanner(b) && wordCount(b) >= 2);
    title = fallback ? fallback.slice(0, 200) : null;
    if (title) sources.title = 'the first line of the page (no headline-shaped line above the text)';
  }

  const url = stated.url ? null : findUrl(blocks);
  if (url) sources.url = "a line giving the page's address";
  const site = stated.site ? null : findSite(blocks, url);
  if (site) sources.site = url ? 'the host of that URL' : 'a domain named near the top';
  if (!published && !stated.published) {
    published = findDateInUrl(stated.url ?? url);
    if (published) sources.published = 'the URL path';
  }
  if (title) {
    const stripped = stripSiteName(title, siteNamesOf(stated.publisher, publisher, stated.site, site));
    if (stripped.removed) {
      title = stripped.title;
      sources.title += `, without the site name "${stripped.removed}"`;
    }
  }
  return {
    title,
    publisher: publisher ?? null,
    site,
    published,
    url,
    // Blocks between the headline and the first paragraph (a standfirst, an ad marker) stay for
    // stripBoilerplate to judge; with no headline found, the body starts at the first paragraph.
    bodyStart: titleIndex === -1 ? first : Math.max(titleIndex, bylineIndex) + 1,
    dateline,
    sources,
    rejected,
  };
}
