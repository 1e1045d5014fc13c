import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer } from '../../../../retrieval/answer/llm/createAnswerer.js';
import type { LoadedIndex } from '../../../../retrieval/open/loadIndex.js';
import { streamOpenAIChat } from '../../../helpers/providers/fakeChatServers.js';
import { startFakeServer, type FakeServer } from '../../../helpers/providers/startFakeServer.js';
import { buildSeededIndex, createMemoryLogger, createTempWorkspace, type TempWorkspace } from '../../../helpers/tempWorkspace.js';

const FIRST = 'when did Niger end EU cooperation?';
const FIRST_ANSWER = '4 December 2023 — Dalam pernyataan singkat pada tanggal 4 Desember … [1]';
const FOLLOW_UP = 'and when did the US one end?';

describe('LLM answers to follow-ups', () => {
  let ws: TempWorkspace;
  let index: LoadedIndex;
  let server: FakeServer;

  beforeAll(async () => {
    ws = await createTempWorkspace();
    index = await buildSeededIndex(ws);
  });
  afterAll(() => ws.cleanup());
  afterEach(() => server?.close());

  it('GIVEN earlier turns WHEN a follow-up is asked of an OpenAI-compatible server THEN they are sent as chat history before the passages, and the answer says what it was about', async () => {
    server = await startFakeServer((_request, response) => streamOpenAIChat(response, '{"found": true, "answer": "In March 2024 [1]."}'));
    const answerer = createAnswerer(
      { mode: 'llm', llm: { provider: 'openai', model: 'llm-test', baseUrl: `${server.url}/v1`, apiKey: null, timeoutMs: 5_000 } },
      { logger: createMemoryLogger() },
    );

    const answer = await answerer(index, FOLLOW_UP, { history: [{ question: FIRST, answer: FIRST_ANSWER }] });

    expect(answer.answer).toBe('In March 2024 [1].');
    expect(answer.about).toEqual(['Niger', 'US cooperation']);
    const { messages } = JSON.parse(server.requests[0]!.body) as { messages: { role: string; content: string }[] };
    expect(messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(messages[1]!.content).toBe(FIRST);
    expect(messages[2]!.content).toBe(FIRST_ANSWER);
    expect(messages[3]!.content).toMatch(/<passages>[\s\S]*<question>\nand when did the US one end\?\n<\/question>$/);
    expect(messages[0]!.content).toContain('may refer to them');
  });

  it('GIVEN no earlier turns THEN only the system and user messages are sent', async () => {
    server = await startFakeServer((_request, response) =>
      streamOpenAIChat(response, '{"found": true, "answer": "On 4 December 2023 [1]."}'),
    );
    const answerer = createAnswerer(
      { mode: 'llm', llm: { provider: 'openai', model: 'llm-test', baseUrl: `${server.url}/v1`, apiKey: null, timeoutMs: 5_000 } },
      { logger: createMemoryLogger() },
    );
    await answerer(index, FIRST);
    const { messages } = JSON.parse(server.requests[0]!.body) as { messages: { role: string; content: string }[] };
    expect(messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(messages[0]!.content).not.toContain('may refer to them');
  });
});
