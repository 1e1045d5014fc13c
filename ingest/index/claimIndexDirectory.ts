import { randomBytes } from 'node:crypto';
import { link, mkdir, readdir, readFile, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { z } from 'zod';
import { createError } from '../core/errors.js';
import { LOCK_FILE } from './lockIndexDirectory.js';

/**
 * An index directory is newsdesk's own: it carries a marker file, `.newsdesk-index`, that also
 * lists the generations newsdesk wrote there — the only ones pruning ever removes. A folder
 * without the marker is used only when it is new, empty, or an index newsdesk wrote before the
 * marker existed (CURRENT naming one of newsdesk's generations, and nothing else but those).
 */

export const MARKER_FILE = '.newsdesk-index';
const MARKER_FORMAT = 'newsdesk-index/1';
/** The names newsdesk gives what it writes in an index directory (see commitGeneration). */
const OWN_GENERATION = /^gen-[0-9a-z]+-[0-9a-f]{8}$/;
export const OWN_STAGING = /^(?:CURRENT\.)?gen-[0-9a-z]+-[0-9a-f]{8}\.tmp$|^\.newsdesk-index\.[0-9a-f]{8}\.tmp$/;

const markerSchema = z.object({ format: z.literal(MARKER_FORMAT), generations: z.array(z.string().regex(OWN_GENERATION)) });

/** The generations the marker says newsdesk wrote in `indexDir`, oldest first. */
export async function readOwnGenerations(indexDir: string): Promise<string[]> {
  const marker = await readMarker(indexDir);
  if (!marker) throw createError('INDEX_DAMAGED', { file: join(indexDir, MARKER_FILE), reason: 'missing' });
  return marker;
}

/** Replaces the marker's list of generations (atomically: a crash leaves the old list or the new). */
export async function writeOwnGenerations(indexDir: string, generations: readonly string[]): Promise<void> {
  const temporary = join(indexDir, `${MARKER_FILE}.${randomBytes(4).toString('hex')}.tmp`);
  await writeFile(temporary, `${JSON.stringify({ format: MARKER_FORMAT, generations }, null, 2)}\n`);
  await rename(temporary, join(indexDir, MARKER_FILE));
}

async function readMarker(indexDir: string): Promise<string[] | null> {
  const file = join(indexDir, MARKER_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let parsed: z.ZodSafeParseResult<z.infer<typeof markerSchema>>;
  try {
    parsed = markerSchema.safeParse(JSON.parse(text));
  } catch (error) {
    throw createError('INDEX_DAMAGED', { file, reason: (error as Error).message });
  }
  if (!parsed.success) throw createError('INDEX_DAMAGED', { file, reason: z.prettifyError(parsed.error).replace(/\n/g, ' ') });
  return parsed.data.generations;
}

/**
 * Makes sure newsdesk may write in `indexDir` before any work is done: refuses an INDEX_DIR that
 * is a file, that is, sits inside or contains SEEDS_DIR, or that holds files newsdesk did not
 * write; creates the folder and its marker when they are missing.
 */
export async function claimIndexDirectory(indexDir: string, seedsDir: string): Promise<void> {
  const info = await stat(indexDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  const indexPath = await resolveExisting(indexDir);
  if (info && !info.isDirectory()) throw createError('INDEX_DIR_NOT_FOLDER', { dir: indexDir, path: indexPath });
  const seedsPath = await resolveExisting(seedsDir);
  const relation = overlapOf(indexPath, seedsPath);
  if (relation) throw createError('INDEX_DIR_OVERLAPS_SEEDS', { indexDir, indexPath, seedsDir, seedsPath, relation });
  if (!info) await mkdir(indexDir, { recursive: true });
  if (await readMarker(indexDir)) return;
  const entries = await readdir(indexDir);
  const generations = await legacyGenerations(indexDir, entries);
  if (!generations) {
    const example = entries.find((entry) => !isOwnEntry(entry)) ?? entries[0]!;
    throw createError('INDEX_DIR_FOREIGN', { dir: indexDir, path: indexPath, example });
  }
  await createMarker(indexDir, generations);
}

/**
 * Writes the first marker, unless another process claiming the folder at the same moment got
 * there first (linking fails then): its marker, perhaps already listing a generation, stays.
 */
async function createMarker(indexDir: string, generations: readonly string[]): Promise<void> {
  const temporary = join(indexDir, `${MARKER_FILE}.${randomBytes(4).toString('hex')}.tmp`);
  await writeFile(temporary, `${JSON.stringify({ format: MARKER_FORMAT, generations }, null, 2)}\n`);
  try {
    await link(temporary, join(indexDir, MARKER_FILE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(temporary).catch(() => {});
  }
}

/** What newsdesk itself puts in an index directory, the marker and lock included (another process may be claiming it right now). */
function isOwnEntry(entry: string): boolean {
  return (
    entry === 'CURRENT' || entry === MARKER_FILE || entry.startsWith(LOCK_FILE) || OWN_GENERATION.test(entry) || OWN_STAGING.test(entry)
  );
}

/** The real path of `path`, or of its nearest existing ancestor joined with the rest when it does not exist yet. */
async function resolveExisting(path: string): Promise<string> {
  const absolute = resolve(path);
  try {
    return await realpath(absolute);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(absolute) === absolute) throw error;
    return join(await resolveExisting(dirname(absolute)), basename(absolute));
  }
}

function overlapOf(indexPath: string, seedsPath: string): 'same' | 'inside' | 'contains' | null {
  const within = (inner: string, outer: string) => {
    const path = relative(outer, inner);
    return path !== '' && !path.startsWith('..') && !isAbsolute(path);
  };
  if (indexPath === seedsPath) return 'same';
  if (within(indexPath, seedsPath)) return 'inside';
  if (within(seedsPath, indexPath)) return 'contains';
  return null;
}

/**
 * The generations of a folder without a marker that newsdesk may adopt: none when it is empty (or
 * holds only what another newsdesk process claiming it has just written); those
 * of an index newsdesk wrote before markers existed; null when anything in it is not newsdesk's.
 */
async function legacyGenerations(indexDir: string, entries: string[]): Promise<string[] | null> {
  if (!entries.every(isOwnEntry)) return null;
  const generations = entries.filter((entry) => OWN_GENERATION.test(entry));
  if (generations.length === 0 && !entries.includes('CURRENT')) return [];
  const current = (await readFile(join(indexDir, 'CURRENT'), 'utf8').catch(() => '')).trim();
  if (!generations.includes(current)) return null;
  for (const generation of generations) {
    const manifest = await stat(join(indexDir, generation, 'manifest.json')).catch(() => null);
    if (!manifest?.isFile()) return null;
  }
  return generations;
}
