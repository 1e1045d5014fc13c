import { setImmediate as nextTurn } from 'node:timers/promises';
import { locateSeedFile, readSeedBytes } from './openSeedFile.js';
import type { SeedFolder } from './openSeedFolder.js';
import { decodeSeedBytes, unsupportedTypeOf, type SeedRead } from './readSeedFile.js';

/**
 * Reads the seed files an ingest needs, in order. A file whose size and times
 * still match what the previous ingest recorded is not read at all: its recorded hash stands for
 * it (the approach of git's index), so a re-ingest of a large archive reads only what changed.
 */

/** A file read, or not read (its stamp matched: `file.text` is empty and `file.hash` is the recorded one). */
export type ScannedSeed = SeedRead & {
  /** The stamp to record for the file, or undefined when it cannot be trusted next time (see RACY_MS). */
  stat: string | undefined;
};

export type PreviousSeed = { hash: string; stat?: string | undefined };

/** Reads are synchronous (see readSeedFile); the scan gives the event loop a turn this often, so a bot ingesting in its own process keeps answering. */
const SLICE_MS = 15;
/**
 * File times tick coarsely (a few milliseconds on Linux, seconds on some file systems): a file
 * changed again within the same tick keeps its stamp. A stamp is only recorded for a file last
 * modified well before it was read; others are read (and hashed) again on the next run.
 */
const RACY_MS = 2_000;

function scanOne(folder: SeedFolder, sourceId: string, previous: PreviousSeed | undefined, startedAt: number): ScannedSeed {
  const skip = (reason: string): ScannedSeed => ({ ok: false, skip: { sourceId, reason }, stat: undefined });
  const unsupported = unsupportedTypeOf(sourceId);
  if (unsupported) return skip(unsupported);
  // Where the file leads and what it is are checked before its stamp is trusted: a link that
  // now points out of the folder is skipped even when its target has not changed.
  const located = locateSeedFile(folder, sourceId);
  if (!located.ok) return skip(located.reason);
  const { size, mtimeMs, ctimeMs } = located.stats;
  const stamp = `${size}:${mtimeMs}:${ctimeMs}`;
  if (previous?.stat === stamp) return { ok: true, file: { sourceId, hash: previous.hash, text: '' }, stat: stamp };
  // The stamp is the one taken before reading: should the file change in between, the next run
  // sees a newer stamp than the one recorded and reads it again.
  const trusted = Math.max(mtimeMs, ctimeMs) < startedAt - RACY_MS ? stamp : undefined;
  const read = readSeedBytes(folder, located);
  return { ...(read.ok ? decodeSeedBytes(sourceId, read.bytes) : skip(read.reason)), stat: trusted };
}

/** Yields every file of `files` scanned, in the order given. */
export async function* scanSeedFiles(
  folder: SeedFolder,
  files: readonly string[],
  previous: (sourceId: string) => PreviousSeed | undefined,
): AsyncGenerator<ScannedSeed> {
  const startedAt = Date.now();
  let sliceStart = performance.now();
  for (const sourceId of files) {
    if (performance.now() - sliceStart > SLICE_MS) {
      await nextTurn();
      sliceStart = performance.now();
    }
    yield scanOne(folder, sourceId, previous(sourceId), startedAt);
  }
}
