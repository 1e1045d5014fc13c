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
  { label: 'short EM', value: (r) => r.shortEm.toFixed(1) },
  { label: 'short F1', value: (r) => r.shortF1.toFixed(1) },
  { label: 'with short', value: (r) => r.shortShare.toFixed(1) },
  { label: 'answer chars', value: (r) => String(r.meanAnswerChars) },
  { label: 'no answer', value: (r) => r.noAnswer.toFixed(1) },
  { label: 'false answer', value: (r) => (r.falseAnswer === null ? '—' : r.falseAnswer.toFixed(1)) },
];

/** The results as an aligned text table (first column left-aligned, numbers right-aligned). */
export function formatResultsTable(results: readonly TrackResult[]): string {
  const rows = [COLUMNS.map((c) => c.label), ...results.map((r) => COLUMNS.map((c) => c.value(r)))];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** The `--json` output's fields, in their fixed order (a result may carry more, which stay out). */
const JSON_KEYS = [
  'track',
  'docs',
  'questions',
  'r1',
  'r5',
  'mrr10',
  'answerInCited',
  'p50ms',
  'p95ms',
  'shortEm',
  'shortF1',
  'shortShare',
  'meanAnswerChars',
  'noAnswer',
  'falseAnswer',
] as const satisfies readonly (keyof TrackResult)[];

/** The `--json` output: one object, every track's figures in a fixed key order. */
export function formatResultsJson(results: readonly TrackResult[]): string {
  const tracks = results.map((result) => Object.fromEntries(JSON_KEYS.map((key) => [key, result[key]])));
  return JSON.stringify({ tracks });
}
