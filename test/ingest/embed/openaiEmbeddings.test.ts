import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmbedderSource } from '../../../ingest/embed/createEmbedderSource.js';
import { loadEmbeddingsConfig } from '../../../ingest/embed/embeddingsConfig.js';
import { NewsdeskError } from '../../../ingest/core/errors.js';
import { runIngest } from '../../../ingest/pipeline/runIngest.js';
import { answerQuestion } from '../../../retrieval/answer/answerQuestion.js';
import { loadIndex } from '../../../retrieval/open/loadIndex.js';
import { createMemoryLogger, createTempWorkspace, INDONESIAN_SEED } from '../../helpers/tempWorkspace.js';
import { bagOfWordsVector } from '../../helpers/providers/bagOfWords.js';
import { sendJson, startFakeServer, type FakeServer, type RecordedRequest } from '../../helpers/providers/startFakeServer.js';

const DIMENSIONS = 12;

/** OpenAI's POST /v1/embeddings: {model, input} → {object: "list", data: [{index, embedding}], model, usage}. */
function embeddingsReply(request: RecordedRequest, response: ServerResponse) {
  const { model, input } = JSON.parse(request.body) as { model: string; input: string | string[] };
  const texts = typeof input === 'string' ? [input] : input;
  sendJson(response, 200, {
    object: 'list',
    data: texts.map((text, index) => ({ object: 'embedding', index, embedding: bagOfWordsVector(text, DIMENSIONS) })),
    model,
    usage: { prompt_tokens: 1, total_tokens: 1 },
  });
}

const openaiConfig = (server: FakeServer, extra: Record<string, string> = {}) =>
  loadEmbeddingsConfig({
    EMBEDDINGS: 'openai',
    EMBEDDINGS_MODEL: 'embed-test',
    OPENAI_BASE_URL: `${server.url}/v1`,
    OPENAI_API_KEY: 'sk-test',
    EMBEDDINGS_MAX_RETRIES: '2',
    ...extra,
  });

const forIngest = (server: FakeServer, extra: Record<string, string> = {}) =>
  createEmbedderSource(openaiConfig(server, extra), { logger: createMemoryLogger(), tty: false }).forIngest();

async function expectFailure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(NewsdeskError);
  expect((error as NewsdeskError).code).toBe('EMBEDDER_FAILED');
  return (error as NewsdeskError).message;
}

