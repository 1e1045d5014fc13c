import type { AnswerSentence } from './spanTypes.js';

/**
 * A sentence as the answer quotes it: whole when it fits `budget` characters, else the window of
 * whole words that keeps `focus` (the short answer's span) and as many of the question's words
 * as fit, with "…" where words were left out.
 */
export function quoteSentence(sentence: AnswerSentence, budget: number, focus?: { start: number; end: number }): string {
  const { text, tokens } = sentence;
  if (text.length <= budget || tokens.length === 0) return text;
  const matched = tokens.filter((t) => t.group !== null);
  const must = focus ?? (matched.length ? { start: matched[0]!.start, end: matched[0]!.end } : { start: 0, end: 0 });
  let best = { from: 0, to: Math.min(text.length, budget), hits: -1 };
  for (const opening of tokens) {
    const from = opening.start;
    if (from > must.start) break;
    const to = from + budget;
    if (to < must.end) continue;
    const hits = matched.filter((t) => t.start >= from && t.end <= to).length;
    if (hits > best.hits) best = { from, to, hits };
  }
  // End on a whole word: the last token that ends inside the window.
  const last = tokens.filter((t) => t.end <= best.to).at(-1);
  const end = last && last.end > best.from ? Math.max(last.end, must.end) : best.to;
  const from = best.from === tokens[0]!.start ? 0 : best.from;
  const to = end >= tokens.at(-1)!.end ? text.length : end;
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? ' …' : ''}`;
}
