import { escapeText } from './escapeText.js';

export type Span = { start: number; end: number };

/**
 * A passage as Markdown with the spans (the answer's sentences) in bold, every other character
 * escaped. A passage longer than `maxChars` is cut to a window around the first span, marked
 * with "…" where text was left out, so the highlighted sentence stays visible.
 */
export function highlightPassage(text: string, spans: readonly Span[], maxChars: number): string {
  const sorted = spans
    .map((s) => ({ start: Math.max(0, s.start), end: Math.min(text.length, s.end) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  // Escaping adds a backslash per Markdown character; leave room for it and the markers.
  const budget = Math.max(1, Math.floor(maxChars * 0.8) - 8);
  let from = 0;
  let to = text.length;
  if (text.length > budget) {
    const first = sorted[0] ?? { start: 0, end: 0 };
    const context = Math.max(0, budget - (first.end - first.start));
    from = Math.max(0, Math.min(first.start - Math.floor(context / 2), text.length - budget));
    to = Math.min(text.length, from + budget);
  }
  let out = from > 0 ? '…' : '';
  let at = from;
  for (const span of sorted) {
    const start = Math.max(span.start, at);
    const end = Math.min(span.end, to);
    if (end <= start) continue;
    out += escapeText(text.slice(at, start));
    // `**` must touch the words it emphasises, so surrounding spaces stay outside it.
    const piece = text.slice(start, end);
    const core = piece.trim();
    out += core ? piece.replace(core, () => `**${escapeText(core)}**`) : piece;
    at = end;
  }
  out += escapeText(text.slice(at, to));
  if (to < text.length) out += '…';
  return out;
}
