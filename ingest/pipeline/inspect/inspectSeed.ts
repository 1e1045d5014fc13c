import { readFileSync, statSync } from 'node:fs';
import type { ArticleMeta } from '../../core/article.js';
import type { SeedCharset } from '../decode/decodeSeedText.js';
import { parseSeed, type ParseTrace } from '../parse/parseSeed.js';
import { decodeSeedBytes, unsupportedTypeOf } from '../seeds/readSeedFile.js';
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
  const unsupported = unsupportedTypeOf(path);
  if (unsupported) return { file, skipped: unsupported };
  let bytes: Buffer;
  try {
    if (statSync(path).size > maxBytes) return { file, skipped: `too large (the limit is ${maxBytes} bytes, MAX_SEED_BYTES)` };
    bytes = readFileSync(path);
  } catch (error) {
    return { file, skipped: `unreadable (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  const read = decodeSeedBytes(file, bytes);
  if (!read.ok) return { file, skipped: read.skip.reason };
  const { text, charset } = read.file;
  const parsed = parseSeed(file, text);
  if (!parsed.ok) return { file, skipped: parsed.reason, charset };
  const { sourceId: _sourceId, ...article } = parsed.article;
  const passages = splitPassages(parsed.article, split).map(({ sourceId: _id, ...passage }) => passage);
  return { file, charset, article, trace: parsed.trace, passages };
}