describe('the OpenAI-compatible embedder', () => {
  let server: FakeServer;
  afterEach(() => server?.close());

  it('GIVEN a compatible server at a custom base URL THEN it embeds through /v1/embeddings as plain floats, and the index answers', async () => {
    server = await startFakeServer(embeddingsReply);
    const ws = await createTempWorkspace();
    try {
      const logger = createMemoryLogger();
      const source = createEmbedderSource(openaiConfig(server), { logger, tty: false });
      const embedder = await source.forIngest();
      expect(embedder.identity).toEqual({ provider: 'openai', model: 'embed-test', dimensions: DIMENSIONS });
      await runIngest(ws.config, { embedder, logger, tty: false });
      const answer = await answerQuestion(await loadIndex(ws.config, source), 'when did Niger end EU cooperation?');
      expect(answer.answer).toMatch(/^4 December 2023 — /);
      expect(answer.citations[0]?.sourceId).toBe(INDONESIAN_SEED);
      const first = server.requests[0]!;
      expect(first).toMatchObject({ method: 'POST', path: '/v1/embeddings' });
      expect(first.headers.authorization).toBe('Bearer sk-test');
      expect(JSON.parse(first.body)).toMatchObject({ model: 'embed-test', encoding_format: 'float' });
    } finally {
      await ws.cleanup();
    }
  });

  it('GIVEN a local server and no API key THEN it still connects (the key is not needed there)', async () => {
    server = await startFakeServer(embeddingsReply);
    const config = loadEmbeddingsConfig({ EMBEDDINGS: 'openai', OPENAI_BASE_URL: `${server.url}/v1` });
    const embedder = await createEmbedderSource(config, { logger: createMemoryLogger(), tty: false }).forIngest();
    expect(embedder.identity).toEqual({ provider: 'openai', model: 'text-embedding-3-small', dimensions: DIMENSIONS });
  });

  it('GIVEN a batch size and a concurrency limit THEN requests carry at most that many texts, that many at once', async () => {
    server = await startFakeServer((request, response) => setTimeout(() => embeddingsReply(request, response), 30));
    const embedder = await forIngest(server, { EMBEDDINGS_BATCH_SIZE: '3', EMBEDDINGS_CONCURRENCY: '1' });
    server.requests.length = 0;
    const texts = ['a b', 'c', 'd e f', 'g', 'h', 'i j', 'k'];
    expect(await embedder.embeddings.embedDocuments(texts)).toEqual(texts.map((t) => bagOfWordsVector(t, DIMENSIONS)));
    expect(server.requests.map((r) => (JSON.parse(r.body) as { input: string[] }).input)).toEqual([
      ['a b', 'c', 'd e f'],
      ['g', 'h', 'i j'],
      ['k'],
    ]);
    expect(server.maxInFlight).toBe(1);
  });

  it('GIVEN a 429 with Retry-After and then a 500 THEN it retries both and succeeds', async () => {
    const failures = [
      (r: ServerResponse) => sendJson(r, 429, { error: { message: 'Rate limit reached', type: 'requests' } }, { 'retry-after': '1' }),
      (r: ServerResponse) => sendJson(r, 500, { error: { message: 'The server had an error' } }),
    ];
    server = await startFakeServer((request, response) =>
      failures.length ? failures.shift()!(response) : embeddingsReply(request, response),
    );
    const embedder = await forIngest(server);
    expect(embedder.identity.dimensions).toBe(DIMENSIONS);
    expect(server.requests).toHaveLength(3);
  });

  it('GIVEN a wrong key (401) THEN it fails at once, naming the status', async () => {
    server = await startFakeServer((_request, response) => sendJson(response, 401, { error: { message: 'Incorrect API key provided' } }));
    expect(await expectFailure(forIngest(server))).toContain('HTTP 401');
    expect(server.requests).toHaveLength(1);
  });

  it('GIVEN a server that never answers THEN the attempts time out and the failure says so', async () => {
    server = await startFakeServer(() => undefined);
    expect(await expectFailure(forIngest(server, { EMBEDDINGS_TIMEOUT_MS: '200', EMBEDDINGS_MAX_RETRIES: '1' }))).toContain('timed out');
    expect(server.requests).toHaveLength(2);
  });

  it('GIVEN malformed JSON THEN it fails at once naming the malformed response', async () => {
    server = await startFakeServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"object": "list", "data": [');
    });
    expect(await expectFailure(forIngest(server))).toContain('malformed response');
    expect(server.requests).toHaveLength(1);
  });

  it('GIVEN items out of order THEN each vector is placed by its index; GIVEN too few THEN the reply is refused, not misaligned', async () => {
    let drop = false;
    server = await startFakeServer((request, response) => {
      const { input } = JSON.parse(request.body) as { input: string[] };
      const data = input.map((t, index) => ({ object: 'embedding', index, embedding: bagOfWordsVector(t, DIMENSIONS) })).reverse();
      sendJson(response, 200, { object: 'list', data: drop ? data.slice(1) : data, model: 'embed-test' });
    });
    const source = createEmbedderSource(openaiConfig(server), { logger: createMemoryLogger(), tty: false });
    const embedder = await source.forIndex({ provider: 'openai', model: 'embed-test', dimensions: DIMENSIONS }, 'index');
    expect(await embedder.embeddings.embedDocuments(['one', 'two'])).toEqual([
      bagOfWordsVector('one', DIMENSIONS),
      bagOfWordsVector('two', DIMENSIONS),
    ]);
    drop = true;
    expect(await expectFailure(embedder.embeddings.embedDocuments(['one', 'two']))).toContain(
      'invalid response: expected 2 vector(s), one per text',
    );
  });
});
