/**
 * Reciprocal-rank fusion (Cormack, Clarke & Büttcher, 2009) of weighted rankings: each list adds
 * weight / (K + rank) to the items it holds. Items a list scores equally share their rank, so a
 * tie in every list stays a tie after fusion (and is broken by recency, not by list order).
 */

const RRF_K = 60;

export type Ranking = { weight: number; items: readonly { label: number; score: number }[] };

/** Competition ranks ("1224") of items sorted best first. */
export function rankWithTies(scores: readonly number[]): number[] {
  const ranks: number[] = [];
  scores.forEach((score, i) => ranks.push(i > 0 && score === scores[i - 1] ? ranks[i - 1]! : i));
  return ranks;
}

/** The fused score of every item of every ranking, by label. */
export function fuseRankings(rankings: readonly Ranking[]): Map<number, number> {
  const fused = new Map<number, number>();
  for (const { weight, items } of rankings) {
    const ranks = rankWithTies(items.map((item) => item.score));
    items.forEach((item, i) => fused.set(item.label, (fused.get(item.label) ?? 0) + weight / (RRF_K + ranks[i]! + 1)));
  }
  return fused;
}
