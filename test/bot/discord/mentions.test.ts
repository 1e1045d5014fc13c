import { describe, expect, it } from 'vitest';
import type { FakeDiscord } from '../support/fakeDiscord.js';
import { NIGER_QUESTION } from '../support/fixtures.js';
import { useTestBot, type TestBot } from '../support/startTestBot.js';

/** Gateway intents, as bits (see discord.js GatewayIntentBits). */
const GUILDS = 1 << 0;
const GUILD_MESSAGES = 1 << 9;
const MESSAGE_CONTENT = 1 << 15;

type SentMessage = ReturnType<FakeDiscord['sendMessage']>;

/*
 * That a message is ignored is shown by a later one that must be answered: the gateway delivers
 * messages in order and the bot starts on each as it arrives (its first request, the typing
 * indicator, goes out before it looks anything up), so once the later one is answered, whatever
 * the earlier ones caused is among the requests already.
 */

/** Resolves when the answer to `message`, posted in the thread opened on it, has arrived. */
const waitForAnswerTo = (bot: TestBot, message: SentMessage) =>
  bot.fake.waitForRequest((r) => r.method === 'POST' && r.path.endsWith(`/channels/${message.id}/messages`));

/** The requests after the first `count`, as `METHOD /path`. */
const requestsSince = (bot: TestBot, count: number) =>
  bot.fake.requests.slice(count).map((r) => `${r.method} ${r.path.replace(/^\/api\/v10/, '')}`);

/** What answering `message` in a thread takes: the typing indicator, the thread, the answer. */
const answerRequestsFor = (message: SentMessage) => [
  `POST /channels/${message.channel_id}/typing`,
  `POST /channels/${message.channel_id}/messages/${message.id}/threads`,
  `POST /channels/${message.id}/messages`,
];

