import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createCooldowns } from '../../../bot/services/createCooldowns.js';
import type { RecordedRequest } from '../support/fakeDiscord.js';
import { NIGER_QUESTION, UNANSWERABLE_QUESTION } from '../support/fixtures.js';
import { TEST_TOKEN, useTestBot } from '../support/startTestBot.js';

const EPHEMERAL = 64;
const isCallback = (r: RecordedRequest) => r.path.endsWith('/callback');
const isEdit = (r: RecordedRequest) => r.method === 'PATCH';

describe('/ask through the real discord.js client', () => {
  const testBot = useTestBot();

  /** Runs /ask and resolves with the edit that carries the answer. */
  async function ask(values: Record<string, string | boolean>, options = {}) {
    const ref = testBot().fake.runSlashCommand('ask', values, options);
    const edit = await testBot().fake.waitForRequest((r) => isEdit(r) && r.path.includes(ref.token));
    return { ref, edit, requests: testBot().fake.requestsFor(ref) };
  }

  it('GIVEN the Niger question WHEN /ask THEN it is deferred before the index is read, then edited with the answer and numbered citations', async () => {
    // Discord allows 3 s for the first response: deferring before the lookup meets that whatever the lookup takes.
    const bot = testBot();
    const live = bot.context.live;
    let sentBeforeLookup: RecordedRequest[] | undefined;
    bot.context.live = { ...live, current: () => ((sentBeforeLookup ??= [...bot.fake.requests]), live.current()) };
    let asked: Awaited<ReturnType<typeof ask>>;
    try {
      asked = await ask({ question: NIGER_QUESTION });
    } finally {
      bot.context.live = live;
    }
    const { edit, requests } = asked;

    expect(requests.map((r) => (isCallback(r) ? 'callback' : isEdit(r) ? 'edit' : `${r.method} ${r.path}`))).toEqual(['callback', 'edit']);
    expect(requests[0]!.body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    expect(sentBeforeLookup).toContain(requests[0]);
    expect(requests[1]).toBe(edit);
    const embed = edit.body.embeds[0];
    expect(embed.title).toBe(NIGER_QUESTION);
    expect(embed.description).toMatch(/^\*\*4 December 2023\*\* — .*Niger.*\[1\]$/);
    expect(embed.fields[0].name).toBe('[1]');
    expect(embed.fields[0].value).toContain('Niger beralih ke kerja sama pertahanan dengan Rusia');
    expect(embed.fields[0].value).toContain('Công Luận · 5 Dec 2023 · Indonesian');
    expect(embed.fields.map((f: { name: string }) => f.name)).toEqual(embed.fields.map((_: unknown, i: number) => `[${i + 1}]`));
    expect(edit.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const buttons = edit.body.components[0].components.map((b: { label?: string; emoji?: { name: string } }) => b.label ?? b.emoji?.name);
    expect(buttons).toEqual(['Passages', '👍', '👎', 'Gloss']);
  });

  it('GIVEN public:true WHEN /ask THEN the deferred reply is visible to the channel', async () => {
    const { requests } = await ask({ question: NIGER_QUESTION, public: true });
    expect(requests[0]!.body).toEqual({ type: 5, data: { flags: 0 } });
  });

  it('GIVEN a question no article covers WHEN /ask THEN it says so plainly and logs the coverage gap', async () => {
    const user = testBot().fake.newUser();
    const { edit } = await ask({ question: UNANSWERABLE_QUESTION }, { user });

    expect(edit.body.embeds[0].description).toBe('I found nothing about that in the articles I have.');
    expect(edit.body.components).toEqual([]);
    const gaps = (await readFile(testBot().context.config.coverageGapLog, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(gaps).toContainEqual(expect.objectContaining({ question: UNANSWERABLE_QUESTION, userId: user.id, via: 'slash' }));
  });

  it('GIVEN an answer WHEN Passages is clicked THEN the cited passages are shown ephemerally with the answer sentence in bold', async () => {
    const { ref } = await ask({ question: NIGER_QUESTION });
    const message = testBot().fake.original(ref);
    const click = testBot().fake.clickButton(message, message.components[0].components[0].custom_id);
    const reply = await testBot().fake.waitForRequest((r) => isCallback(r) && r.path.includes(click.token));

    expect(reply.body.type).toBe(4);
    expect(reply.body.data.flags).toBe(EPHEMERAL);
    expect(reply.body.data.allowed_mentions.parse).toEqual([]);
    const [first] = reply.body.data.embeds;
    expect(first.title).toContain('Passage [1]');
    expect(first.description).toContain('**Dalam pernyataan singkat pada tanggal 4 Desember');
    // One embed per passage used: each article's field lists its passages as "> " lines.
    const passagesListed = message.embeds[0].fields.flatMap((f: { value: string }) =>
      f.value.split('\n').filter((line) => line.startsWith('> ')),
    );
    expect(reply.body.data.embeds).toHaveLength(passagesListed.length);
  });

  it('GIVEN an answer WHEN 👍 is clicked THEN the vote, question, answer and citations are appended to the feedback file', async () => {
    const { ref } = await ask({ question: NIGER_QUESTION });
    const message = testBot().fake.original(ref);
    const voter = testBot().fake.newUser();
    const click = testBot().fake.clickButton(message, message.components[0].components[1].custom_id, { user: voter });
    const reply = await testBot().fake.waitForRequest((r) => isCallback(r) && r.path.includes(click.token));

    expect(reply.body.data).toMatchObject({ content: 'Thanks — your feedback was recorded.', flags: EPHEMERAL });
    const lines = (await readFile(testBot().context.config.feedbackLog, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const vote = lines.find((l) => l.userId === voter.id);
    expect(vote).toMatchObject({ vote: 'up', question: NIGER_QUESTION, answer: expect.stringMatching(/^4 December 2023/) });
    expect(vote.citations[0]).toMatchObject({ n: 1, title: 'Niger beralih ke kerja sama pertahanan dengan Rusia' });
    expect(Date.parse(vote.time)).not.toBeNaN();
  });

  it('GIVEN a user who asked 12.5 s ago on the 30 s cooldown WHEN they ask again THEN they are told to retry in 18 s, ephemerally, without a defer; 30 s after their question THEN they are answered', async () => {
    // The configured cooldown on a clock the test moves, so the seconds stated follow from it alone.
    const bot = testBot();
    const cooldowns = bot.context.cooldowns;
    let now = Date.UTC(2024, 0, 1);
    bot.context.cooldowns = createCooldowns(bot.context.config.cooldownSeconds, () => now);
    try {
      const user = bot.fake.newUser();
      await ask({ question: NIGER_QUESTION }, { user });
      now += 12_500;
      const again = bot.fake.runSlashCommand('ask', { question: NIGER_QUESTION }, { user });
      const reply = await bot.fake.waitForRequest((r) => isCallback(r) && r.path.includes(again.token));

      expect(reply.body.type).toBe(4);
      expect(reply.body.data.flags).toBe(EPHEMERAL);
      expect(reply.body.data.content).toContain('try again in 18 s');
      expect(bot.fake.requestsFor(again)).toEqual([reply]);

      now += 17_500;
      const { requests } = await ask({ question: NIGER_QUESTION }, { user });
      expect(requests[0]!.body.type).toBe(5);
    } finally {
      bot.context.cooldowns = cooldowns;
    }
  });

  it('GIVEN a since date that is not a date WHEN /ask THEN the option is named in an ephemeral explanation', async () => {
    const ref = testBot().fake.runSlashCommand('ask', { question: NIGER_QUESTION, since: '2024-13-01' });
    const reply = await testBot().fake.waitForRequest((r) => isCallback(r) && r.path.includes(ref.token));
    expect(reply.body.type).toBe(4);
    expect(reply.body.data.flags).toBe(EPHEMERAL);
    expect(reply.body.data.content).toContain('expected a date as YYYY-MM-DD');
    expect(reply.body.data.content).toContain('since');
  });

  it('GIVEN since and until around the Arabic article WHEN /ask THEN only articles from those dates are cited', async () => {
    const { edit } = await ask({ question: NIGER_QUESTION, since: '2024-01-01', until: '2024-12-31' });
    const fields = edit.body.embeds[0].fields ?? [];
    for (const field of fields) expect(field.value).toContain('2024');
    expect(JSON.stringify(edit.body)).not.toContain('Công Luận');
  });

  it('GIVEN a button whose answer is not remembered WHEN it is clicked THEN the user is told it expired', async () => {
    const { ref } = await ask({ question: NIGER_QUESTION });
    const click = testBot().fake.clickButton(testBot().fake.original(ref), 'passages:forgotten');
    const reply = await testBot().fake.waitForRequest((r) => isCallback(r) && r.path.includes(click.token));
    expect(reply.body.data).toMatchObject({ content: 'These buttons have expired: run the command again.', flags: EPHEMERAL });
  });

  it('GIVEN the index fails unexpectedly WHEN /ask THEN the user gets a generic message, the log has command and user but not the token, and the bot keeps answering', async () => {
    const user = testBot().fake.newUser();
    testBot().breakIndex(true);
    let edit: RecordedRequest;
    try {
      ({ edit } = await ask({ question: NIGER_QUESTION }, { user }));
    } finally {
      testBot().breakIndex(false);
    }
    expect(edit.body.content).toBe('Something went wrong on my side; the maintainers have the details in the log.');
    expect(edit.body.embeds).toEqual([]);
    const logged = testBot().logger.lines.find((l) => l.startsWith('error: handling failed'));
    expect(logged).toContain('command=ask');
    expect(logged).toContain(`userId=${user.id}`);
    expect(logged).toContain('index storage unavailable');
    expect(testBot().logger.lines.join('\n')).not.toContain(TEST_TOKEN);

    const { edit: next } = await ask({ question: NIGER_QUESTION });
    expect(next.body.embeds[0].description).toMatch(/^\*\*4 December 2023\*\*/);
  });

  it('GIVEN a command the bot does not know WHEN it arrives THEN the user gets the generic message ephemerally', async () => {
    const ref = testBot().fake.runSlashCommand('weather');
    const reply = await testBot().fake.waitForRequest((r) => isCallback(r) && r.path.includes(ref.token));
    expect(reply.body.data).toMatchObject({ content: expect.stringContaining('Something went wrong'), flags: EPHEMERAL });
  });

  it('GIVEN an Indonesian Discord locale WHEN /ask THEN labels and language names are Indonesian', async () => {
    const { edit } = await ask({ question: NIGER_QUESTION }, { locale: 'id' });
    expect(edit.body.embeds[0].fields[0].value).toContain('5 Des 2023 · Indonesia');
    expect(edit.body.components[0].components[0].label).toBe('Kutipan');
  });
});
