import { findDates, resolveDate, type DateMention } from '../../text/findDates.js';
import type { ArticleMeta } from '../../core/article.js';
import { isBoilerplate, isSectionEnd, undouble } from './stripBoilerplate.js';

/**
 * Infers an article's metadata from the blocks of a scraped page, the way a reader would: the
 * body starts at the first real paragraph, the headline is the last heading-like block above it,
 * a byline near it names the outlet and the date, and a site or URL is named somewhere on the page.
 * What the file states itself (front-matter, meta tags) is not searched for: those fields come back null.
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
const PUBLISHED_CUE = /(?:published|posted|updated|diterbitkan|dipublikasikan|بتاريخ|تاريخ النشر|نشر في|publié)/iu;

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
  const publisher = undouble(text.replace(/[\s|:•·,–—-]+$/u, '').replace(/^[\s|:•·,–—-]+/u, '').trim());
  return publisher.length >= 2 && publisher.length <= 80 ? publisher : null;
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

/** The first URL a page names that is not a social network's. */
function findUrl(blocks: readonly string[]): string | null {
  for (const block of blocks) {
    const match = URL_IN_TEXT.exec(block);
    if (match && !SOCIAL_HOSTS.test(match[0])) return normaliseUrl(match[0]);
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

const isoOf = (mention: DateMention) => (mention.year && mention.day ? resolveDate(mention)?.iso ?? null : null);

/** A date stated as the publication date anywhere on the page ("بتاريخ:2024-05-05 14:07:12"). */
function findCuedDate(blocks: readonly string[]): string | null {
  for (const block of blocks) {
    if (!PUBLISHED_CUE.test(block)) continue;
    for (const mention of findDates(block)) {
      const iso = isoOf(mention);
      if (iso) return iso;
    }
  }
  return null;
}

export function findMetadata(blocks: readonly string[], stated: Partial<ArticleMeta> = {}): InferredMetadata {
  const end = blocks.findIndex(isSectionEnd);
  const page = end === -1 ? blocks : blocks.slice(0, end);
  let first = page.findIndex((b) => isParagraph(b) && !isBoilerplate(b));
  if (first === -1) first = page.length;

  let publisher: string | null = null;
  let published: string | null = null;
  let bylineIndex = -1;
  // A short block above the body holding a complete date is the byline: outlet and date.
  for (let i = first - 1; i >= 0 && i >= first - 4; i--) {
    const block = page[i]!;
    if (block.length > 120 || isBoilerplate(block)) continue;
    const date = findDates(block).find((d) => isoOf(d));
    if (!date) continue;
    published = isoOf(date);
    publisher = cleanPublisher(block.slice(0, date.start)) ?? cleanPublisher(block.slice(date.end));
    bylineIndex = i;
    break;
  }

  // A dateline opening the first paragraph: "<outlet> <date>: <text>".
  const lead = page[first];
  let dateline: InferredMetadata['dateline'] = null;
  if (lead && !published) {
    const date = findDates(lead.slice(0, 80)).find((d) => isoOf(d));
    const colon = date ? lead.slice(date.end).match(/^\s*[:：-]\s*/) : null;
    if (date && colon) {
      published = isoOf(date);
      publisher = cleanPublisher(lead.slice(0, date.start));
      dateline = { block: first, length: date.end + colon[0].length };
    }
  }
  if (!stated.published) published = findCuedDate(blocks) ?? published;

  let title: string | null = null;
  let titleIndex = -1;
  for (let i = first - 1; i >= 0 && !stated.title; i--) {
    const block = page[i]!;
    if (i === bylineIndex || isBoilerplate(block) || isBanner(block) || !isHeadline(block)) continue;
    title = block;
    titleIndex = i;
    break;
  }
  if (!title && !stated.title) {
    const fallback = page.find((b) => !isBoilerplate(b) && !isBanner(b) && wordCount(b) >= 2);
    title = fallback ? fallback.slice(0, 200) : null;
  }

  const url = stated.url ? null : findUrl(blocks);
  const site = stated.site ? null : findSite(blocks, url);
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
  };
}
