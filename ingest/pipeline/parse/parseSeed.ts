import { extname } from 'node:path';
import { z } from 'zod';
import { foldText } from '../../text/foldText.js';
import {
  articleSchema,
  type Article,
  type FieldSources,
  type PageParse,
  type RejectedValue,
  type StrippedBlock,
} from '../../core/article.js';
import { detectLanguage } from '../../text/detectLanguage.js';
import { findMetadata } from './findMetadata.js';
import { findPageChrome } from './findPageChrome.js';
import { parseHtml } from './parseHtml.js';
import { parseMarkdown } from './parseMarkdown.js';
import { parsePlainText } from './parsePlainText.js';
import { stripBoilerplate } from './stripBoilerplate.js';

function parsePage(sourceId: string, text: string): PageParse {
  switch (extname(sourceId).toLowerCase()) {
    case '.md':
    case '.markdown':
      return parseMarkdown(text);
    case '.html':
    case '.htm':
      return parseHtml(text, sourceId);
    default:
      return { ok: true, page: parsePlainText(text) };
  }
}

/**
 * How parsing reached its article, for `npm run inspect`: where each field came from, values
 * found and refused, and every block left out of the text with the reason. Ingest stores none of it.
 */
export type ParseTrace = { sources: FieldSources; rejected: RejectedValue[]; stripped: StrippedBlock[] };

/** A seed file's outcome: the article and how it was found, or why the file cannot be one. */
export type ArticleParse = { ok: true; article: Article; trace: ParseTrace } | { ok: false; reason: string };

/**
 * Turns one seed file into an article: parsed by its type, metadata the file states taken as
 * given and the rest inferred, boilerplate stripped. When the result is not a usable article,
 * the reason names the field at fault.
 */
export function parseSeed(sourceId: string, text: string): ArticleParse {
  const parsedPage = parsePage(sourceId, text);
  if (!parsedPage.ok) return parsedPage;
  const { page } = parsedPage;
  const stated = page.meta;
  const textDump = page.outside === undefined && !['.md', '.markdown'].includes(extname(sourceId).toLowerCase());
  const chrome = findPageChrome(page.blocks, { textDump });
  const inferred = findMetadata(page.blocks, stated, chrome);
  const { dateline } = inferred;
  const pageBlocks = dateline ? page.blocks.map((b, i) => (i === dateline.block ? b.slice(dateline.length) : b)) : page.blocks;
  const stripped: StrippedBlock[] = [...(page.stripped ?? [])];
  let blocks: string[];
  let blockChrome: (string | null)[];
  let outside = page.outside;
  // Finding the title and the repeats folds whole paragraphs: each block once.
  const foldedBlocks = new Map<string, string>();
  const foldBlock = (block: string) => {
    let folded = foldedBlocks.get(block);
    if (folded === undefined) foldedBlocks.set(block, (folded = foldText(block)));
    return folded;
  };
  if (stated.title) {
    const title = foldText(stated.title);
    const isTitle = pageBlocks.map((b) => foldBlock(b) === title);
    pageBlocks.forEach((b, i) => isTitle[i] && stripped.push({ text: b, reason: 'the title' }));
    blocks = pageBlocks.filter((_, i) => !isTitle[i]);
    blockChrome = chrome.filter((_, i) => !isTitle[i]);
  } else {
    for (const b of pageBlocks.slice(0, inferred.bodyStart))
      stripped.push({ text: b, reason: b === inferred.title ? 'the title' : 'above the article (title, byline, page header)' });
    blocks = pageBlocks.slice(inferred.bodyStart);
    blockChrome = chrome.slice(inferred.bodyStart);
    // In a text dump, what is above the article is outside it.
    outside ??= textDump ? new Set(pageBlocks.slice(0, inferred.bodyStart).map(foldBlock)) : undefined;
  }
  if (dateline) stripped.push({ text: page.blocks[dateline.block]!.slice(0, dateline.length), reason: 'dateline' });
  const body = stripBoilerplate(blocks, { chrome: blockChrome, outside, textDump, fold: foldBlock });
  stripped.push(...body.stripped);
  const articleText = body.kept.join('\n\n');
  if (!articleText) return { ok: false, reason: 'no article text found' };
  const sources: FieldSources = {};
  for (const field of ['title', 'publisher', 'site', 'published', 'url', 'language'] as const) {
    const source = stated[field] ? (page.sources?.[field] ?? 'stated by the file') : inferred.sources[field];
    if (source) sources[field] = source;
  }
  const candidate = {
    sourceId,
    title: stated.title ?? inferred.title ?? sourceId,
    publisher: stated.publisher ?? inferred.publisher ?? stated.site ?? inferred.site,
    site: stated.site ?? inferred.site,
    published: stated.published ?? inferred.published,
    url: stated.url ?? inferred.url,
    language: stated.language ?? detectLanguage(articleText),
    text: articleText,
  };
  if (!stated.title && !inferred.title) sources.title = 'the file name (no title found)';
  if (!stated.publisher && !inferred.publisher && candidate.publisher) sources.publisher = 'the site (no publisher named)';
  if (!stated.language) sources.language = 'detected from the text';
  const parsed = articleSchema.safeParse(candidate);
  if (!parsed.success) return { ok: false, reason: z.prettifyError(parsed.error) };
  return { ok: true, article: parsed.data, trace: { sources, rejected: [...(page.rejected ?? []), ...inferred.rejected], stripped } };
}
