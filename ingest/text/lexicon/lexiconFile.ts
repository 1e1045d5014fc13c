import { z } from 'zod';

/**
 * The committed bilingual-lexicon files (ingest/text/lexicon/data/*.tsv), written by
 * `npm run build-lexicon` and read by loadLexicon. One header line, `#` and a JSON object that
 * says where the data comes from, then one line per headword:
 *
 *     key TAB headword TAB rendering|rendering|…
 *
 * `key` is the headword folded and stemmed with the project's stemmer for the `from` language
 * (so lookups cost no stemming); renderings are written as the dictionary writes them, in its
 * order (commonest sense first), and are analysed when they are used, so a change of the target
 * languages' analysis never leaves them stale. Lines are sorted by key (their UTF-8 bytes), then headword.
 */

/**
 * Bumped whenever the generator would write different data from the same dictionary (its
 * parsing, its selection, or the English stemmer it keys with): a test fails until the files
 * are regenerated with it.
 */
export const LEXICON_GENERATOR_VERSION = 1;

export const lexiconHeaderSchema = z.object({
  format: z.literal('newsdesk-lexicon'),
  generator: z.number().int().positive(),
  /** FreeDict's pair name, e.g. "eng-ind". */
  pair: z.string().regex(/^[a-z]{3}-[a-z]{3}$/),
  /** BCP 47 tags of the headwords' and of the renderings' language. */
  from: z.string().min(2),
  to: z.string().min(2),
  /** The Debian package and version it was generated from, and the dictionary's own edition. */
  package: z.string().min(1),
  packageVersion: z.string().min(1),
  edition: z.string().min(1),
  licence: z.string().min(1),
  headwords: z.number().int().nonnegative(),
});
export type LexiconHeader = z.infer<typeof lexiconHeaderSchema>;

export type LexiconLine = { key: string; headword: string; renderings: string[] };

export const HEADER_PREFIX = '# ';
const RENDERING_SEPARATOR = '|';

/** The file's text: header, then the lines (already sorted), each ending in a newline. */
export function serializeLexicon(header: LexiconHeader, lines: readonly LexiconLine[]): string {
  const body = lines.map((l) => `${l.key}\t${l.headword}\t${l.renderings.join(RENDERING_SEPARATOR)}\n`);
  return `${HEADER_PREFIX}${JSON.stringify(header)}\n${body.join('')}`;
}

/** Characters the file format reserves, removed from what a dictionary writes. */
export function stripReserved(text: string): string {
  return text.replace(/[\t\n|]/g, ' ');
}

/**
 * Reads a data file's header line ("# " and a JSON object) against `schema`; throws naming the
 * file and the field when it is not one (`kind` says what the file should have been).
 */
export function parseHeaderLine<T>(text: string, file: string, schema: z.ZodType<T>, kind: string): T {
  const end = text.indexOf('\n');
  const first = end < 0 ? text : text.slice(0, end);
  if (!first.startsWith(HEADER_PREFIX)) throw new Error(`${file}: not a ${kind} (no "# {…}" header line)`);
  let json: unknown;
  try {
    json = JSON.parse(first.slice(HEADER_PREFIX.length));
  } catch (error) {
    throw new Error(`${file}: header is not JSON: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Reads a lexicon file's header line; throws naming the file and the field when it is not a lexicon header. */
export const parseLexiconHeader = (text: string, file: string): LexiconHeader =>
  parseHeaderLine(text, file, lexiconHeaderSchema, 'lexicon file');

export const splitRenderings = (renderings: string): string[] => renderings.split(RENDERING_SEPARATOR).filter(Boolean);
