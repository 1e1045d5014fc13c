import { Client, GatewayIntentBits } from 'discord.js';
import type { DiscordConfig } from './config.js';
import { NO_MENTIONS } from './format/noMentions.js';

/**
 * The discord.js client with the intents newsdesk needs: guilds (slash commands, threads) and
 * guild messages (mentions). Message Content is privileged and asked for only when answer
 * channels are configured, because Discord refuses the connection if it is not enabled.
 */
export function createDiscordClient(config: DiscordConfig): Client {
  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages];
  if (config.answerChannelIds.length > 0) intents.push(GatewayIntentBits.MessageContent);
  return new Client({
    intents,
    allowedMentions: NO_MENTIONS,
    rest: { api: config.apiBase },
  });
}
