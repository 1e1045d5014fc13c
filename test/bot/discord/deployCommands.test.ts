import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { loadDiscordConfig } from '../../../bot/discord/config.js';
import { deployCommands } from '../../../bot/discord/deployCommands.js';
import { startFakeDiscord, type FakeDiscord } from '../support/fakeDiscord.js';
import { TEST_TOKEN } from '../support/startTestBot.js';

const MANAGE_GUILD = String(1 << 5);

describe('deployCommands', () => {
  let fake: FakeDiscord;
  beforeEach(async () => {
    fake = await startFakeDiscord();
  });
  afterEach(async () => {
    await fake.close();
  });

  const configFor = (guildId?: string) =>
    loadDiscordConfig({
      DISCORD_TOKEN: TEST_TOKEN,
      DISCORD_CLIENT_ID: fake.ids.application,
      DISCORD_API_BASE: fake.apiBase,
      ...(guildId ? { DISCORD_GUILD_ID: guildId } : {}),
    });

  it('GIVEN DISCORD_GUILD_ID WHEN deploying THEN every command is PUT to that guild over REST, with the bot token and without logging in', async () => {
    const result = await deployCommands(configFor(fake.ids.guild));

    expect(fake.requests).toHaveLength(1);
    const [put] = fake.requests;
    expect(put!.method).toBe('PUT');
    expect(put!.path).toBe(`/api/v10/applications/${fake.ids.application}/guilds/${fake.ids.guild}/commands`);
    expect(put!.authorization).toBe(`Bot ${TEST_TOKEN}`);
    expect(put!.body.map((c: { name: string }) => c.name)).toEqual(['ask', 'sources', 'source', 'about', 'help', 'reingest']);
    expect(result).toEqual({ scope: 'guild', names: ['ask', 'sources', 'source', 'about', 'help', 'reingest'] });
    expect(fake.identifies).toEqual([]);
  });

  it('GIVEN no guild WHEN deploying THEN the commands are PUT globally', async () => {
    const result = await deployCommands(configFor());
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`PUT /api/v10/applications/${fake.ids.application}/commands`]);
    expect(result.scope).toBe('global');
  });

  it('GIVEN the definitions THEN /reingest needs Manage Server in guilds only and every description has an Indonesian localisation', async () => {
    await deployCommands(configFor(fake.ids.guild));
    const body = fake.requests[0]!.body as RESTPostAPIChatInputApplicationCommandsJSONBody[];
    const reingest = body.find((c) => c.name === 'reingest')!;
    expect(reingest.default_member_permissions).toBe(MANAGE_GUILD);
    expect(reingest.contexts).toEqual([0]);
    for (const command of body) {
      expect(command.description_localizations?.id, command.name).toBeTruthy();
      for (const option of command.options ?? [])
        expect(option.description_localizations?.id, `${command.name} ${option.name}`).toBeTruthy();
    }
    const ask = body.find((c) => c.name === 'ask')!;
    expect(ask.options!.map((o) => [o.name, o.required ?? false])).toEqual([
      ['question', true],
      ['public', false],
      ['since', false],
      ['until', false],
    ]);
  });
});
