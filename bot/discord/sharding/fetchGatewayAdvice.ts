import { REST, Routes } from 'discord.js';
import { z } from 'zod';
import type { DiscordConfig } from '../config.js';

const gatewayBotSchema = z.object({
  shards: z.number().int().min(1),
  session_start_limit: z.object({ max_concurrency: z.number().int().min(1) }),
});

/** What Discord recommends for this bot: how many shards, and how many of them may identify at once. */
export type GatewayAdvice = { shards: number; maxConcurrency: number };

/**
 * Reads `/gateway/bot` through DISCORD_API_BASE. discord.js's own `totalShards: 'auto'` asks
 * discord.com directly whatever the REST base, so the count is resolved here and handed over.
 */
export async function fetchGatewayAdvice(config: DiscordConfig): Promise<GatewayAdvice> {
  const rest = new REST({ api: config.apiBase }).setToken(config.token);
  const advice = gatewayBotSchema.parse(await rest.get(Routes.gatewayBot()));
  return { shards: advice.shards, maxConcurrency: advice.session_start_limit.max_concurrency };
}
