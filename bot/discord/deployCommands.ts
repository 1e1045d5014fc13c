import { REST, Routes } from 'discord.js';
import { z } from 'zod';
import { commands } from './commands/index.js';
import type { DiscordConfig } from './config.js';

const deployedSchema = z.array(z.object({ id: z.string(), name: z.string() }));

export type DeployResult = { scope: 'guild' | 'global'; names: string[] };

/**
 * Registers the slash commands over REST, replacing the previous set: in one guild when
 * `guildId` is set (visible at once, for development), globally otherwise. Never logs in.
 */
export async function deployCommands(config: DiscordConfig): Promise<DeployResult> {
  const rest = new REST({ api: config.apiBase }).setToken(config.token);
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.clientId, config.guildId)
    : Routes.applicationCommands(config.clientId);
  const deployed = deployedSchema.parse(await rest.put(route, { body: commands.map((c) => c.data) }));
  return { scope: config.guildId ? 'guild' : 'global', names: deployed.map((c) => c.name) };
}
