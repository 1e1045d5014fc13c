/**
 * Fits the reader's span weights: for each question, a softmax over its candidate spans' scores
 * (the weights' dot product with their features) is pulled towards the candidates' token F1
 * against the gold answers (squared, so the best candidates weigh most), with an L2 penalty.
 * Questions where no candidate scores any F1 teach nothing and are left out. Plain full-batch
 * gradient descent with Adam steps: the data is a few thousand questions, and the fit must give
 * the same weights for the same data.
 */

/** One question's candidates: `features[i]` (length `width`) and `gains[i]` its F1 (0–1). */
export type CandidateGroup = { features: Float64Array; gains: Float64Array; width: number };

export type FitOptions = {
  iterations?: number;
  /** The penalty on the weights' squared distance from `prior`. */
  l2?: number;
  rate?: number;
  /** Where the fit starts and what it is pulled back to (zeros by default). */
  prior?: Float64Array;
};

/** A group's features kept as their non-zero entries, row by row: most features are one-hot kinds. */
type SparseGroup = { rows: number; start: Int32Array; index: Int32Array; value: Float64Array; target: Float64Array };

function sparse(g: CandidateGroup): SparseGroup {
  const rows = g.gains.length;
  const start = new Int32Array(rows + 1);
  const index: number[] = [];
  const value: number[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < g.width; j++) {
      const x = g.features[i * g.width + j]!;
      if (x !== 0) {
        index.push(j);
        value.push(x);
      }
    }
    start[i + 1] = index.length;
  }
  const squared = g.gains.map((x) => x * x);
  const total = squared.reduce((a, b) => a + b, 0);
  return { rows, start, index: Int32Array.from(index), value: Float64Array.from(value), target: squared.map((x) => x / total) };
}

export function fitSpanWeights(groups: readonly CandidateGroup[], width: number, options: FitOptions = {}): Float64Array {
  const { iterations = 100, l2 = 1e-3, rate = 0.05, prior = new Float64Array(width) } = options;
  const useful = groups.filter((g) => g.gains.some((x) => x > 0)).map(sparse);
  const w = Float64Array.from(prior);
  if (useful.length === 0) return w;
  const m = new Float64Array(width);
  const v = new Float64Array(width);
  const grad = new Float64Array(width);
  for (let step = 1; step <= iterations; step++) {
    grad.fill(0);
    for (const g of useful) {
      const scores = new Float64Array(g.rows);
      let max = -Infinity;
      for (let i = 0; i < g.rows; i++) {
        let s = 0;
        for (let k = g.start[i]!; k < g.start[i + 1]!; k++) s += w[g.index[k]!]! * g.value[k]!;
        scores[i] = s;
        if (s > max) max = s;
      }
      let z = 0;
      for (let i = 0; i < g.rows; i++) z += scores[i] = Math.exp(scores[i]! - max);
      for (let i = 0; i < g.rows; i++) {
        const delta = scores[i]! / z - g.target[i]!;
        for (let k = g.start[i]!; k < g.start[i + 1]!; k++) {
          const j = g.index[k]!;
          grad[j] = grad[j]! + delta * g.value[k]!;
        }
      }
    }
    for (let j = 0; j < width; j++) {
      const gj = grad[j]! / useful.length + l2 * (w[j]! - prior[j]!);
      m[j] = 0.9 * m[j]! + 0.1 * gj;
      v[j] = 0.999 * v[j]! + 0.001 * gj * gj;
      const mh = m[j]! / (1 - 0.9 ** step);
      const vh = v[j]! / (1 - 0.999 ** step);
      w[j] = w[j]! - (rate * mh) / (Math.sqrt(vh) + 1e-8);
    }
  }
  return w;
}
