import type { SizeResult } from './runSize.js';

/** Ours with its index in PostgreSQL (INDEX_URL) beside the local directory, from `--backend postgres`. */
export type LatencyFigures = { p50Ms: number; p95Ms: number; p99Ms: number };
export type BackendFigures = {
  ingestPassagesPerSecond: number | null;
  reingestSeconds: number | null;
  /** Warm query latency in one serving process, and over `processes` serving at once (all their questions together). */
  queryOne: LatencyFigures | null;
  queryConcurrent: LatencyFigures | null;
  diskMb: number | null;
  unfinished: Record<string, string>;
};
export type BackendComparison = { processes: number; local: BackendFigures; postgres: BackendFigures };

type Row = { label: string; value: (f: BackendFigures) => number | null | undefined; digits: number; phase: string };

const latencyRows = (key: 'queryOne' | 'queryConcurrent', who: string, phase: string): Row[] =>
  (['p50Ms', 'p95Ms', 'p99Ms'] as const).map((p) => ({
    label: `query ${p.slice(0, 3)} ${who} (ms)`,
    value: (f) => f[key]?.[p],
    digits: 1,
    phase,
  }));

/** A Markdown table: local and PostgreSQL figures and their ratio (all lower-is-better but throughput). */
export function formatBackendTable(result: SizeResult): string {
  const comparison = result.backends;
  if (!comparison) return '';
  const rows: Row[] = [
    { label: 'full ingest (passages/s)', value: (f) => f.ingestPassagesPerSecond, digits: 0, phase: 'ingest' },
    { label: 're-ingest, one article changed (s)', value: (f) => f.reingestSeconds, digits: 2, phase: 'reingest' },
    ...latencyRows('queryOne', 'from 1 process', 'serve'),
    ...latencyRows('queryConcurrent', `from ${comparison.processes} processes at once`, 'serve-concurrent'),
    { label: 'index on disk (MB)', value: (f) => f.diskMb, digits: 1, phase: 'ingest' },
  ];
  const cell = (row: Row, f: BackendFigures) => {
    const value = row.value(f);
    return value === null || value === undefined ? (f.unfinished[row.phase] ?? 'n/a') : value.toFixed(row.digits);
  };
  const lines = ['| figure | newsdesk, local directory | newsdesk, PostgreSQL | PostgreSQL/local |', '|---|---:|---:|---:|'];
  for (const row of rows) {
    const local = row.value(comparison.local);
    const postgres = row.value(comparison.postgres);
    const ratio = local && postgres !== null && postgres !== undefined ? (postgres / local).toPrecision(2) : 'n/a';
    lines.push(`| ${row.label} | ${cell(row, comparison.local)} | ${cell(row, comparison.postgres)} | ${ratio} |`);
  }
  const caption = `**${result.target.toLocaleString('en')} passages, index backends** — the same corpus and change; PostgreSQL disk is pg_total_relation_size of the newsdesk tables.`;
  return `${caption}\n\n${lines.join('\n')}`;
}