describe('questions asked by mentioning the bot', () => {
  const testBot = useTestBot();

  const mention = () => `<@${testBot().fake.botUser.id}>`;

  it('GIVEN no answer channels WHEN the bot connects THEN it asks for guilds and guild messages but not the privileged Message Content intent', () => {
    expect(testBot().fake.identifies[0]?.intents).toBe(GUILDS | GUILD_MESSAGES);
  });

  it('GIVEN a mention with a question in a channel WHEN it arrives THEN a thread is opened on it and the cited answer is posted there', async () => {
    const sent = testBot().fake.sendMessage(`${mention()} ${NIGER_QUESTION}`, { mentions: [testBot().fake.botUser] });
    const thread = await testBot().fake.waitForRequest((r) =>
      r.path.endsWith(`/channels/${testBot().fake.ids.channel}/messages/${sent.id}/threads`),
    );
    const answer = await testBot().fake.waitForRequest((r) => r.method === 'POST' && r.path.endsWith(`/channels/${sent.id}/messages`));

    expect(thread.body.name).toBe(NIGER_QUESTION);
    expect(answer.body.embeds[0].description).toMatch(/^\*\*4 December 2023\*\* — .*\[1\]$/);
    expect(answer.body.embeds[0].fields[0].value).toContain('Công Luận');
    expect(answer.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(answer.body.components[0].components[0].custom_id).toMatch(/^passages:/);
  });

  it('GIVEN a follow-up mention inside the thread WHEN it arrives THEN it is answered there as a reply, without another thread', async () => {
    const first = testBot().fake.sendMessage(`${mention()} ${NIGER_QUESTION}`, { mentions: [testBot().fake.botUser] });
    await testBot().fake.waitForRequest((r) => r.path.endsWith(`/messages/${first.id}/threads`));
    const threadId = first.id;
    const followUp = testBot().fake.sendMessage(`${mention()} what did Russia and African countries agree on defence?`, {
      channelId: threadId,
      mentions: [testBot().fake.botUser],
    });
    const reply = await testBot().fake.waitForRequest(
      (r) =>
        r.method === 'POST' && r.path.endsWith(`/channels/${threadId}/messages`) && r.body.message_reference?.message_id === followUp.id,
    );

    expect(reply.body.embeds[0].title).toBe('what did Russia and African countries agree on defence?');
    expect(testBot().fake.requests.some((r) => r.path.endsWith(`/messages/${followUp.id}/threads`))).toBe(false);
  });

  it('GIVEN a question containing @everyone and a role mention WHEN the bot answers THEN nothing in the reply can ping anyone', async () => {
    const content = `${mention()} @everyone <@&${testBot().fake.ids.role}> ${NIGER_QUESTION}`;
    const sent = testBot().fake.sendMessage(content, {
      mentions: [testBot().fake.botUser],
      mentionRoles: [testBot().fake.ids.role],
      mentionEveryone: true,
    });
    const answer = await testBot().fake.waitForRequest((r) => r.method === 'POST' && r.path.endsWith(`/channels/${sent.id}/messages`));
    const thread = testBot().fake.requests.find((r) => r.path.endsWith(`/messages/${sent.id}/threads`))!;

    expect(answer.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const everything = JSON.stringify(answer.body) + thread.body.name;
    expect(everything).not.toMatch(/@everyone|<@&\d+>/);
    expect(answer.body.embeds[0].title).toContain('@\u200beveryone');
    expect(answer.body.embeds[0].title).toContain('@subscribers');
  });

  it('GIVEN a mention that finds nothing WHEN it arrives THEN the bot replies in the channel without opening a thread', async () => {
    const sent = testBot().fake.sendMessage(`${mention()} what is the best recipe for sourdough bread?`, {
      mentions: [testBot().fake.botUser],
    });
    const reply = await testBot().fake.waitForRequest((r) => r.method === 'POST' && r.body?.message_reference?.message_id === sent.id);
    expect(reply.path).toBe(`/api/v10/channels/${testBot().fake.ids.channel}/messages`);
    expect(reply.body.embeds[0].description).toBe('I found nothing about that in the articles I have.');
    expect(testBot().fake.requests.some((r) => r.path.endsWith(`/messages/${sent.id}/threads`))).toBe(false);
  });

  it('GIVEN a bare mention WHEN it arrives THEN the bot says the question is empty', async () => {
    const sent = testBot().fake.sendMessage(mention(), { mentions: [testBot().fake.botUser] });
    const reply = await testBot().fake.waitForRequest((r) => r.method === 'POST' && r.body?.message_reference?.message_id === sent.id);
    expect(reply.body.content).toBe('The question is empty: type what you want to know.');
    expect(reply.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('GIVEN a user who just asked by mention WHEN they mention the bot again THEN the reply says when to retry', async () => {
    const author = testBot().fake.newUser();
    const first = testBot().fake.sendMessage(`${mention()} ${NIGER_QUESTION}`, { author, mentions: [testBot().fake.botUser] });
    await testBot().fake.waitForRequest((r) => r.path.endsWith(`/channels/${first.id}/messages`));
    const second = testBot().fake.sendMessage(`${mention()} ${NIGER_QUESTION}`, { author, mentions: [testBot().fake.botUser] });
    const reply = await testBot().fake.waitForRequest((r) => r.method === 'POST' && r.body?.message_reference?.message_id === second.id);
    expect(reply.body.content).toMatch(/try again in \d+ s/);
  });

  it('GIVEN messages that do not mention the bot or come from a bot, then a mention from a member WHEN they arrive THEN only the member is answered', async () => {
    const before = testBot().fake.requests.length;
    testBot().fake.sendMessage(NIGER_QUESTION);
    testBot().fake.sendMessage(`${mention()} ${NIGER_QUESTION}`, {
      author: { ...testBot().fake.newUser(), bot: true },
      mentions: [testBot().fake.botUser],
    });
    const control = testBot().fake.sendMessage(`${mention()} ${NIGER_QUESTION}`, { mentions: [testBot().fake.botUser] });
    await waitForAnswerTo(testBot(), control);
    expect(requestsSince(testBot(), before)).toEqual(answerRequestsFor(control));
  });
});

describe('answer channels (Message Content intent)', () => {
  const testBot = useTestBot({ env: (ids) => ({ ANSWER_CHANNEL_IDS: ids.otherChannel }) });

  it('GIVEN an answer channel WHEN the bot connects THEN it asks for the Message Content intent', () => {
    expect(testBot().fake.identifies[0]?.intents).toBe(GUILDS | GUILD_MESSAGES | MESSAGE_CONTENT);
  });

  it('GIVEN an answer channel WHEN a question is posted there without a mention THEN it is answered', async () => {
    const sent = testBot().fake.sendMessage(NIGER_QUESTION, { channelId: testBot().fake.ids.otherChannel });
    const answer = await testBot().fake.waitForRequest((r) => r.method === 'POST' && r.path.endsWith(`/channels/${sent.id}/messages`));
    expect(answer.body.embeds[0].description).toMatch(/^\*\*4 December 2023\*\*/);
  });

  it('GIVEN an answer channel WHEN a message without a mention is posted elsewhere, then one in the answer channel THEN only the second is answered', async () => {
    const before = testBot().fake.requests.length;
    testBot().fake.sendMessage(NIGER_QUESTION, { channelId: testBot().fake.ids.channel });
    const control = testBot().fake.sendMessage(NIGER_QUESTION, { channelId: testBot().fake.ids.otherChannel });
    await waitForAnswerTo(testBot(), control);
    expect(requestsSince(testBot(), before)).toEqual(answerRequestsFor(control));
  });
});
