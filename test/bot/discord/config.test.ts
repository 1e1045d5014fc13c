import { describe, expect, it } from 'vitest';
import { loadDiscordConfig, wantsDiscord } from '../../../bot/discord/config.js';

const valid = { DISCORD_TOKEN: 'secret-token-value', DISCORD_CLIENT_ID: '123456789012345678' };

describe('loadDiscordConfig', () => {
  it('GIVEN only the token and client id THEN the defaults apply', () => {
    expect(loadDiscordConfig(valid)).toEqual({
      token: 'secret-token-value',
      clientId: '123456789012345678',
      guildId: null,
      apiBase: 'https://discord.com/api',
      answerChannelIds: [],
      cooldownSeconds: 10,
      feedbackLog: 'var/feedback.jsonl',
      coverageGapLog: 'var/coverage-gaps.jsonl',
    });
  });

  it('GIVEN empty values as .env files leave them THEN they count as unset', () => {
    expect(loadDiscordConfig({ ...valid, DISCORD_GUILD_ID: '', DISCORD_API_BASE: '', ANSWER_CHANNEL_IDS: '' }).guildId).toBeNull();
  });

  it('GIVEN bad values THEN the error names each variable and never shows the token', () => {
    const env = {
      DISCORD_TOKEN: 'secret-token-value',
      DISCORD_CLIENT_ID: 'abc',
      DISCORD_API_BASE: 'ftp://x',
      ANSWER_CHANNEL_IDS: '123456789012345678, nope',
      ASK_COOLDOWN_SECONDS: '-1',
    };
    let message = '';
    try {
      loadDiscordConfig(env);
    } catch (error) {
      message = (error as Error).message;
    }
    for (const name of ['DISCORD_CLIENT_ID', 'DISCORD_API_BASE', 'ANSWER_CHANNEL_IDS[1]', 'ASK_COOLDOWN_SECONDS'])
      expect(message).toContain(name);
    expect(message).not.toContain('secret-token-value');
  });

  it('GIVEN no token THEN the Discord front-end is not wanted and loading names DISCORD_TOKEN', () => {
    expect(wantsDiscord({ DISCORD_TOKEN: ' ' })).toBe(false);
    expect(wantsDiscord(valid)).toBe(true);
    expect(() => loadDiscordConfig({ DISCORD_CLIENT_ID: valid.DISCORD_CLIENT_ID })).toThrow(/DISCORD_TOKEN/);
  });

  it('GIVEN a comma-separated list of answer channels and an API base with a trailing slash THEN both are normalised', () => {
    const config = loadDiscordConfig({
      ...valid,
      ANSWER_CHANNEL_IDS: '123456789012345678,234567890123456789',
      DISCORD_API_BASE: 'http://127.0.0.1:9/api/',
    });
    expect(config.answerChannelIds).toEqual(['123456789012345678', '234567890123456789']);
    expect(config.apiBase).toBe('http://127.0.0.1:9/api');
  });
});
