import type { Inspection } from './inspectSeed.js';

const FIELDS = ['title', 'publisher', 'published', 'url', 'site', 'language'] as const;
const PREVIEW = 90;

const preview = (text: string) => (text.length > PREVIEW ? `${text.slice(0, PREVIEW - 1)}…` : text);
const indent = (text: string, by = '    ') =>
  text
    .split('\n')
    .map((line) => (line ? by + line : line))
    .join('\n');

/** An Inspection for a terminal: each field with where it came from, then passages, stripped blocks and the kept text. */
export function formatInspection(inspection: Inspection): string {
  const lines = [inspection.file];
  const { charset, article, trace, passages } = inspection;
  if (charset) lines.push(`  charset    ${charset.name} (${charset.source}${charset.note ? `; ${charset.note}` : ''})`);
  if (inspection.skipped || !article || !trace || !passages) {
    lines.push(`  skipped    ${inspection.skipped ?? 'no article'}`);
    return lines.join('\n');
  }
  for (const field of FIELDS) {
    const value = article[field];
    const source = trace.sources[field];
    lines.push(`  ${field.padEnd(10)} ${value ?? '—'}${value && source ? `   ← ${source}` : ''}`);
  }
  for (const { field, value, reason } of trace.rejected) lines.push(`  refused    ${field} ${value}: ${reason}`);
  const paragraphs = article.text.split('\n\n').length;
  lines.push(`  text       ${article.text.length} characters, ${paragraphs} paragraphs, ${passages.length} passages`);
  lines.push('  passages');
  for (const p of passages) lines.push(`    [${p.ordinal}] ${p.start}–${p.end}  ${preview(p.text)}`);
  lines.push(`  stripped (${trace.stripped.length})`);
  for (const { text, reason } of trace.stripped) lines.push(`    ${reason}: ${JSON.stringify(preview(text))}`);
  lines.push('  kept text', indent(article.text));
  return lines.join('\n');
}
