/**
 * What an index keeps of its passages' vectors: an hnswlib graph (`HnswGraph`, for neural
 * embedders, whose dense search is fused as an equal of BM25) or the vectors alone
 * (`FlatVectors`, for the offline embedder, whose vectors only rank a question's lexical
 * candidates). Distances are cosine distances, smaller is closer.
 */
export interface PassageVectors {
  readonly dimensions: number;
  /** Makes room for `count` more points. */
  reserve(count: number): void;
  add(vector: number[], label: number): void;
  /** The point stays stored (a later full snapshot drops it) but no search returns it. */
  markDelete(label: number): void;
  /** The vector stored for a label, as a unit vector. */
  point(label: number): number[];
  /** The `limit` nearest live points accepted by `accept`, as [label, distance], nearest first. */
  search(query: number[], limit: number, accept?: (label: number) => boolean): [number, number][];
  /** These labels' live points by exact distance, nearest first; a zero query ranks none. */
  rank(query: number[], labels: readonly number[]): [number, number][];
  write(path: string): Promise<void>;
}
