import { FakeListChatModel } from '@langchain/core/utils/testing';
import { describe, expect, it } from 'vitest';
import { createAnswerer } from '../../../retrieval/answer/llm/createAnswerer.js';
import { createMemoryLogger } from '../../helpers/tempWorkspace.js';
import type { RecordedRequest } from '../support/fakeDiscord.js';
import { NIGER_QUESTION } from '../support/fixtures.js';
import { useTestBot } from '../support/startTestBot.js';

const LLM_ANSWER =
  "Niger ended its security cooperation with the European Union on 4 December 2023, when the foreign ministry revoked the EU military mission's privileges [1].";

describe('/ask with a language model writing the answer', () => {
  // Streams a character every 15 ms, so the answer takes about 3 s to write.
  const model = new FakeListChatModel({ responses: [JSON.stringify({ found: true, answer: LLM_ANSWER })], sleep: 15 });
  const llm = { provider: 'openai', model: 'fake', baseUrl: null, apiKey: null, timeoutMs: 30_000 } as const;
  const testBot = useTestBot({ answer: createAnswerer({ mode: 'llm', llm }, { logger: createMemoryLogger(), model }) });

  it('GIVEN a streaming answer WHEN /ask THEN growing drafts of it are edited into the deferred reply, coalesced, and the last edit is the cited embed', async () => {
    const ref = testBot().fake.runSlashCommand('ask', { question: NIGER_QUESTION });
    const isEdit = (r: RecordedRequest) => r.method === 'PATCH' && r.path.includes(ref.token);
    const final = await testBot().fake.waitForRequest((r) => isEdit(r) && (r.body.embeds?.length ?? 0) > 0, 20_000);
    const [callback, ...edits] = testBot().fake.requestsFor(ref);

    expect(callback!.body.type).toBe(5);
    expect(edits.every(isEdit)).toBe(true);
    expect(edits.at(-1)).toBe(final);
    const drafts = edits.slice(0, -1);
    expect(drafts.length).toBeGreaterThanOrEqual(1);
    for (const draft of drafts) {
      expect(draft.body.content.endsWith(' …')).toBe(true);
      expect(draft.body.embeds ?? []).toEqual([]);
      expect(draft.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    }
    // Each draft is a longer start of the answer than the one before.
    const texts = drafts.map((d) => d.body.content.slice(0, -2).replace(/\\/g, ''));
    for (const text of texts) expect(LLM_ANSWER.startsWith(text)).toBe(true);
    for (let i = 1; i < texts.length; i++) expect(texts[i]!.length).toBeGreaterThan(texts[i - 1]!.length);
    // The model streams a character at a time: a draft per piece would be one per character. The
    // rate (one a second) is tested on fake timers in throttleUpdates.test.ts; here only that
    // pieces are coalesced, which a slow machine cannot undo before the test's timeout.
    expect(drafts.length).toBeLessThan(LLM_ANSWER.length / 2);
    expect(final.body.content).toBe('');
    expect(final.body.embeds[0].description).toBe(LLM_ANSWER);
    expect(final.body.embeds[0].fields[0].value).toContain('Niger beralih ke kerja sama pertahanan dengan Rusia');
  }, 30_000);
});
