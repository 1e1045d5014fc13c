import type { Track } from './readTrack.js';

/** The language most of a corpus's documents are in. */
function corpusLanguage(track: Track): string {
  const counts = new Map<string, number>();
  for (const doc of track.corpus) counts.set(doc.lang, (counts.get(doc.lang) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}

/**
 * The corpus a track's questions are off-topic for: another track's, in the same language (so
 * the words can meet and a refusal must come from relevance, not from the script), sharing no
 * document with the track's own (xquad-ar and xquad-en-ar share theirs). The first such track by
 * name; undefined when there is none. The questions may still find an article on their subject
 * there, so the false-answer rate it gives is an upper bound.
 */
export function pickOffTopicTrack(track: Track, tracks: readonly Track[]): Track | undefined {
  const language = corpusLanguage(track);
  const own = new Set(track.corpus.map((doc) => doc.id));
  return [...tracks]
    .sort((a, b) => a.name.localeCompare(b.name))
    .find((other) => other.name !== track.name && corpusLanguage(other) === language && !other.corpus.some((doc) => own.has(doc.id)));
}
