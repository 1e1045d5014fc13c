import type { Logger } from '../../ingest/core/logger.js';
import { runCli } from '../../ingest/core/runCli.js';
import { loadDiscordConfig } from '../discord/config.js';
import { deployCommands } from '../discord/deployCommands.js';

/** `npm run deploy-commands`: registers the slash commands (guild-scoped when DISCORD_GUILD_ID is set). */
async function main(logger: Logger): Promise<number> {
  const config = loadDiscordConfig();
  const { scope, names } = await deployCommands(config);
  logger.info(
    `deployed ${names.length} commands ${scope === 'guild' ? `to guild ${config.guildId}` : 'globally (may take up to an hour to appear)'}: ${names.map((n) => `/${n}`).join(' ')}`,
  );
  return 0;
}

process.exitCode = await runCli(main, { failure: 'deploying the commands failed' });
