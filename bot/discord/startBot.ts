import { Events, type Client } from 'discord.js';
import { commands } from './commands/index.js';
import { buttonHandlers } from './components/index.js';
import type { BotContext } from './context.js';
import { createDiscordClient } from './createDiscordClient.js';
import { createInteractionHandler } from './events/interactionCreate.js';
import { createMessageHandler } from './events/messageCreate.js';

/** Connects to Discord and answers until the returned client is destroyed. Commands are deployed separately. */
export async function startBot(context: BotContext): Promise<Client> {
  const { logger } = context;
  const client = createDiscordClient(context.config);
  client.on(Events.InteractionCreate, createInteractionHandler(context, commands, buttonHandlers));
  client.on(Events.MessageCreate, createMessageHandler(context));
  client.once(Events.ClientReady, (ready) => {
    const shards = ready.shard ? { shards: ready.shard.ids.join(','), of: ready.shard.count } : {};
    logger.info('connected to Discord', { user: ready.user.tag, guilds: ready.guilds.cache.size, ...shards });
  });
  client.on(Events.Error, (error) => logger.error('Discord client error', { error }));
  client.on(Events.Warn, (message) => logger.warn(message));
  await client.login(context.config.token);
  return client;
}
