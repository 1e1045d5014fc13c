import cliProgress from 'cli-progress';
import type { Logger } from '../../core/logger.js';
import type { DownloadProgressCallback } from './loadFeatureExtractor.js';

/** `stop(done)`: done false when the download failed (the caller reports why). */
export type DownloadReport = { onProgress: DownloadProgressCallback; stop(done: boolean): void };

const megabytes = (bytes: number) => (bytes / 1e6).toFixed(1);

/**
 * Shows a model download: a byte progress bar on `terminal` when there is one; otherwise (CI,
 * log collectors) one log line when it starts and one when it ends.
 */
export function startDownloadReport(model: string, logger: Logger, terminal: NodeJS.WritableStream | null): DownloadReport {
  let loaded = 0;
  let total = 0;
  const bar = terminal
    ? new cliProgress.SingleBar(
        { format: `downloading ${model} [{bar}] {percentage}% {size} MB`, stream: terminal, hideCursor: true, clearOnComplete: true },
        cliProgress.Presets.shades_classic,
      )
    : null;
  if (bar) bar.start(100, 0, { size: '0.0/?' });
  else logger.info(`downloading embedding model ${model}`, { model });
  return {
    onProgress(info) {
      if (info.status !== 'progress_total') return;
      ({ loaded, total } = info);
      bar?.update(Math.floor(info.progress), { size: `${megabytes(loaded)}/${megabytes(total)}` });
    },
    stop(done) {
      bar?.stop();
      if (!bar && done) logger.info(`downloaded embedding model ${model} (${megabytes(loaded)} MB)`, { model, bytes: loaded });
    },
  };
}
