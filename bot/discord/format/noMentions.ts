import type { MessageMentionOptions } from 'discord.js';

/** Sent with every message: nothing the bot writes, including echoed questions, may ping anyone. */
export const NO_MENTIONS = { parse: [], repliedUser: false } as const satisfies MessageMentionOptions;
