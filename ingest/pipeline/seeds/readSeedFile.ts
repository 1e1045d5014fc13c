import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';

export const SEED_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm'] as const;

export type SeedFile = { sourceId: string; hash: string; text: string };
export type SeedSkip = { sourceId: string; reason: string };
export type SeedRead = { ok: true; file: SeedFile } | { ok: false; skip: SeedSkip };

const utf8 = new TextDecoder('utf-8', { fatal: true });

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} KB`;
}

/** The share of characters that are control characters other than tab and line breaks. */
function controlShare(text: string): number {
  const controls = text.match(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g)?.length ?? 0;
  return controls / Math.max(1, text.length);
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Reads one seed file and decides whether it can be an article: a supported type, not too
 * large, readable, text (no NUL bytes) and valid UTF-8. A file that cannot gets one reason.
 *
 * Synchronous: seed files are small and checking them is computation anyway, while the promise
 * round trips of an asynchronous stat, open, read and close (a 28k-file archive makes 140k) cost
 * more than the reads. Callers that share a thread with others yield between files (scanSeedFiles).
 */
export function readSeedFile(root: string, sourceId: string, maxBytes: number): SeedRead {
  const skip = (reason: string): SeedRead => ({ ok: false, skip: { sourceId, reason } });
  const extension = extname(sourceId).toLowerCase();
  if (!(SEED_EXTENSIONS as readonly string[]).includes(extension)) {
    return skip(`unsupported file type "${extension || '(none)'}" (expected ${SEED_EXTENSIONS.join(', ')})`);
  }
  const path = join(root, sourceId);
  let bytes: Buffer;
  try {
    const fd = openSync(path, 'r');
    try {
      const { size } = fstatSync(fd);
      if (size > maxBytes) return skip(`too large (${formatBytes(size)}; the limit is ${formatBytes(maxBytes)}, MAX_SEED_BYTES)`);
      bytes = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return skip(`unreadable (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (bytes.length === 0) return skip('empty file');
  if (bytes.includes(0)) return skip('binary file (contains NUL bytes)');
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return skip('not valid UTF-8 text');
  }
  if (text.trim() === '') return skip('empty file (only white space)');
  if (controlShare(text) > 0.01) return skip('binary file (control characters)');
  return { ok: true, file: { sourceId, hash: hashBytes(bytes), text: text.replace(/^\uFEFF/, '') } };
}
