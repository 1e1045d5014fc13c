import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ArticleMeta, PageParse } from '../../core/article.js';
import { baseLanguage } from '../../text/baseLanguage.js';

/**
 * An HTML page: the main content found by Mozilla's Readability (the engine behind Firefox's
 * reader view), so navigation, sidebars and footers are left out; metadata from the tags pages
 * state it in (Open Graph, article:*, JSON-LD, canonical link, <html lang>). A page Readability
 * cannot read falls back to all of its paragraphs.
 */

const BLOCK_SELECTOR = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, figcaption, pre, td, dd, dt';
/** Readability gives up on pages with more elements than this, and we fall back to paragraphs. */
const MAX_ELEMENTS = 50_000;
/**
 * Parsing and Readability both take time quadratic in nesting depth (a 1 MB file of 200,000
 * nested <div>s stalled an ingest for many minutes); real pages nest a few dozen levels.
 */
const MAX_DEPTH = 1_000;
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(\/?)>/g;
/** Elements that never hold others, or whose end tag pages routinely leave out: they do not nest. */
const NOT_NESTING = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'colgroup', 'rp', 'rt', 'html', 'head', 'body',
]);

/** The deepest element nesting of the raw markup, estimated in one linear scan before any parsing. */
function estimateDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const [, closing, name, selfClosing] of html.matchAll(TAG)) {
    if (selfClosing || NOT_NESTING.has(name!.toLowerCase())) continue;
    if (closing) depth = Math.max(0, depth - 1);
    else deepest = Math.max(deepest, ++depth);
  }
  return deepest;
}

type HtmlDocument = ReturnType<typeof parseHTML>['document'];

const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

function metaContent(document: HtmlDocument, ...keys: string[]): string | null {
  for (const key of keys) {
    const el = document.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const value = squash(el?.getAttribute('content'));
    if (value) return value;
  }
  return null;
}

function isoDay(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim());
  if (match?.[1] && !Number.isNaN(Date.parse(match[1]))) return match[1];
  return null;
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

type JsonLdFacts = { headline?: string; datePublished?: string; publisher?: string; url?: string };

/** The first NewsArticle-like object in the page's JSON-LD blocks, if any. */
function readJsonLd(document: HtmlDocument): JsonLdFacts {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    while (queue.length > 0) {
      const item = queue.shift();
      if (Array.isArray(item)) {
        queue.push(...item);
        continue;
      }
      if (!item || typeof item !== 'object') continue;
      const record = item as Record<string, unknown>;
      if (Array.isArray(record['@graph'])) queue.push(...record['@graph']);
      if (typeof record.headline !== 'string' && typeof record.datePublished !== 'string') continue;
      const publisher = record.publisher as Record<string, unknown> | undefined;
      return {
        headline: typeof record.headline === 'string' ? record.headline : undefined,
        datePublished: typeof record.datePublished === 'string' ? record.datePublished : undefined,
        publisher: typeof publisher?.name === 'string' ? publisher.name : undefined,
        url: typeof record.url === 'string' ? record.url : undefined,
      };
    }
  }
  return {};
}

function readMeta(document: HtmlDocument): Partial<ArticleMeta> {
  const jsonLd = readJsonLd(document);
  const meta: Partial<ArticleMeta> = {};
  const title = metaContent(document, 'og:title', 'twitter:title') ?? squash(jsonLd.headline) ?? '';
  const fallbackTitle = squash(document.querySelector('title')?.textContent);
  if (title || fallbackTitle) meta.title = title || fallbackTitle;
  const publisher = metaContent(document, 'og:site_name', 'application-name') ?? squash(jsonLd.publisher);
  if (publisher) meta.publisher = publisher;
  const url =
    absoluteUrl(metaContent(document, 'og:url')) ??
    absoluteUrl(document.querySelector('link[rel="canonical"]')?.getAttribute('href')) ??
    absoluteUrl(jsonLd.url);
  if (url) {
    meta.url = url;
    meta.site = new URL(url).hostname.replace(/^www\./, '');
  }
  const published =
    isoDay(metaContent(document, 'article:published_time', 'datePublished', 'date', 'pubdate', 'dc.date')) ??
    isoDay(jsonLd.datePublished) ??
    isoDay(document.querySelector('time[datetime]')?.getAttribute('datetime'));
  if (published) meta.published = published;
  const language = baseLanguage(squash(document.documentElement?.getAttribute('lang')));
  if (language && /^[a-z]{2,3}$/.test(language)) meta.language = language;
  return meta;
}

function blocksOf(root: { querySelectorAll(selector: string): Iterable<{ textContent: string | null; querySelector(s: string): unknown }> }): string[] {
  const blocks: string[] = [];
  for (const el of root.querySelectorAll(BLOCK_SELECTOR)) {
    // A list item or cell that wraps paragraphs is read through its paragraphs.
    if (el.querySelector('p, li, blockquote')) continue;
    const text = squash(el.textContent);
    if (text) blocks.push(text);
  }
  return blocks;
}

function mainContentBlocks(html: string): string[] {
  const { document } = parseHTML(html);
  const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { maxElemsToParse: MAX_ELEMENTS, keepClasses: false }).parse();
  if (!article?.content) return [];
  return blocksOf(parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document);
}

/** Unusable only when the markup is nested too deeply to parse in reasonable time; otherwise whatever text it holds. */
export function parseHtml(html: string, sourceId: string): PageParse {
  if (estimateDepth(html) > MAX_DEPTH) return { ok: false, reason: `HTML nested more than ${MAX_DEPTH} elements deep; not parsed` };
  let document: HtmlDocument;
  try {
    document = parseHTML(html).document;
  } catch {
    return { ok: true, page: { blocks: [], meta: {} } };
  }
  let meta: Partial<ArticleMeta> = {};
  try {
    meta = readMeta(document);
  } catch {
    // Broken metadata is no reason to lose the article text; the inferred metadata fills in.
  }
  let blocks: string[] = [];
  try {
    blocks = mainContentBlocks(html);
  } catch {
    blocks = [];
  }
  if (blocks.length === 0) {
    try {
      for (const el of document.querySelectorAll('script, style, noscript, nav, header, footer, aside, form')) el.remove();
      blocks = blocksOf(document);
    } catch {
      blocks = [];
    }
  }
  if (blocks.length === 0 && meta.title === undefined) meta.title = sourceId;
  return { ok: true, page: { blocks, meta } };
}
