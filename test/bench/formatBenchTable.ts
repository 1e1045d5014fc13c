import type { SizeResult, SystemFigures } from './runSize.js';

type Row = {
  label: string;
  value: (f: SystemFigures) => number;
  format: (n: number) => string;
  better: 'higher' | 'lower';
  /** The target at 100k passages, if it sets one. */
  target?: { bound: number; text: string };
};

const fixed = (digits: number) => (n: number) => n.toFixed(digits);

const ROWS: Row[] = [
  {
    label: 'full ingest (passages/s)',
    value: (f) => f.ingestPassagesPerSecond,
    format: fixed(0),
    better: 'higher',
    target: { bound: 2000, text: '≥ 2000' },
  },
  {
    label: 're-ingest, one article changed (s)',
    value: (f) => f.reingestSeconds,
    format: fixed(2),
    better: 'lower',
    target: { bound: 2, text: '≤ 2' },
  },
  {
    label: 're-ingest in watch mode, one article changed (s)',
    value: (f) => f.reingestWarmSeconds,
    format: fixed(2),
    better: 'lower',
    target: { bound: 2, text: '≤ 2' },
  },
  { label: 'index load (s)', value: (f) => f.loadSeconds, format: fixed(2), better: 'lower', target: { bound: 3, text: '≤ 3' } },
  { label: 'query p50 (ms)', value: (f) => f.queryP50Ms, format: fixed(1), better: 'lower' },
  { label: 'query p95 (ms)', value: (f) => f.queryP95Ms, format: fixed(1), better: 'lower', target: { bound: 20, text: '≤ 20' } },
  { label: 'query p99 (ms)', value: (f) => f.queryP99Ms, format: fixed(1), better: 'lower' },
  {
    label: 'peak RSS, ingest (MB)',
    value: (f) => f.ingestPeakRssMb,
    format: fixed(0),
    better: 'lower',
    target: { bound: 1536, text: '≤ 1536' },
  },
  {
    label: 'peak RSS, serving (MB)',
    value: (f) => f.servePeakRssMb,
    format: fixed(0),
    better: 'lower',
    target: { bound: 1536, text: '≤ 1536' },
  },
  { label: 'index on disk (MB)', value: (f) => f.diskMb, format: fixed(1), better: 'lower' },
  { label: 'HNSW recall@10', value: (f) => f.recallAt10, format: fixed(3), better: 'higher', target: { bound: 0.95, text: '≥ 0.95' } },
];

/** The targets are set for 100k passages; smaller sizes show none. */
const TARGET_SIZE = 100_000;

function ratioCell(row: Row, ours: number, theirs: number): string {
  if (theirs === 0) return 'n/a';
  const ratio = ours / theirs;
  const oursBetter = row.better === 'higher' ? ratio > 1 : ratio < 1;
  return `${ratio >= 10 ? ratio.toFixed(0) : ratio.toPrecision(2)} (${Math.abs(ratio - 1) < 0.02 ? 'even' : oursBetter ? 'ours better' : 'theirs better'})`;
}

function targetCell(row: Row, ours: number): string {
  if (!row.target) return '';
  const met = row.better === 'higher' ? ours >= row.target.bound : ours <= row.target.bound;
  return `${row.target.text} ${met ? 'met' : 'MISSED'}`;
}

/** A Markdown table of one size: our figures, the LangChain recipe's, the ratio, and the target. */
export function formatBenchTable(result: SizeResult): string {
  const withTargets = result.target >= TARGET_SIZE;
  const head = ['figure', 'newsdesk', 'LangChain recipe', 'ours/theirs', ...(withTargets ? ['target (100k)'] : [])];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`];
  for (const row of ROWS) {
    const ours = row.value(result.ours);
    const theirs = row.value(result.langchain);
    const cells = [
      row.label,
      row.format(ours),
      row.format(theirs),
      ratioCell(row, ours, theirs),
      ...(withTargets ? [targetCell(row, ours)] : []),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  const c = result.corpus;
  const languages = Object.entries(c.byLanguage)
    .map(([language, n]) => `${language} ${n}`)
    .join(', ');
  const caption = `**${result.target.toLocaleString('en')} passages** — ${c.files} articles; ${c.passages} passages by our splitter (${languages}), ${result.langchain.passages} by RecursiveCharacterTextSplitter; re-ingest changed ${result.changedArticle} (ours re-embedded ${result.ours.reingestEmbedded} passages, the recipe ${result.langchain.reingestEmbedded}).`;
  return `${caption}\n\n${lines.join('\n')}`;
}
