import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { ArticleMeta } from '../../core/article.js';
import { decodeSeedText, type SeedCharset } from '../decode/decodeSeedText.js';
import { parseSeed, type ParseTrace } from '../parse/parseSeed.js';
import { SEED_EXTENSIONS } from '../seeds/readSeedFile.js';
import { splitPassages, type Passage, type SplitOptions } from '../splitPassages.js';

/** What ingest makes of one file, with the reasons: what `npm run inspect` prints. */
export type Inspection = {
  file: string;
  /** Why the file would be skipped; absent when it is an article. */
  skipped?: string;
  charset?: SeedCharset;
  article?: ArticleMeta & { text: string };
  trace?: ParseTrace;
  passages?: Omit<Passage, 'sourceId'>[];
};

/**
 * Reads, decodes, parses and splits one file as an ingest would (the same size limit, charset
 * rules, parser and passage settings), without touching the index. `path` is used as the
 * article's id, so a file's name decides its type as it does in `seeds/`.
 */
export function inspectSeed(path: string, { maxBytes, split }: { maxBytes: number; split: SplitOptions }): Inspection {
  const file = path.split('\\').join('/');
  const extension = extname(path).toLowerCase();
  if (!(SEED_EXTENSIONS as readonly string[]).includes(extension)) return { file, skipped: `unsupported file type "${extension || '(none)'}" (expected ${SEED_EXTENSIONS.join(', ')})` };
  let bytes: Buffer;
  try {
    if (statSync(path).size > maxBytes) return { file, skipped: `too large (the limit is ${maxBytes} bytes, MAX_SEED_BYTES)` };
    bytes = readFileSync(path);
  } catch (error) {
    return { file, skipped: `unreadable (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  if (bytes.length === 0) return { file, skipped: 'empty file' };
  const decoded = decodeSeedText(bytes, extension);
  if (!decoded.ok) return { file, skipped: decoded.reason };
  if (decoded.text.trim() === '') return { file, skipped: 'empty file (only white space)', charset: decoded.charset };
  const parsed = parseSeed(file, decoded.text);
  if (!parsed.ok) return { file, skipped: parsed.reason, charset: decoded.charset };
  const { sourceId: _sourceId, ...article } = parsed.article;
  const passages = splitPassages(parsed.article, split).map(({ sourceId: _id, ...passage }) => passage);
  return { file, charset: decoded.charset, article, trace: parsed.trace, passages };
}
