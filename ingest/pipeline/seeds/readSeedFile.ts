import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { locateSeedFile, readSeedBytes } from './openSeedFile.js';
import type { SeedFolder } from './openSeedFolder.js';

export const SEED_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm'] as const;

export type SeedFile = { sourceId: string; hash: string; text: string };
export type SeedSkip = { sourceId: string; reason: string };
export type SeedRead = { ok: true; file: SeedFile } | { ok: false; skip: SeedSkip };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The share of characters that are control characters other than tab and line breaks. */
function controlShare(text: string): number {
  const controls = text.match(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g)?.length ?? 0;
  return controls / Math.max(1, text.length);
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Why a file of this name cannot be an article (its type), or null when it may be one. */
export function unsupportedTypeOf(sourceId: string): string | null {
  const extension = extname(sourceId).toLowerCase();
  if ((SEED_EXTENSIONS as readonly string[]).includes(extension)) return null;
  return `unsupported file type "${extension || '(none)'}" (expected ${SEED_EXTENSIONS.join(', ')})`;
}

/**
 * Decides whether a seed file's bytes can be an article: not empty, text (no NUL bytes), valid
 * UTF-8, not blank and not mostly control characters. Gives its text and the hash of its bytes,
 * or the one reason it cannot.
 */
export function decodeSeedBytes(sourceId: string, bytes: Uint8Array): SeedRead {
  const skip = (reason: string): SeedRead => ({ ok: false, skip: { sourceId, reason } });
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

/**
 * Reads one seed file of `folder` (see openSeedFile: inside the folder, a regular file, within
 * the size limit) and decides whether it can be an article. A file that cannot gets one reason.
 *
 * Synchronous: seed files are small and checking them is computation anyway, while the promise
 * round trips of an asynchronous stat, open, read and close (a 28k-file archive makes 140k) cost
 * more than the reads. Callers that share a thread with others yield between files (scanSeedFiles).
 */
export function readSeedFile(folder: SeedFolder, sourceId: string): SeedRead {
  const skip = (reason: string): SeedRead => ({ ok: false, skip: { sourceId, reason } });
  const unsupported = unsupportedTypeOf(sourceId);
  if (unsupported) return skip(unsupported);
  const located = locateSeedFile(folder, sourceId);
  if (!located.ok) return skip(located.reason);
  const read = readSeedBytes(folder, located);
  return read.ok ? decodeSeedBytes(sourceId, read.bytes) : skip(read.reason);
}
