import { describe, expect, it } from 'vitest';
import { findLimitViolations } from '../support/discordLimits.js';
import { HUGE_QUESTION, HUGE_SEED } from '../support/fixtures.js';
import { useTestBot } from '../support/startTestBot.js';

describe('Discord limits on an article longer than any of them', () => {
  const testBot = useTestBot({ pipeline: { passageMaxChars: 8000, passageOverlapChars: 150 }, extraSeeds: { 'works.md': HUGE_SEED } });

  it('GIVEN a 7,000-character answer sentence WHEN /ask THEN the reply quotes a window of it, marked with an ellipsis, and Discord accepts it', async () => {
    const longest = Math.max(...[...testBot().live.current().store.passages()].map((p) => p.text.length));
    expect(longest).toBeGreaterThan(6000);

    const ref = testBot().fake.runSlashCommand('ask', { question: HUGE_QUESTION });
    const edit = await testBot().fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(ref.token));

    // The fake answers 400 to a message over a limit, as Discord does; the bot would then have
    // replaced the answer with the generic error.
    expect(findLimitViolations(edit.body)).toEqual([]);
    const description: string = edit.body.embeds[0].description;
    // An answer quotes at most a couple of hundred characters of its sentence (retrieval/answer/reader/quoteSentence).
    expect(description.length).toBeLessThan(300);
    expect(description).toMatch(/ … \[1\]$/);
    // "What did … announce?" is answered by what follows "announced" in the sentence.
    expect(description).toMatch(/^\*\*repair of quay[^*]*\*\* — The harbour authority of Pulau Seribu announced/);
  });

  it('GIVEN that answer WHEN Passages is clicked THEN the passage is shown within the limits with the answer highlighted', async () => {
    const ref = testBot().fake.runSlashCommand('ask', { question: HUGE_QUESTION });
    await testBot().fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(ref.token));
    const message = testBot().fake.original(ref);
    const click = testBot().fake.clickButton(message, message.components[0].components[0].custom_id);
    const reply = await testBot().fake.waitForRequest((r) => r.path.endsWith(`/${click.token}/callback`));

    expect(reply.body.type).toBe(4);
    expect(findLimitViolations(reply.body.data)).toEqual([]);
    expect(reply.body.data.embeds[0].description).toMatch(/^\*\*The harbour authority of Pulau Seribu announced.*\*\*…$/s);
    expect(testBot().logger.lines.filter((l) => l.startsWith('error:'))).toEqual([]);
  });
});
