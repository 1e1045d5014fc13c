import { createRequire } from 'node:module';
import type { Readability as ReadabilityType } from '@mozilla/readability';
import type { parseHTML as ParseHtmlType } from 'linkedom';
import type { PageParse, StrippedBlock } from '../../core/article.js';
import { findDates, resolveDate } from '../../text/findDates.js';
import { foldText } from '../../text/foldText.js';
import { isDateLine } from './findPageChrome.js';
import { readHtmlBlocks, type HtmlBlock } from './html/readHtmlBlocks.js';
import { readHtmlFacts, type HtmlDocument } from './html/readHtmlFacts.js';
import { readHtmlMeta } from './html/readHtmlMeta.js';

/**
 * The DOM parser and Readability are loaded (their CommonJS builds, synchronously) on the first
 * HTML page: some 30 MB and 0.2 s per thread that an archive of Markdown and text never needs.
 */
const loadCommonJs = createRequire(import.meta.url);
let htmlLibraries: { parseHTML: typeof ParseHtmlType; Readability: typeof ReadabilityType } | undefined;
const htmlParsers = () =>
  (htmlLibraries ??= {
    parseHTML: (loadCommonJs('linkedom') as typeof import('linkedom')).parseHTML,
    Readability: (loadCommonJs('@mozilla/readability') as typeof import('@mozilla/readability')).Readability,
  });

/**
 * An HTML page: the main content found by Mozilla's Readability (the engine behind Firefox's
 * reader view), so navigation, sidebars and footers are left out, read into blocks by
 * readHtmlBlocks; metadata from the tags pages state it in (see readHtmlMeta) and from a date
 * line shown near the headline. A page Readability cannot read falls back to all of its text.
 * What Readability left out is listed, and tells which repeated blocks are page furniture.
 */

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
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'option',
  'optgroup',
  'thead',
  'tbody',
  'tfoot',
  'colgroup',
  'rp',
  'rt',
  'html',
  'head',
  'body',
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

/** How far around the headline a visible date line is looked for, in blocks. */
const DATE_LINE_BEFORE = 2;
const DATE_LINE_AFTER = 6;

function mainContentBlocks(page: string): HtmlBlock[] {
  const { parseHTML, Readability } = htmlParsers();
  const { document } = parseHTML(page);
  const article = new Readability(document as unknown as ConstructorParameters<typeof ReadabilityType>[0], {
    maxElemsToParse: MAX_ELEMENTS,
    keepClasses: false,
  }).parse();
  if (!article?.content) return [];
  const content = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document;
  return content.body ? readHtmlBlocks(content.body as never) : [];
}

/** A date shown as a line of its own around the page's headline ("Senin, 4 Desember 2023 14:05 WIB"). */
function findVisibleDate(pageBlocks: readonly HtmlBlock[], title: string | undefined): { value: string; source: string } | null {
  const folded = title ? foldText(title) : null;
  let at = pageBlocks.findIndex((b) => b.tag === 'h1' && (folded === null || foldText(b.text) === folded));
  if (at === -1) at = pageBlocks.findIndex((b) => b.tag === 'h1');
  if (at === -1) return null;
  for (const block of pageBlocks.slice(Math.max(0, at - DATE_LINE_BEFORE), at + DATE_LINE_AFTER + 1)) {
    if (!isDateLine(block.text)) continue;
    const mention = findDates(block.text).find((d) => d.year !== undefined && d.day !== undefined);
    const iso = mention ? resolveDate(mention)?.iso : undefined;
    if (iso) return { value: iso, source: `visible date line "${block.text}" near the headline` };
  }
  return null;
}

/** Folded blocks that occur more often on the whole page than in the article: those appear outside it too. */
function blocksOutside(
  pageBlocks: readonly HtmlBlock[],
  articleBlocks: readonly string[],
): { outside: Set<string>; stripped: StrippedBlock[] } {
  const inArticle = new Map<string, number>();
  for (const block of articleBlocks) inArticle.set(foldText(block), (inArticle.get(foldText(block)) ?? 0) + 1);
  const outside = new Set<string>();
  const stripped: StrippedBlock[] = [];
  for (const { text } of pageBlocks) {
    const key = foldText(text);
    const left = inArticle.get(key) ?? 0;
    if (left > 0) {
      inArticle.set(key, left - 1);
      continue;
    }
    outside.add(key);
    stripped.push({ text, reason: 'outside the main content (Readability)' });
  }
  return { outside, stripped };
}

/** Unusable only when the markup is nested too deeply to parse in reasonable time; otherwise whatever text it holds. */
export function parseHtml(html: string, sourceId: string): PageParse {
  if (estimateDepth(html) > MAX_DEPTH) return { ok: false, reason: `HTML nested more than ${MAX_DEPTH} elements deep; not parsed` };
  let document: HtmlDocument;
  try {
    document = htmlParsers().parseHTML(html).document;
  } catch {
    return { ok: true, page: { blocks: [], meta: {} } };
  }
  let pageBlocks: HtmlBlock[] = [];
  try {
    pageBlocks = document.body ? readHtmlBlocks(document.body as never) : [];
  } catch {
    pageBlocks = [];
  }
  let found: ReturnType<typeof readHtmlMeta> = { meta: {}, sources: {}, rejected: [] };
  try {
    const facts = readHtmlFacts(document);
    const firstPass = readHtmlMeta(facts, null);
    // A visible date line is looked for only where the page states no date itself.
    found = firstPass.meta.published ? firstPass : readHtmlMeta(facts, findVisibleDate(pageBlocks, firstPass.meta.title));
  } catch {
    // Broken metadata is no reason to lose the article text; the inferred metadata fills in.
  }
  const { meta } = found;
  let blocks: string[] = [];
  try {
    blocks = mainContentBlocks(html).map((b) => b.text);
  } catch {
    blocks = [];
  }
  if (blocks.length === 0) {
    try {
      for (const el of document.querySelectorAll('script, style, noscript, nav, header, footer, aside, form')) el.remove();
      blocks = document.body ? readHtmlBlocks(document.body as never).map((b) => b.text) : [];
    } catch {
      blocks = [];
    }
  }
  if (blocks.length === 0 && meta.title === undefined) {
    meta.title = sourceId;
    found.sources.title = 'the file name (no title or text found)';
  }
  const { outside, stripped } = blocksOutside(pageBlocks, blocks);
  return { ok: true, page: { blocks, meta, sources: found.sources, rejected: found.rejected, stripped, outside } };
}
