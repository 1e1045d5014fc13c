import { loadDotEnv } from '../../ingest/core/config.js';
import { isUserFacingError } from '../../ingest/core/errors.js';
import { createLogger } from '../../ingest/core/logger.js';
import { loadDiscordConfig } from '../discord/config.js';
import { deployCommands } from '../discord/deployCommands.js';

/** `npm run deploy-commands`: registers the slash commands (guild-scoped when DISCORD_GUILD_ID is set). */
async function main(): Promise<number> {
  loadDotEnv();
  const logger = createLogger();
  try {
    const config = loadDiscordConfig();
    const { scope, names } = await deployCommands(config);
    logger.info(`deployed ${names.length} commands ${scope === 'guild' ? `to guild ${config.guildId}` : 'globally (may take up to an hour to appear)'}: ${names.map((n) => `/${n}`).join(' ')}`);
    return 0;
  } catch (error) {
    if (isUserFacingError(error)) logger.error(error.message, { code: error.code });
    else logger.error('deploying the commands failed', { error });
    return 1;
  }
}

process.exitCode = await main();
