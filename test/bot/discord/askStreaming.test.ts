import { FakeListChatModel } from '@langchain/core/utils/testing';
import { describe, expect, it } from 'vitest';
import { createAnswerer } from '../../../retrieval/answer/llm/createAnswerer.js';
import { createMemoryLogger } from '../../helpers/tempWorkspace.js';
import type { RecordedRequest } from '../support/fakeDiscord.js';
import { NIGER_QUESTION } from '../support/fixtures.js';
import { useTestBot } from '../support/startTestBot.js';

const LLM_ANSWER = 'Niger ended its security cooperation with the European Union on 4 December 2023, when the foreign ministry revoked the EU military mission\'s privileges [1].';

describe('/ask with a language model writing the answer', () => {
  // Streams a character every 15 ms, so the answer takes about 3 s to write.
  const model = new FakeListChatModel({ responses: [JSON.stringify({ found: true, answer: LLM_ANSWER })], sleep: 15 });
  const llm = { provider: 'openai', model: 'fake', baseUrl: null, apiKey: null, timeoutMs: 30_000 } as const;
  const testBot = useTestBot({ answer: createAnswerer({ mode: 'llm', llm }, { logger: createMemoryLogger(), model }) });

  it('GIVEN a streaming answer WHEN /ask THEN drafts are edited into the deferred reply, throttled, and the final edit is the cited embed', async () => {
    const ref = testBot().fake.runSlashCommand('ask', { question: NIGER_QUESTION });
    const isEdit = (r: RecordedRequest) => r.method === 'PATCH' && r.path.includes(ref.token);
    const final = await testBot().fake.waitForRequest((r) => isEdit(r) && (r.body.embeds?.length ?? 0) > 0, 20_000);
    const drafts = testBot().fake.requestsFor(ref).filter((r) => isEdit(r) && r !== final);

    expect(drafts.length).toBeGreaterThanOrEqual(1);
    // Far fewer edits than streamed pieces: about one a second, not one per token.
    expect(drafts.length).toBeLessThan(10);
    for (const draft of drafts) {
      expect(draft.body.content.endsWith(' …')).toBe(true);
      expect(LLM_ANSWER.startsWith(draft.body.content.slice(0, -2).replace(/\\/g, ''))).toBe(true);
      expect(draft.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    }
    expect(final.body.content).toBe('');
    expect(final.body.embeds[0].description).toBe(LLM_ANSWER);
    expect(final.body.embeds[0].fields[0].value).toContain('Niger beralih ke kerja sama pertahanan dengan Rusia');
  }, 30_000);
});
