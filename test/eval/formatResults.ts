import type { TrackResult } from './evaluateTrack.js';

const COLUMNS: { label: string; value: (r: TrackResult) => string }[] = [
  { label: 'track', value: (r) => r.track },
  { label: 'docs', value: (r) => String(r.docs) },
  { label: 'questions', value: (r) => String(r.questions) },
  { label: 'R@1', value: (r) => r.r1.toFixed(1) },
  { label: 'R@5', value: (r) => r.r5.toFixed(1) },
  { label: 'MRR@10', value: (r) => r.mrr10.toFixed(1) },
  { label: 'answer in cited', value: (r) => r.answerInCited.toFixed(1) },
  { label: 'p50 ms', value: (r) => r.p50ms.toFixed(1) },
  { label: 'p95 ms', value: (r) => r.p95ms.toFixed(1) },
];

/** The results as an aligned text table (first column left-aligned, numbers right-aligned). */
export function formatResultsTable(results: readonly TrackResult[]): string {
  const rows = [COLUMNS.map((c) => c.label), ...results.map((r) => COLUMNS.map((c) => c.value(r)))];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
