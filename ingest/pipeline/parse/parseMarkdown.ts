import matter from 'gray-matter';
import { z } from 'zod';
import type { ArticleMeta, FieldSources, PageParse } from '../../core/article.js';
import { baseLanguage } from '../../text/baseLanguage.js';

/**
 * A Markdown article with optional YAML front-matter (title, url, publisher, published, language;
 * `date` and `source`/`link` accepted as aliases). Front-matter is validated: a wrong field makes
 * the file unusable, with a reason naming the field. The body is turned into plain-text blocks.
 */

const toIsoDay = (value: unknown) => {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return value;
};

const optionalText = z.string().trim().min(1).optional();

const frontMatterSchema = z
  .object({
    title: optionalText,
    url: z.url({ protocol: /^https?$/ }).optional(),
    source: z.url({ protocol: /^https?$/ }).optional(),
    link: z.url({ protocol: /^https?$/ }).optional(),
    publisher: optionalText,
    site: optionalText,
    published: z.preprocess(toIsoDay, z.iso.date()).optional(),
    date: z.preprocess(toIsoDay, z.iso.date()).optional(),
    language: z
      .string()
      .regex(/^[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]+)*$/, 'expected a language tag such as "id" or "ar"')
      .optional(),
  })
  .loose();

function markdownToBlocks(body: string): string[] {
  const blocks: string[] = [];
  const withoutCode = body.replace(/```[\s\S]*?```/g, '');
  for (const paragraph of withoutCode.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = paragraph.split('\n');
    const isList = lines.every((l) => /^\s*(?:[-*+]|\d+[.)])\s+/.test(l) || l.trim() === '');
    const pieces = isList ? lines : [lines.join(' ')];
    for (const piece of pieces) {
      let text = piece.replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/, '');
      // Most paragraphs are plain prose: each rewrite runs only on a paragraph holding its marker.
      if (text.includes('](')) text = text.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
      if (text.includes('<')) text = text.replace(/<[^>]+>/g, '');
      if (/[*_`]/.test(text)) text = text.replace(/(\*\*|__|\*|_|`)(.+?)\1/g, '$2');
      text = text.replace(/\s+/g, ' ').trim();
      if (text && !/^[-*_=]{3,}$/.test(text)) blocks.push(text);
    }
  }
  return blocks;
}

export function parseMarkdown(text: string): PageParse {
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Options (even none) turn off gray-matter's cache, which keeps every text it ever parsed and,
    // when the YAML is invalid, caches the file before failing: the same text then "parses" the next time.
    parsed = matter(text, {});
  } catch (error) {
    return { ok: false, reason: `front-matter is not valid YAML (${(error as Error).message.split('\n')[0]})` };
  }
  const result = frontMatterSchema.safeParse(parsed.data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.join('.') || 'front-matter';
    return { ok: false, reason: `front-matter field "${field}": ${issue?.message ?? 'invalid'}` };
  }
  const fm = result.data;
  const meta: Partial<ArticleMeta> = {};
  const sources: FieldSources = {};
  // Without a stated title, the first level-one heading is the headline.
  const headline = /^#\s+(.+?)\s*#*\s*$/m.exec(parsed.content.replace(/```[\s\S]*?```/g, ''))?.[1];
  const title = fm.title ?? (headline ? markdownToBlocks(headline)[0] : undefined);
  if (title) {
    meta.title = title;
    sources.title = fm.title ? 'front-matter title' : 'the first level-one heading';
  }
  const url = fm.url ?? fm.source ?? fm.link;
  if (url) {
    meta.url = url;
    meta.site = new URL(url).hostname.replace(/^www\./, '');
    sources.url = `front-matter ${fm.url ? 'url' : fm.source ? 'source' : 'link'}`;
    sources.site = `the host of the front-matter ${fm.url ? 'url' : fm.source ? 'source' : 'link'}`;
  }
  if (fm.site) [meta.site, sources.site] = [fm.site, 'front-matter site'];
  if (fm.publisher) [meta.publisher, sources.publisher] = [fm.publisher, 'front-matter publisher'];
  const published = fm.published ?? fm.date;
  if (published) [meta.published, sources.published] = [published, `front-matter ${fm.published ? 'published' : 'date'}`];
  if (fm.language) [meta.language, sources.language] = [baseLanguage(fm.language), 'front-matter language'];
  return { ok: true, page: { blocks: markdownToBlocks(parsed.content), meta, sources } };
}
