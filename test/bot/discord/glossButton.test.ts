import { describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../support/fakeDiscord.js';
import { LIGHTHOUSE_QUESTION, LIGHTHOUSE_SEED, NIGER_QUESTION } from '../support/fixtures.js';
import { useTestBot } from '../support/startTestBot.js';

const EPHEMERAL = 64;
const isCallback = (r: RecordedRequest) => r.path.endsWith('/callback');
const isEdit = (r: RecordedRequest) => r.method === 'PATCH';

type Button = { label?: string; custom_id: string };

describe('the Gloss button through the real discord.js client', () => {
  const testBot = useTestBot({ extraSeeds: { 'lighthouse.md': LIGHTHOUSE_SEED } });

  /** Runs /ask (as a new member each time: the cooldown is per member) and returns the answer message Discord holds. */
  async function ask(question: string, options: { locale?: string } = {}) {
    const ref = testBot().fake.runSlashCommand('ask', { question }, { user: testBot().fake.newUser(), ...options });
    await testBot().fake.waitForRequest((r) => isEdit(r) && r.path.includes(ref.token));
    return testBot().fake.original(ref);
  }
  const buttonsOf = (message: { components: { components: Button[] }[] }) => message.components[0]!.components;

  it('GIVEN an answer quoting the Indonesian article WHEN Gloss is clicked THEN it defers, then shows a word-for-word English gloss ephemerally, labelled, names and dates as written', async () => {
    const message = await ask(NIGER_QUESTION);
    const gloss = buttonsOf(message).find((b) => b.label === 'Gloss');
    expect(gloss).toBeDefined();

    const click = testBot().fake.clickButton(message, gloss!.custom_id);
    const deferred = await testBot().fake.waitForRequest((r) => isCallback(r) && r.path.includes(click.token));
    const edit = await testBot().fake.waitForRequest((r) => isEdit(r) && r.path.includes(click.token));

    expect(deferred.body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    expect(edit.body.allowed_mentions.parse).toEqual([]);
    const [embed] = edit.body.embeds;
    expect(embed.title).toBe('Word-for-word English gloss');
    expect(embed.footer.text).toContain('not a translation');
    expect(embed.description).toMatch(/^\*\*\[1\]\*\* /);
    // "pemerintah" glossed; the date and the country's name kept as the article writes them.
    expect(embed.description).toContain('government');
    expect(embed.description).toContain('4 Desember');
    expect(embed.description).toContain('Niger');
    expect(embed.description).not.toContain('pemerintah');
  });

  it('GIVEN an Indonesian member THEN the button and the gloss are labelled in Indonesian', async () => {
    const message = await ask(NIGER_QUESTION, { locale: 'id' });
    const gloss = buttonsOf(message).find((b) => b.label === 'Arti kata');
    expect(gloss).toBeDefined();
    const click = testBot().fake.clickButton(message, gloss!.custom_id, { locale: 'id' });
    const edit = await testBot().fake.waitForRequest((r) => isEdit(r) && r.path.includes(click.token));
    expect(edit.body.embeds[0].title).toBe('Arti kata demi kata dalam bahasa Inggris');
  });

  it('GIVEN an answer quoting only an English article THEN there is no Gloss button', async () => {
    const message = await ask(LIGHTHOUSE_QUESTION);
    expect(buttonsOf(message).map((b) => b.label)).not.toContain('Gloss');
    expect(buttonsOf(message).length).toBeGreaterThan(0);
  });
});
