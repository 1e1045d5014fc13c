import type { IndexReader, PassageRecord } from '../../ingest/index/indexTypes.js';
import { tokenizeText } from '../../ingest/text/tokenizeText.js';

/**
 * Near-duplicate articles — one wire story carried by several outlets, or a page scraped twice
 * with different furniture — recognised by the word sequences they share: each article's
 * 4-word shingles are summarised by MinHash, and two articles are one story when most of the
 * shorter one's shingles are in the longer (containment, so a copy cut short still counts).
 * Fingerprints are computed when a question first meets an article and kept per loaded index.
 */

const SHINGLE_WORDS = 4;
const HASHES = 64;
/** Share of the shorter article's shingles found in the other that makes them one story. */
export const SAME_STORY_CONTAINMENT = 0.7;

export type StoryFingerprint = { minHashes: Uint32Array; shingles: number };

// One seed per hash function: the same family in every run, so fingerprints are comparable.
const SEEDS = Uint32Array.from({ length: HASHES }, (_, i) => Math.imul(i + 1, 0x9e3779b1) >>> 0);

/** MurmurHash3's 32-bit finaliser of `value` xor `seed`: a well-mixed stand-in for a random permutation. */
function mix(value: number, seed: number): number {
  let h = (value ^ seed) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The fingerprint of an article's text, given as its passages in order (overlaps are harmless). */
export function fingerprintStory(texts: readonly string[]): StoryFingerprint {
  const shingles = new Set<number>();
  for (const text of texts) {
    const words = tokenizeText(text).map((t) => t.folded);
    for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) shingles.add(hashString(words.slice(i, i + SHINGLE_WORDS).join(' ')));
  }
  const minHashes = new Uint32Array(HASHES).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let i = 0; i < HASHES; i++) {
      const h = mix(shingle, SEEDS[i]!);
      if (h < minHashes[i]!) minHashes[i] = h;
    }
  }
  return { minHashes, shingles: shingles.size };
}

/** Estimated share of the smaller article's shingles that the other holds (0–1). */
export function estimateContainment(a: StoryFingerprint, b: StoryFingerprint): number {
  if (a.shingles === 0 || b.shingles === 0) return 0;
  let same = 0;
  for (let i = 0; i < HASHES; i++) if (a.minHashes[i] === b.minHashes[i]) same++;
  const jaccard = same / HASHES;
  // |A∩B| = J·|A∪B| and |A∪B| = (|A|+|B|)/(1+J).
  const shared = (jaccard * (a.shingles + b.shingles)) / (1 + jaccard);
  return Math.min(1, shared / Math.min(a.shingles, b.shingles));
}

type StoryCache = { passagesBySource: Map<string, PassageRecord[]>; fingerprints: Map<string, StoryFingerprint> };
const caches = new WeakMap<IndexReader, StoryCache>();

function cacheFor(store: IndexReader): StoryCache {
  let cache = caches.get(store);
  if (!cache) {
    const passagesBySource = new Map<string, PassageRecord[]>();
    for (const record of store.passages()) {
      const list = passagesBySource.get(record.sourceId);
      if (list) list.push(record);
      else passagesBySource.set(record.sourceId, [record]);
    }
    cache = { passagesBySource, fingerprints: new Map() };
    caches.set(store, cache);
  }
  return cache;
}

function fingerprintOf(store: IndexReader, sourceId: string): StoryFingerprint {
  const cache = cacheFor(store);
  let fingerprint = cache.fingerprints.get(sourceId);
  if (!fingerprint) {
    const passages = [...(cache.passagesBySource.get(sourceId) ?? [])].sort((x, y) => x.ordinal - y.ordinal);
    fingerprint = fingerprintStory(passages.map((p) => p.text));
    cache.fingerprints.set(sourceId, fingerprint);
  }
  return fingerprint;
}

/** True when two articles of the store are the same story (near-duplicates of each other). */
export function isSameStory(store: IndexReader, a: string, b: string): boolean {
  if (a === b) return true;
  return estimateContainment(fingerprintOf(store, a), fingerprintOf(store, b)) >= SAME_STORY_CONTAINMENT;
}
