import hnswlib from 'hnswlib-node';

/** The vectors a system stored, with the labels its own search returns for them. */
export type StoredVectors = {
  dimensions: number;
  count: number;
  points: AsyncIterable<{ label: number; vector: number[] }>;
};

/**
 * Recall@k of an approximate search against exact search over the same stored vectors: the
 * vectors are read back from the system's own files and searched by brute force.
 */
export async function measureRecall(
  stored: StoredVectors,
  queries: readonly number[][],
  search: (query: number[], k: number) => number[] | Promise<number[]>,
  { k = 10 }: { k?: number } = {},
): Promise<number> {
  const exact = new hnswlib.BruteforceSearch('cosine', stored.dimensions);
  exact.initIndex(stored.count);
  let count = 0;
  for await (const { label, vector } of stored.points) {
    exact.addPoint(vector, label);
    count += 1;
  }
  let found = 0;
  let wanted = 0;
  for (const query of queries) {
    if (!query.some((v) => v !== 0)) continue;
    const truth = new Set(exact.searchKnn(query, Math.min(k, count)).neighbors);
    for (const label of await search(query, k)) if (truth.has(label)) found += 1;
    wanted += truth.size;
  }
  return found / wanted;
}

/** The points of an hnswlib index file (ours and the recipe's), optionally only the live ones. */
export async function readHnswVectors(
  vectorsFile: string,
  dimensions: number,
  isLive: (label: number) => boolean = () => true,
): Promise<StoredVectors> {
  const stored = new hnswlib.HierarchicalNSW('cosine', dimensions);
  await stored.readIndex(vectorsFile);
  const labels = stored.getIdsList().filter(isLive);
  async function* points() {
    for (const label of labels) yield { label, vector: stored.getPoint(label) };
  }
  return { dimensions, count: labels.length, points: points() };
}
