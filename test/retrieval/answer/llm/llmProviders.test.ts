import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion, type Answer } from '../../../../retrieval/answer/answerQuestion.js';
import type { LlmSettings } from '../../../../retrieval/answer/llm/answerConfig.js';
import { createAnswerer } from '../../../../retrieval/answer/llm/createAnswerer.js';
import { groundedAnswerJsonSchema } from '../../../../retrieval/answer/llm/groundedAnswerSchema.js';
import type { LoadedIndex } from '../../../../retrieval/open/loadIndex.js';
import { createMemoryLogger, buildSeededIndex, createTempWorkspace, type TempWorkspace } from '../../../helpers/tempWorkspace.js';
import { streamOllamaChat, streamOpenAIChat } from '../../../helpers/providers/fakeChatServers.js';
import { sendJson, startFakeServer, type FakeServer } from '../../../helpers/providers/startFakeServer.js';

import { PROJECT_ROOT as ROOT } from '../../../helpers/projectRoot.js';
const QUESTION = 'when did Niger end EU cooperation?';
const REPLY = '{"found": true, "answer": "Niger ended its EU security partnership on 4 December 2023 [1]."}';
const ANSWER = 'Niger ended its EU security partnership on 4 December 2023 [1].';

describe('LLM answers from real provider clients against fake servers', () => {
  let ws: TempWorkspace;
  let index: LoadedIndex;
  let extractive: Answer;
  let server: FakeServer;

  beforeAll(async () => {
    ws = await createTempWorkspace();
    index = await buildSeededIndex(ws);
    extractive = await answerQuestion(index, QUESTION);
  });
  afterAll(() => ws.cleanup());
  afterEach(() => server?.close());

  const answerWith = (llm: Partial<LlmSettings> & Pick<LlmSettings, 'provider' | 'baseUrl'>) => {
    const logger = createMemoryLogger();
    const partials: string[] = [];
    const answerer = createAnswerer({ mode: 'llm', llm: { model: 'llm-test', apiKey: null, timeoutMs: 5_000, ...llm } }, { logger });
    return { answer: answerer(index, QUESTION, { onPartial: (text) => partials.push(text) }), logger, partials };
  };

  it('GIVEN an OpenAI-compatible server THEN ChatOpenAI streams a schema-constrained answer from /v1/chat/completions', async () => {
    server = await startFakeServer((_request, response) => streamOpenAIChat(response, REPLY));
    const { answer, partials, logger } = answerWith({ provider: 'openai', baseUrl: `${server.url}/v1` });
    expect(await answer).toEqual({ question: QUESTION, answer: ANSWER, citations: extractive.citations, highlights: [] });
    expect(partials.at(-1)).toBe(ANSWER);
    expect(logger.lines).toEqual([]);
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/v1/chat/completions' });
    const body = JSON.parse(request!.body);
    expect(body).toMatchObject({
      model: 'llm-test',
      stream: true,
      temperature: 0,
      response_format: { type: 'json_schema', json_schema: { name: 'grounded_answer', strict: true, schema: groundedAnswerJsonSchema } },
    });
    expect(body.messages.map((m: { role: string }) => m.role)).toEqual(['system', 'user']);
  });

  it('GIVEN a 500 before the answer starts THEN the request is retried and the answer arrives', async () => {
    let failed = false;
    server = await startFakeServer((_request, response) => {
      if (failed) return streamOpenAIChat(response, REPLY);
      failed = true;
      sendJson(response, 500, { error: { message: 'The server had an error' } });
    });
    const { answer } = answerWith({ provider: 'openai', baseUrl: `${server.url}/v1` });
    expect((await answer).answer).toBe(ANSWER);
    expect(server.requests).toHaveLength(2);
  });

  it.each([
    [
      'stalls after starting the stream',
      (response: import('node:http').ServerResponse) =>
        response.writeHead(200, { 'content-type': 'text/event-stream' }).write(': keep-alive\n\n'),
      'timed out',
    ],
    [
      'rejects the key',
      (response: import('node:http').ServerResponse) => sendJson(response, 401, { error: { message: 'Incorrect API key provided' } }),
      'HTTP 401',
    ],
    [
      'streams prose instead of JSON',
      (response: import('node:http').ServerResponse) => streamOpenAIChat(response, 'Niger ended it in December 2023.'),
      'the reply is not JSON',
    ],
  ])('GIVEN a server that %s THEN the extractive answer is given and a warning logged', async (_case, respond, reason) => {
    server = await startFakeServer((_request, response) => respond(response));
    const { answer, logger } = answerWith({ provider: 'openai', baseUrl: `${server.url}/v1`, timeoutMs: 500 });
    expect(await answer).toEqual(extractive);
    expect(logger.lines).toEqual([expect.stringContaining(`llm=openai llm-test reason=`)]);
    expect(logger.lines[0]).toContain(reason);
  });

  it('GIVEN an Ollama server THEN ChatOllama streams the answer from /api/chat with the schema as its format', async () => {
    server = await startFakeServer((_request, response) => streamOllamaChat(response, REPLY));
    const { answer } = answerWith({ provider: 'ollama', baseUrl: server.url });
    expect((await answer).answer).toBe(ANSWER);
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/api/chat' });
    expect(JSON.parse(request!.body)).toMatchObject({
      model: 'llm-test',
      stream: true,
      format: groundedAnswerJsonSchema,
      options: { temperature: 0 },
    });
  });

  it('GIVEN an Ollama server that never answers THEN the timeout gives the extractive answer', async () => {
    server = await startFakeServer(() => undefined);
    const { answer, logger } = answerWith({ provider: 'ollama', baseUrl: server.url, timeoutMs: 300 });
    expect(await answer).toEqual(extractive);
    expect(logger.lines[0]).toContain('timed out');
  });

  it("GIVEN ANSWER_MODE=llm in the environment THEN `npm run ask --json` prints the model's answer", async () => {
    server = await startFakeServer((_request, response) => streamOpenAIChat(response, REPLY));
    const env = {
      ...process.env,
      SEEDS_DIR: ws.config.seedsDir,
      INDEX_DIR: ws.config.indexDir,
      EMBEDDINGS: 'offline',
      ANSWER_MODE: 'llm',
      LLM_PROVIDER: 'openai',
      LLM_MODEL: 'llm-test',
      LLM_BASE_URL: `${server.url}/v1`,
      LOG_LEVEL: 'warn',
    };
    const { stdout } = await promisify(execFile)(
      join(ROOT, 'node_modules/.bin/tsx'),
      [join(ROOT, 'bot/cli/askCli.ts'), '--json', QUESTION],
      { env, cwd: ws.root },
    );
    // The model writes its own answer: there is no extractive short answer to lead with.
    expect(JSON.parse(stdout)).toEqual({ question: QUESTION, answer: ANSWER, shortAnswer: null, citations: extractive.citations });
  });
});
