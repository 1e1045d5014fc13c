import { describe, expect, it } from 'vitest';
import { formatBenchTable } from './formatBenchTable.js';
import type { SizeResult, SystemFigures } from './runSize.js';

/** The bench's table: three systems, two ratio columns, and phases that gave no figures. */

const finished = (scale: number): SystemFigures => ({
  passages: 1000,
  ingestSeconds: 1 * scale,
  ingestPassagesPerSecond: 1000 / scale,
  ingestPeakRssMb: 200 * scale,
  reingestSeconds: 0.5 * scale,
  reingestEmbedded: 3,
  reingestWarmSeconds: 0.4 * scale,
  loadSeconds: 0.2 * scale,
  firstAnswerSeconds: 0.25 * scale,
  queryP50Ms: 2 * scale,
  queryP95Ms: 4 * scale,
  queryP99Ms: 6 * scale,
  servePeakRssMb: 300 * scale,
  diskMb: 2 * scale,
  recallAt10: 0.9,
  unfinished: {},
});

const unfinishedIngest: SystemFigures = {
  ...finished(1),
  passages: null,
  ingestSeconds: null,
  ingestPassagesPerSecond: null,
  ingestPeakRssMb: null,
  reingestSeconds: null,
  reingestEmbedded: null,
  reingestWarmSeconds: null,
  loadSeconds: null,
  firstAnswerSeconds: null,
  queryP50Ms: null,
  queryP95Ms: null,
  queryP99Ms: null,
  servePeakRssMb: null,
  diskMb: null,
  recallAt10: null,
  unfinished: {
    ingest: 'did not finish in 5 min',
    reingest: 'not run (no index)',
    'reingest-warm': 'not run (no index)',
    serve: 'not run (no index)',
    recall: 'not run (no index)',
  },
};

const result = (lancedb: SystemFigures): SizeResult => ({
  target: 1000,
  budgetMinutes: 5,
  corpus: { files: 289, passages: 1003, byLanguage: { id: 470, ar: 385, en: 148 } },
  changedArticle: 'en/000187.md',
  ours: finished(1),
  langchain: finished(2),
  lancedb,
});

const rowOf = (table: string, label: string) => table.split('\n').find((line) => line.startsWith(`| ${label} |`))!;

describe('formatBenchTable', () => {
  it('GIVEN three finished systems WHEN formatted THEN each row has both peers and both ratios, each naming the better side', () => {
    const table = formatBenchTable(result(finished(0.5)));
    expect(table).toContain('| figure | newsdesk | LangChain recipe | LanceDB | ours/recipe | ours/LanceDB |');
    expect(rowOf(table, 'query p50 (ms)')).toBe('| query p50 (ms) | 2.0 | 4.0 | 1.0 | 0.50 (ours better) | 2.0 (LanceDB better) |');
    expect(rowOf(table, 'full ingest (passages/s)')).toBe(
      '| full ingest (passages/s) | 1000 | 500 | 2000 | 2.0 (ours better) | 0.50 (LanceDB better) |',
    );
    expect(rowOf(table, 'full ingest, the same files (s)')).toBe(
      '| full ingest, the same files (s) | 1.00 | 2.00 | 0.50 | 0.50 (ours better) | 2.0 (LanceDB better) |',
    );
  });

  it('GIVEN a peer whose ingest did not finish WHEN formatted THEN its cells say why and its ratios are n/a', () => {
    const table = formatBenchTable(result(unfinishedIngest));
    expect(rowOf(table, 'full ingest (passages/s)')).toBe(
      '| full ingest (passages/s) | 1000 | 500 | did not finish in 5 min | 2.0 (ours better) | n/a |',
    );
    expect(rowOf(table, 'index load (s)')).toBe('| index load (s) | 0.20 | 0.40 | not run (no index) | 0.50 (ours better) | n/a |');
    expect(rowOf(table, 'load and first question (s)')).toBe(
      '| load and first question (s) | 0.25 | 0.50 | not run (no index) | 0.50 (ours better) | n/a |',
    );
    expect(table).toContain('LanceDB ?');
  });

  it.each([
    [1_000, false],
    [100_000, true],
    [1_000_000, false],
  ])('GIVEN %i passages WHEN formatted THEN the 100k target column is shown: %s', (size, shown) => {
    const table = formatBenchTable({ ...result(finished(0.5)), target: size });
    expect(table.includes('target (100k)')).toBe(shown);
  });
});
