import type { IngestReport } from './runIngest.js';

/** One line saying what an ingest did, for people. */
export function formatIngestReport(report: IngestReport, indexDir: string): string {
  const parts = [
    `added ${report.added.length}`,
    `changed ${report.changed.length}`,
    `removed ${report.removed.length}`,
    `unchanged ${report.unchanged.length}`,
    `skipped ${report.skipped.length}`,
  ];
  const target = report.generation ? `→ ${indexDir}` : `(${indexDir} already up to date)`;
  return `ingest: ${parts.join(', ')}; ${report.articles} articles, ${report.passages} passages (${report.passagesEmbedded} embedded) in ${report.seconds.toFixed(2)} s ${target}`;
}
