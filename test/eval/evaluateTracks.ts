import { join } from 'node:path';
import { cacheTrackIndexes } from './cacheTrackIndexes.js';
import { evaluateTrack, PASSAGE_SETTINGS, type TrackResult } from './evaluateTrack.js';
import { pickOffTopicTrack } from './pickOffTopicTrack.js';
import { readTrack, type Track } from './readTrack.js';

/**
 * Evaluates the named tracks of a data folder, each also asked of its off-topic corpus (see
 * pickOffTopicTrack, chosen among every track of the folder); each corpus is indexed once.
 * `onTrack` hears of each track before it starts.
 */
export async function evaluateTracks(
  dataDir: string,
  names: readonly string[],
  available: readonly string[],
  onTrack?: (track: Track) => void,
): Promise<TrackResult[]> {
  const tracks = await Promise.all(available.map((name) => readTrack(join(dataDir, name), name)));
  const indexes = cacheTrackIndexes(PASSAGE_SETTINGS);
  try {
    const results: TrackResult[] = [];
    for (const name of names) {
      const track = tracks.find((t) => t.name === name)!;
      onTrack?.(track);
      const offTopic = pickOffTopicTrack(track, tracks);
      results.push(await evaluateTrack(track, { indexes, ...(offTopic ? { offTopic } : {}) }));
    }
    return results;
  } finally {
    await indexes.cleanup();
  }
}
