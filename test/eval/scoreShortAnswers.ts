/**
 * Short-answer scores as in the SQuAD evaluation script: both strings are normalised (lower
 * case, punctuation deleted — "1.500" is one token, "1500" — the English articles a/an/the
 * removed, white space collapsed), then
 * compared whole (exact match) and as bags of tokens (F1), keeping the best over the gold answers.
 * Punctuation is every Unicode punctuation character, so Arabic commas and quotes count too.
 */

const PUNCTUATION = /[\p{P}\p{S}]/gu;
const ARTICLES = /(?<![\p{L}\p{N}])(?:a|an|the)(?![\p{L}\p{N}])/gu;

export function normalizeAnswer(text: string): string {
  return text.toLowerCase().replace(PUNCTUATION, '').replace(ARTICLES, ' ').replace(/\s+/g, ' ').trim();
}

const tokensOf = (text: string) => normalizeAnswer(text).split(' ').filter(Boolean);

/** True when the prediction equals one of the gold answers after normalisation. */
export function exactMatch(prediction: string, golds: readonly string[]): boolean {
  const normalized = normalizeAnswer(prediction);
  return golds.some((gold) => normalizeAnswer(gold) === normalized);
}

function f1Against(prediction: readonly string[], gold: readonly string[]): number {
  if (prediction.length === 0 || gold.length === 0) return prediction.length === gold.length ? 1 : 0;
  const counts = new Map<string, number>();
  for (const token of gold) counts.set(token, (counts.get(token) ?? 0) + 1);
  let common = 0;
  for (const token of prediction) {
    const left = counts.get(token) ?? 0;
    if (left > 0) {
      common += 1;
      counts.set(token, left - 1);
    }
  }
  if (common === 0) return 0;
  const precision = common / prediction.length;
  const recall = common / gold.length;
  return (2 * precision * recall) / (precision + recall);
}

/** The best token F1 (0–1) of the prediction against any of the gold answers. */
export function tokenF1(prediction: string, golds: readonly string[]): number {
  const predicted = tokensOf(prediction);
  return golds.reduce((best, gold) => Math.max(best, f1Against(predicted, tokensOf(gold))), 0);
}
