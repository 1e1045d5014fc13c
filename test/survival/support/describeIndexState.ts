import type { LoadedIndex } from '../../../retrieval/open/loadIndex.js';

/** An index's articles as "sourceId=hash" lines: two states are the same version when these are equal. */
export function describeIndexState(index: LoadedIndex): string {
  return [...index.store.sources]
    .map(([id, source]) => `${id}=${source.hash}`)
    .sort()
    .join('\n');
}

/**
 * Problems that would show a mix of versions inside one loaded index: passages of articles the
 * manifest does not list, or a passage count per article other than the manifest's.
 */
export function findInconsistencies(index: LoadedIndex): string[] {
  const counts = new Map<string, number>();
  for (const passage of index.store.passages()) counts.set(passage.sourceId, (counts.get(passage.sourceId) ?? 0) + 1);
  const problems: string[] = [];
  for (const [id, count] of counts) if (!index.store.sources.has(id)) problems.push(`${count} passages of unlisted ${id}`);
  for (const [id, source] of index.store.sources) {
    if ((counts.get(id) ?? 0) !== source.passageCount)
      problems.push(`${id}: ${counts.get(id) ?? 0} passages, manifest says ${source.passageCount}`);
  }
  return problems;
}
