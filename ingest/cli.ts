import { loadDotEnv, loadPipelineConfig } from './config.js';
import { createOfflineEmbedder } from './embed/createEmbedder.js';
import { NewsdeskError } from './errors.js';
import { formatIngestReport } from './formatIngestReport.js';
import { createLogger } from './logger.js';
import { runIngest } from './runIngest.js';

/** `npm run ingest`: brings the index up to date with the seeds folder. */
async function main(): Promise<number> {
  loadDotEnv();
  const logger = createLogger();
  try {
    const config = loadPipelineConfig();
    const report = await runIngest(config, { embedder: createOfflineEmbedder(), logger });
    if (!process.stderr.isTTY) logger.info('ingest finished', { ...report, skipped: report.skipped.length });
    process.stdout.write(`${formatIngestReport(report, config.indexDir)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof NewsdeskError && error.userFacing) logger.error(error.message, { code: error.code });
    else logger.error('ingest failed', { error });
    return 1;
  }
}

process.exitCode = await main();
