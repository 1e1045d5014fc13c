import { z } from 'zod';
import { HEADER_PREFIX, LEXICON_GENERATOR_VERSION, parseHeaderLine } from './lexiconFile.js';

/**
 * The committed known-word lists (ingest/text/lexicon/data/known-<language>.txt), written by
 * `npm run build-lexicon` beside the lexicons they come from: every stem of a language that some
 * dictionary has English for — the single-word renderings of eng-<language>, the headwords of
 * <language>-eng — stemmed with the project's stemmer. The reader asks of a sentence's words only
 * whether a dictionary knows them, and a sorted list answers that without building the gloss
 * tables (a second or more and ~60 MB for Arabic). One header line, `#` and a JSON object, then
 * one stem per line, sorted.
 */

export const knownWordsHeaderSchema = z.object({
  format: z.literal('newsdesk-known-words'),
  /** The lexicon generator's version (LEXICON_GENERATOR_VERSION): the stems are its stemmer's. */
  generator: z.number().int().positive(),
  /** The base language tag the stems are of. */
  language: z.string().min(2),
  /** The lexicon pairs the words come from, and their licences (each pair's own). */
  sources: z.array(z.object({ pair: z.string().regex(/^[a-z]{3}-[a-z]{3}$/), licence: z.string().min(1) })).min(1),
  stems: z.number().int().nonnegative(),
});
export type KnownWordsHeader = z.infer<typeof knownWordsHeaderSchema>;

export const knownWordsFileName = (language: string) => `known-${language}.txt`;

export function serializeKnownWords(language: string, sources: KnownWordsHeader['sources'], stems: readonly string[]): string {
  const header: KnownWordsHeader = {
    format: 'newsdesk-known-words',
    generator: LEXICON_GENERATOR_VERSION,
    language,
    sources,
    stems: stems.length,
  };
  return `${HEADER_PREFIX}${JSON.stringify(header)}\n${stems.map((s) => `${s}\n`).join('')}`;
}

/** The file's header and stems; throws naming the file and the field when it is not a known-word list. */
export function parseKnownWords(text: string, file: string): { header: KnownWordsHeader; stems: string[] } {
  const header = parseHeaderLine(text, file, knownWordsHeaderSchema, 'known-word list');
  const stems = text
    .slice(text.indexOf('\n') + 1)
    .split('\n')
    .filter(Boolean);
  if (stems.length !== header.stems) throw new Error(`${file}: header says ${header.stems} stems, the file has ${stems.length}`);
  return { header, stems };
}
