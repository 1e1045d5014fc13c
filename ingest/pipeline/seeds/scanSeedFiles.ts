import { statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { readSeedFile, type SeedRead } from './readSeedFile.js';

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

function scanOne(root: string, sourceId: string, maxBytes: number, previous: PreviousSeed | undefined, startedAt: number): ScannedSeed {
  let info: Stats | null;
  try {
    info = statSync(join(root, sourceId), { throwIfNoEntry: false }) ?? null;
  } catch {
    info = null;
  }
  const stamp = info ? `${info.size}:${info.mtimeMs}:${info.ctimeMs}` : undefined;
  const trusted = info && Math.max(info.mtimeMs, info.ctimeMs) < startedAt - RACY_MS ? stamp : undefined;
  if (stamp !== undefined && previous?.stat === stamp) {
    return { ok: true, file: { sourceId, hash: previous.hash, text: '' }, stat: stamp };
  }
  return { ...readSeedFile(root, sourceId, maxBytes), stat: trusted };
}

/** Yields every file of `files` scanned, in the order given. */
export async function* scanSeedFiles(
  root: string,
  files: readonly string[],
  maxBytes: number,
  previous: (sourceId: string) => PreviousSeed | undefined,
): AsyncGenerator<ScannedSeed> {
  const startedAt = Date.now();
  let sliceStart = performance.now();
  for (const sourceId of files) {
    if (performance.now() - sliceStart > SLICE_MS) {
      await nextTurn();
      sliceStart = performance.now();
    }
    yield scanOne(root, sourceId, maxBytes, previous(sourceId), startedAt);
  }
}
