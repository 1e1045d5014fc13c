import cliProgress from 'cli-progress';
import type { Logger } from '../core/logger.js';

export type Progress = { advance(by: number): void; stop(): void };

/**
 * Progress of a long step: a bar on a terminal, otherwise a structured log line at each tenth,
 * so piped and CI output stays readable.
 */
export function startProgress(label: string, total: number, logger: Logger, tty = process.stderr.isTTY): Progress {
  if (tty) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} [{bar}] {value}/{total} {percentage}% {eta_formatted}`,
        stream: process.stderr,
        hideCursor: true,
        clearOnComplete: true,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    return { advance: (by) => bar.increment(by), stop: () => bar.stop() };
  }
  let done = 0;
  let reported = 0;
  return {
    advance(by) {
      done += by;
      const tenth = Math.floor((done / Math.max(1, total)) * 10);
      if (tenth > reported && done < total) {
        reported = tenth;
        logger.info(`${label}: ${done}/${total}`, { step: label, done, total });
      }
    },
    stop() {},
  };
}
