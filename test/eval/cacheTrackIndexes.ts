import { createHash } from 'node:crypto';
import { buildTrackIndex, type TrackIndex } from './buildTrackIndex.js';
import type { CorpusDocument } from './readTrack.js';

/** Indexes built once per corpus in a run: tracks that share a corpus (xquad-ar, xquad-en-ar) and off-topic questions reuse them. */
export type TrackIndexes = {
  indexFor(corpus: readonly CorpusDocument[]): Promise<TrackIndex>;
  /** Removes every index built. */
  cleanup(): Promise<void>;
};

type PassageSettings = Parameters<typeof buildTrackIndex>[1];

export function cacheTrackIndexes(settings: PassageSettings): TrackIndexes {
  const built = new Map<string, Promise<TrackIndex>>();
  return {
    indexFor(corpus) {
      const key = createHash('sha1').update(JSON.stringify(corpus)).digest('hex');
      let index = built.get(key);
      if (!index) built.set(key, (index = buildTrackIndex(corpus, settings)));
      return index;
    },
    async cleanup() {
      const indexes = await Promise.allSettled(built.values());
      built.clear();
      await Promise.all(indexes.map((i) => (i.status === 'fulfilled' ? i.value.cleanup() : undefined)));
    },
  };
}
