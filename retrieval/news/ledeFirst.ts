/**
 * An article's lede (its first passage) before its other passages in a ranking, in the places
 * they earned: news is written lede first, so when the lede is cited at all it is what the rest
 * elaborates, and an answer should start from it. Other passages keep their order.
 */
export function ledeFirst<T extends { record: { sourceId: string; ordinal: number } }>(passages: readonly T[]): T[] {
  const bySource = new Map<string, T[]>();
  for (const p of passages) bySource.set(p.record.sourceId, [...(bySource.get(p.record.sourceId) ?? []), p]);
  for (const list of bySource.values()) {
    const lede = list.findIndex((p) => p.record.ordinal === 0);
    if (lede > 0) list.unshift(...list.splice(lede, 1));
  }
  return passages.map((p) => bySource.get(p.record.sourceId)!.shift()!);
}
