import { describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../support/fakeDiscord.js';
import { useTestBot } from '../support/startTestBot.js';
import { expectInertOnDiscord, HOSTILE_QUESTION, HOSTILE_SEED, HOSTILE_TEXT, INVISIBLE } from '../../helpers/hostileSeed.js';

const isCallback = (r: RecordedRequest) => r.path.endsWith('/callback');

describe('the real discord.js client, given an article written to attack its readers', () => {
  const testBot = useTestBot({ extraSeeds: { [HOSTILE_SEED]: HOSTILE_TEXT } });

  it('GIVEN /ask cites it and Passages is clicked THEN every payload that reaches Discord shows it as text: no control, mention, command, timestamp, subtext, heading or masked link', async () => {
    const bot = testBot();
    expect(bot.live.current().store.sources.get(HOSTILE_SEED)?.title).toContain('\u001b[2J');
    const ref = bot.fake.runSlashCommand('ask', { question: HOSTILE_QUESTION });
    const edit = await bot.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(ref.token));
    const embed = edit.body.embeds[0];
    const cited = embed.fields.find((f: { value: string }) => f.value.includes('Niger menerima rudal S-300'));
    expect(cited, 'the hostile article is cited').toBeDefined();
    // No link: the article states no address of its own, and the ones its body mentions are not it.
    expect(cited.value.split('\n')[0]).toBe('Niger menerima rudal S-300 usuR irad dan pelatih militer');
    expect(cited.value.split('\n')[1]).toMatch(/^Kantor Berita Niamey · /);
    expect(cited.value.split('\n')[1]).not.toMatch(INVISIBLE);

    const message = bot.fake.original(ref);
    const click = bot.fake.clickButton(message, message.components[0].components[0].custom_id);
    const passages = await bot.fake.waitForRequest((r) => isCallback(r) && r.path.includes(click.token));
    const shown = passages.body.data.embeds.filter((e: { title: string }) => e.title.includes('Niger menerima rudal'));
    expect(shown.length).toBeGreaterThan(0);
    const described = shown.map((e: { description: string }) => e.description).join('\n');
    expect(described).toMatch(/\\<@&123456789012345678>|\\<\/ask:1>|\\<t:0:R>|\\-# catatan/);
    for (const e of shown) expect(e.footer.text).toMatch(/^Kantor Berita Niamey · /);

    for (const request of [...bot.fake.requestsFor(ref), ...bot.fake.requestsFor(click)]) expectInertOnDiscord(request.body);
  });

  it('GIVEN /source autocomplete finds it THEN the suggestion shows its title and outlet on one plain line, its id as the value', async () => {
    const bot = testBot();
    const ref = bot.fake.autocomplete('source', { id: 'rudal' }, 'id');
    const reply = await bot.fake.waitForRequest((r) => isCallback(r) && r.path.includes(ref.token));
    const choice = reply.body.data.choices.find((c: { value: string }) => c.value === HOSTILE_SEED);
    expect(choice.name).toBe('Niger menerima rudal S-300 usuR irad dan pelatih militer — Kantor Berita Niamey');
    expectInertOnDiscord(reply.body);
  });
});
