import { loadDotEnv, loadPipelineConfig } from '../ingest/config.js';
import { createOfflineEmbedder } from '../ingest/embed/createEmbedder.js';
import { isUserFacingError } from '../ingest/errors.js';
import { createLogger } from '../ingest/logger.js';
import { ensureIndex } from '../retrieval/ensureIndex.js';
import { runConsole } from './console/runConsole.js';

/** `npm start`: brings the index up to date with the seeds, then serves questions on the console. */
async function main(): Promise<number> {
  loadDotEnv();
  const logger = createLogger();
  try {
    const config = loadPipelineConfig();
    const index = await ensureIndex(config, createOfflineEmbedder(), logger, { always: true });
    await runConsole(() => index, { input: process.stdin, output: process.stdout, logger, prompt: process.stdin.isTTY });
    return 0;
  } catch (error) {
    if (isUserFacingError(error)) logger.error(error.message, { code: error.code });
    else logger.error('newsdesk failed', { error });
    return 1;
  }
}

process.exitCode = await main();
