import { describe, expect, it } from 'vitest';
import type { RecordedRequest, UserOptions } from '../support/fakeDiscord.js';
import { NIGER_QUESTION } from '../support/fixtures.js';
import { useTestBot } from '../support/startTestBot.js';

const EPHEMERAL = 64;
const isCallback = (r: RecordedRequest) => r.path.endsWith('/callback');

describe("a member's error messages in their Discord language, through the real discord.js client", () => {
  const testBot = useTestBot();

  /** Runs /ask as a member and resolves with the bot's first response to it. */
  async function firstResponse(values: Record<string, string>, options: UserOptions) {
    const ref = testBot().fake.runSlashCommand('ask', values, options);
    return testBot().fake.waitForRequest((r) => isCallback(r) && r.path.includes(ref.token));
  }

  it.each([
    ['id', 'Opsi itu tidak valid:'],
    ['en-US', 'That option is not valid:'],
    ['fr', 'That option is not valid:'],
  ])(
    'GIVEN a member with locale %s WHEN /ask has a since that is not a date THEN the ephemeral reply starts "%s"',
    async (locale, opening) => {
      const reply = await firstResponse({ question: NIGER_QUESTION, since: '2024-13-01' }, { locale });
      expect(reply.body.type).toBe(4);
      expect(reply.body.data.flags).toBe(EPHEMERAL);
      expect(reply.body.data.content.startsWith(`${opening}\n`)).toBe(true);
      // The option's own detail names the field, as zod words it.
      expect(reply.body.data.content).toContain('since');
    },
  );

  it.each([
    ['id', /^Anda bertanya lebih cepat daripada yang dapat saya layani: coba lagi dalam \d+ dtk\.$/],
    ['en-GB', /^You are asking faster than I can keep up: try again in \d+ s\.$/],
  ])(
    'GIVEN a member with locale %s WHEN they ask again within the cooldown THEN they are told so in their language',
    async (locale, message) => {
      const user = testBot().fake.newUser();
      const first = testBot().fake.runSlashCommand('ask', { question: NIGER_QUESTION }, { user, locale });
      await testBot().fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(first.token));
      const again = await firstResponse({ question: NIGER_QUESTION }, { user, locale });
      expect(again.body.type).toBe(4);
      expect(again.body.data.content).toMatch(message);
    },
  );
});
