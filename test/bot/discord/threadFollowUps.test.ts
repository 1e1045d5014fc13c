import { describe, expect, it } from 'vitest';
import { NIGER_QUESTION } from '../support/fixtures.js';
import { useTestBot } from '../support/startTestBot.js';

describe('follow-up questions in an answer thread', () => {
  const testBot = useTestBot();

  /** Asks by mention in the channel and returns the thread (its id is the question's) once answered there. */
  const askInChannel = async (question: string) => {
    const { fake } = testBot();
    const sent = fake.sendMessage(`<@${fake.botUser.id}> ${question}`, { mentions: [fake.botUser] });
    await fake.waitForRequest((r) => r.method === 'POST' && r.path.endsWith(`/channels/${sent.id}/messages`));
    return sent.id;
  };

  /** Asks by mention inside a thread and returns the embed of the bot's reply to it. */
  const askInThread = async (threadId: string, question: string) => {
    const { fake } = testBot();
    const sent = fake.sendMessage(`<@${fake.botUser.id}> ${question}`, { channelId: threadId, mentions: [fake.botUser] });
    const reply = await fake.waitForRequest(
      (r) => r.method === 'POST' && r.path.endsWith(`/channels/${threadId}/messages`) && r.body?.message_reference?.message_id === sent.id,
    );
    return reply.body.embeds[0];
  };

  it('GIVEN the flagship question answered in its thread WHEN "and when did the US one end?" is asked there THEN it is answered about Niger and US cooperation, and says so', async () => {
    const thread = await askInChannel(NIGER_QUESTION);
    const embed = await askInThread(thread, 'and when did the US one end?');

    expect(embed.title).toBe('and when did the US one end?');
    expect(embed.description).toMatch(/^\*\(about: Niger, US cooperation\)\*\n\*\*March 2024\*\* — .*\[1\]$/s);
    expect(embed.fields[0].value).toContain('موقع الدفاع العربي');
  });

  it('GIVEN a follow-up after a follow-up THEN the subject carried is the latest one', async () => {
    const thread = await askInChannel(NIGER_QUESTION);
    await askInThread(thread, 'and when did the US one end?');
    const embed = await askInThread(thread, 'who led it?');

    expect(embed.description).toMatch(/^\*\(about: Niger, US cooperation\)\*\n/);
  });

  it("GIVEN the same follow-up in a thread opened on another question THEN it is read with that thread's question only", async () => {
    await askInChannel(NIGER_QUESTION);
    const other = await askInChannel('How many French troops were in Niger?');
    const embed = await askInThread(other, 'who led it?');

    expect(embed.description).toMatch(/^\*\(about: French troops, Niger\)\*\n/);
    expect(embed.description).not.toContain('cooperation');
  });
});
