import { z } from 'zod';

/** Where each stated or inferred citation field came from ("og:title, the site name removed"), for `npm run inspect`. */
export type FieldSources = Partial<Record<keyof ArticleMeta, string>>;
/** A block of the page left out of the article's text, and why. */
export type StrippedBlock = { text: string; reason: string };
/** A value found for a field and not used, and why ("2999-01-01: in the future"). */
export type RejectedValue = { field: keyof ArticleMeta; value: string; reason: string };

/** What a parser found in a file before boilerplate is stripped and metadata is inferred. */
export type ParsedPage = {
  /** The page's text blocks in reading order: lines of a text file, paragraphs of HTML or Markdown. */
  blocks: string[];
  /** Metadata the file states explicitly (front-matter, HTML meta tags); inferred fields fill the rest. */
  meta: Partial<ArticleMeta>;
  /** Where each field of `meta` came from. */
  sources?: FieldSources;
  rejected?: RejectedValue[];
  /** Blocks the parser left out before the rest of parsing saw the page (HTML outside the main content). */
  stripped?: StrippedBlock[];
  /**
   * Blocks found outside the article's container (HTML navigation, sidebars, footers), folded:
   * a block repeated inside the article is page furniture only when it also appears there.
   */
  outside?: ReadonlySet<string>;
};

/**
 * Why a seed file cannot become an article, worded for the ingest report (which names the file):
 * parsers return it rather than throw, since a bad file is an expected outcome, not a failure.
 */
export type Unusable = { ok: false; reason: string };

/** A parser's outcome: the page, or why the file cannot be one. */
export type PageParse = { ok: true; page: ParsedPage } | Unusable;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

export const articleMetaSchema = z.object({
  title: z.string().trim().min(1),
  /** Who published the article: the outlet ("Công Luận"). */
  publisher: z.string().trim().min(1).nullable(),
  /** The web site it was read on, as a host name ("defense-arabic.com"). */
  site: z.string().trim().min(1).nullable(),
  published: isoDate.nullable(),
  url: z.url().nullable(),
  /** BCP 47 language tag of the text ("id", "ar"), "und" when unknown. */
  language: z.string().min(2),
});

export type ArticleMeta = z.infer<typeof articleMetaSchema>;

export const articleSchema = articleMetaSchema.extend({
  /** Path of the seed file relative to SEEDS_DIR, with forward slashes: the article's id. */
  sourceId: z.string().min(1),
  /** The article's own text, paragraphs separated by a blank line. */
  text: z.string().min(1),
});

export type Article = z.infer<typeof articleSchema>;
