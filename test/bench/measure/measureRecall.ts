import hnswlib from 'hnswlib-node';

/**
 * Recall@k of an approximate search against exact search over the same stored vectors: the
 * vectors are read back from the system's own hnswlib file and searched by brute force.
 */
export async function measureRecall(
  vectorsFile: string,
  dimensions: number,
  queries: readonly number[][],
  search: (query: number[], k: number) => number[],
  { k = 10, isLive = () => true }: { k?: number; isLive?: (label: number) => boolean } = {},
): Promise<number> {
  const stored = new hnswlib.HierarchicalNSW('cosine', dimensions);
  await stored.readIndex(vectorsFile);
  const labels = stored.getIdsList().filter(isLive);
  const exact = new hnswlib.BruteforceSearch('cosine', dimensions);
  exact.initIndex(labels.length);
  for (const label of labels) exact.addPoint(stored.getPoint(label), label);
  let found = 0;
  let wanted = 0;
  for (const query of queries) {
    if (!query.some((v) => v !== 0)) continue;
    const truth = new Set(exact.searchKnn(query, Math.min(k, labels.length)).neighbors);
    for (const label of search(query, k)) if (truth.has(label)) found += 1;
    wanted += truth.size;
  }
  return found / wanted;
}
