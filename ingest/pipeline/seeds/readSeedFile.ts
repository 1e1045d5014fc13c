import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { locateSeedFile, readSeedBytes } from './openSeedFile.js';
import type { SeedFolder } from './openSeedFolder.js';
import { decodeSeedText, type SeedCharset } from '../decode/decodeSeedText.js';

export const SEED_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm'] as const;

/** A seed file read: its text, the hash of its bytes, and the charset the text was decoded from (absent when the scan did not read it). */
export type SeedFile = { sourceId: string; hash: string; text: string; charset?: SeedCharset };
export type SeedSkip = { sourceId: string; reason: string };
export type SeedRead = { ok: true; file: SeedFile } | { ok: false; skip: SeedSkip };

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
 * Decides whether a seed file's bytes can be an article: not empty, text in a charset
 * decodeSeedText can tell (not binary), and not blank. Gives its text and the hash of its bytes,
 * or the one reason it cannot.
 */
export function decodeSeedBytes(sourceId: string, bytes: Uint8Array): SeedRead {
  const skip = (reason: string): SeedRead => ({ ok: false, skip: { sourceId, reason } });
  if (bytes.length === 0) return skip('empty file');
  const decoded = decodeSeedText(bytes, extname(sourceId).toLowerCase());
  if (!decoded.ok) return skip(decoded.reason);
  if (decoded.text.trim() === '') return skip('empty file (only white space)');
  return { ok: true, file: { sourceId, hash: hashBytes(bytes), text: decoded.text, charset: decoded.charset } };
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
