import { describe, expect, it } from 'vitest';
import { INDONESIAN_SEED } from '../../helpers/tempWorkspace.js';
import type { InteractionRef, RecordedRequest } from '../support/fakeDiscord.js';
import { UNANSWERABLE_QUESTION } from '../support/fixtures.js';
import { useTestBot } from '../support/startTestBot.js';

const EPHEMERAL = 64;

/** Twelve short English articles, so the list has two pages of ten. */
const briefs = Object.fromEntries(
  Array.from({ length: 12 }, (_, i) => {
    const day = String(i + 1).padStart(2, '0');
    return [
      `brief-${day}.md`,
      `---\ntitle: Harbour brief ${day}\npublisher: Harbour Gazette\npublished: 2024-01-${day}\nlanguage: en\n---\n\nThe harbour master reported ${i + 3} ships at anchor on the morning of January ${i + 1}.\n`,
    ];
  }),
);

describe('/sources, /source, /about and /help', () => {
  const testBot = useTestBot({ extraSeeds: briefs });

  const callbackOf = (ref: InteractionRef): Promise<RecordedRequest> =>
    testBot().fake.waitForRequest((r) => r.path.endsWith(`/${ref.token}/callback`));
  const entriesOf = (description: string) => description.split('\n\n');

  it('GIVEN 14 articles WHEN /sources THEN the first page lists ten, newest first, with previous disabled and next enabled', async () => {
    const reply = await callbackOf(testBot().fake.runSlashCommand('sources'));
    const { embeds, components, flags, allowed_mentions } = reply.body.data;

    expect(flags).toBe(EPHEMERAL);
    expect(allowed_mentions.parse).toEqual([]);
    expect(embeds[0].title).toBe('Articles (14)');
    expect(embeds[0].footer.text).toBe('Page 1 of 2');
    const entries = entriesOf(embeds[0].description);
    expect(entries).toHaveLength(10);
    expect(entries[0]).toContain('روسيا والدول الإفريقية');
    expect(entries[1]).toMatch(/^\*\*2\.\*\* Harbour brief 12\nHarbour Gazette · 12 Jan 2024 · English · 1 passage · `brief-12\.md`$/);
    expect(components[0].components.map((b: { label: string; disabled?: boolean }) => [b.label, b.disabled ?? false])).toEqual([
      ['Previous', true],
      ['Next', false],
    ]);
  });

  it('GIVEN the first page WHEN next and then previous are clicked THEN the message is updated to page 2 and back', async () => {
    const first = testBot().fake.runSlashCommand('sources');
    await callbackOf(first);
    const page1 = testBot().fake.original(first);

    const next = await callbackOf(testBot().fake.clickButton(page1, page1.components[0].components[1].custom_id));
    expect(next.body.type).toBe(7);
    const page2 = next.body.data;
    expect(page2.embeds[0].footer.text).toBe('Page 2 of 2');
    expect(entriesOf(page2.embeds[0].description)).toHaveLength(4);
    expect(entriesOf(page2.embeds[0].description)[3]).toContain(INDONESIAN_SEED);
    expect(page2.components[0].components[1].disabled).toBe(true);

    const back = await callbackOf(testBot().fake.clickButton({ ...page1, ...page2 }, page2.components[0].components[0].custom_id));
    expect(back.body.data.embeds[0].footer.text).toBe('Page 1 of 2');
  });

  it('GIVEN language:ar WHEN /sources THEN only the Arabic article is listed, on one page without buttons', async () => {
    const reply = await callbackOf(testBot().fake.runSlashCommand('sources', { language: 'ar' }));
    expect(reply.body.data.embeds[0].title).toBe('Articles (1)');
    expect(reply.body.data.components).toEqual([]);
  });

  it('GIVEN a typed language WHEN autocompleting /sources language THEN the archive’s languages are suggested by name', async () => {
    const reply = await callbackOf(testBot().fake.autocomplete('sources', { language: 'ara' }, 'language'));
    expect(reply.body).toEqual({ type: 8, data: { choices: [{ name: 'Arabic (ar)', value: 'ar' }] } });
  });

  it('GIVEN a typed publisher WHEN autocompleting /sources publisher THEN matching publishers are suggested', async () => {
    const reply = await callbackOf(testBot().fake.autocomplete('sources', { publisher: 'cong' }, 'publisher'));
    expect(reply.body.data.choices).toEqual([{ name: 'Công Luận', value: 'Công Luận' }]);
  });

  it('GIVEN part of a title WHEN autocompleting /source id THEN the article is suggested with its id as the value', async () => {
    const reply = await callbackOf(testBot().fake.autocomplete('source', { id: 'niger beralih' }, 'id'));
    expect(reply.body.data.choices).toEqual([
      { name: 'Niger beralih ke kerja sama pertahanan dengan Rusia — Công Luận', value: INDONESIAN_SEED },
    ]);
  });

  it('GIVEN an article id WHEN /source THEN its details and opening passage are shown', async () => {
    const reply = await callbackOf(testBot().fake.runSlashCommand('source', { id: INDONESIAN_SEED }));
    const [embed] = reply.body.data.embeds;
    expect(embed.title).toBe('Niger beralih ke kerja sama pertahanan dengan Rusia');
    expect(embed.description).toMatch(/^\*\*Opening passage\*\*\n.*Niger/s);
    expect(Object.fromEntries(embed.fields.map((f: { name: string; value: string }) => [f.name, f.value]))).toMatchObject({
      Publisher: 'Công Luận',
      Published: '5 Dec 2023',
      Language: 'Indonesian',
      Id: `\`${INDONESIAN_SEED}\``,
    });
  });

  it('GIVEN an unknown id WHEN /source THEN the user is told so ephemerally', async () => {
    const reply = await callbackOf(testBot().fake.runSlashCommand('source', { id: 'no-such-article.txt' }));
    expect(reply.body.data).toMatchObject({
      content: 'No article with id "no-such-article.txt". Use /sources to list them.',
      flags: EPHEMERAL,
    });
  });

  it('GIVEN one question went unanswered WHEN /about THEN it reports the archive, the embedder, the last ingest and that count', async () => {
    const asked = testBot().fake.runSlashCommand('ask', { question: UNANSWERABLE_QUESTION });
    await testBot().fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(asked.token));
    const reply = await callbackOf(testBot().fake.runSlashCommand('about'));
    const fields = Object.fromEntries(reply.body.data.embeds[0].fields.map((f: { name: string; value: string }) => [f.name, f.value]));

    expect(fields).toMatchObject({ Articles: '14', Languages: 'Arabic, English, Indonesian', 'Unanswered questions (last 7 days)': '1' });
    expect(Number(fields.Passages)).toBe(testBot().live.current().store.passageCount);
    const { provider, dimensions } = testBot().live.current().embedder.identity;
    expect(fields.Embedder).toMatch(new RegExp(`^${provider} / .+ \\(${dimensions}\\)$`));
    expect(fields['Last ingest']).toMatch(/^<t:\d+:F> \(<t:\d+:R>\)$/);
  });

  it('GIVEN an Indonesian user WHEN /help THEN the help is in Indonesian and lists the commands', async () => {
    const reply = await callbackOf(testBot().fake.runSlashCommand('help', {}, { locale: 'id' }));
    expect(reply.body.data.flags).toBe(EPHEMERAL);
    expect(reply.body.data.content).toContain('menjawab pertanyaan');
    for (const command of ['/ask', '/sources', '/source', '/about', '/reingest']) expect(reply.body.data.content).toContain(command);
  });
});
