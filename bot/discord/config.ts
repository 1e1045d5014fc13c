import { z } from 'zod';
import { isEnvSet, readEnv } from '../../ingest/core/readEnv.js';

const snowflake = z.string().regex(/^\d{17,20}$/, 'expected a Discord id (17–20 digits)');

const discordEnvSchema = z.object({
  DISCORD_TOKEN: z.string({ error: 'required: the bot token from the Developer Portal' }).min(1),
  DISCORD_CLIENT_ID: z
    .string({ error: 'required: the application id from the Developer Portal' })
    .regex(/^\d{17,20}$/, 'expected a Discord id (17–20 digits)'),
  DISCORD_GUILD_ID: snowflake.optional(),
  DISCORD_API_BASE: z.url({ protocol: /^https?$/ }).default('https://discord.com/api'),
  ANSWER_CHANNEL_IDS: z.preprocess(
    (value) =>
      typeof value === 'string'
        ? value
            .split(',')
            .map((id) => id.trim())
            .filter(Boolean)
        : value,
    z.array(snowflake).default([]),
  ),
  ASK_COOLDOWN_SECONDS: z.coerce.number().int().min(0).max(3600).default(10),
  FEEDBACK_LOG: z.string().min(1).default('var/feedback.jsonl'),
  COVERAGE_GAP_LOG: z.string().min(1).default('var/coverage-gaps.jsonl'),
});

export type DiscordConfig = {
  token: string;
  clientId: string;
  /** Commands are deployed to this guild only (instant, for development) when set. */
  guildId: string | null;
  /** REST base URL without the version, e.g. `https://discord.com/api`. */
  apiBase: string;
  /** Channels where every message is taken as a question (needs the Message Content intent). */
  answerChannelIds: string[];
  cooldownSeconds: number;
  feedbackLog: string;
  coverageGapLog: string;
};

/** True when the environment asks for the Discord front-end rather than the console. */
export function wantsDiscord(env: NodeJS.ProcessEnv = process.env): boolean {
  return isEnvSet(env.DISCORD_TOKEN);
}

/** Validates the Discord settings; the error names every bad variable. */
export function loadDiscordConfig(env: NodeJS.ProcessEnv = process.env): DiscordConfig {
  const e = readEnv(discordEnvSchema, env);
  return {
    token: e.DISCORD_TOKEN,
    clientId: e.DISCORD_CLIENT_ID,
    guildId: e.DISCORD_GUILD_ID ?? null,
    apiBase: e.DISCORD_API_BASE.replace(/\/+$/, ''),
    answerChannelIds: e.ANSWER_CHANNEL_IDS,
    cooldownSeconds: e.ASK_COOLDOWN_SECONDS,
    feedbackLog: e.FEEDBACK_LOG,
    coverageGapLog: e.COVERAGE_GAP_LOG,
  };
}
