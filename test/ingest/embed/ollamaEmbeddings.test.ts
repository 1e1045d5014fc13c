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

const DIMENSIONS = 16;

/** Ollama's POST /api/embed: {model, input: string[]} → {model, embeddings: number[][]}. */
function embedReply(request: RecordedRequest, response: ServerResponse) {
  const { model, input } = JSON.parse(request.body) as { model: string; input: string[] };
  sendJson(response, 200, { model, embeddings: input.map((text) => bagOfWordsVector(text, DIMENSIONS)) });
}

/** Answers with `failures` in turn, then like Ollama. */
function failingFirst(...failures: ((response: ServerResponse) => void)[]) {
  return (request: RecordedRequest, response: ServerResponse) => {
    const next = failures.shift();
    if (next) next(response);
    else embedReply(request, response);
  };
}

const ollamaEnv = (server: FakeServer, extra: Record<string, string> = {}) =>
  loadEmbeddingsConfig({
    EMBEDDINGS: 'ollama',
    EMBEDDINGS_MODEL: 'bge-test',
    OLLAMA_BASE_URL: server.url,
    EMBEDDINGS_MAX_RETRIES: '2',
    ...extra,
  });

async function expectFailure(promise: Promise<unknown>): Promise<NewsdeskError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(NewsdeskError);
  expect((error as NewsdeskError).code).toBe('EMBEDDER_FAILED');
  return error as NewsdeskError;
}

describe('the ollama embedder', () => {
  let server: FakeServer;
  afterEach(() => server?.close());

  it('GIVEN an Ollama server THEN articles are embedded through /api/embed, ingested and answered from the index', async () => {
    server = await startFakeServer(embedReply);
    const ws = await createTempWorkspace();
    try {
      const logger = createMemoryLogger();
      const source = createEmbedderSource(ollamaEnv(server), { logger, tty: false });
      const embedder = await source.forIngest();
      expect(embedder.identity).toEqual({ provider: 'ollama', model: 'bge-test:latest', dimensions: DIMENSIONS });
      expect(logger.lines.filter((l) => l.startsWith('embeddings:'))).toEqual([
        expect.stringContaining(`ollama bge-test:latest (16 dimensions) — EMBEDDINGS=ollama at ${server.url}`),
      ]);
      await runIngest(ws.config, { embedder, logger, tty: false });
      const index = await loadIndex(ws.config, source);
      const answer = await answerQuestion(index, 'when did Niger end EU cooperation?');
      expect(answer.answer).toMatch(/^4 December 2023 — /);
      expect(answer.citations[0]?.sourceId).toBe(INDONESIAN_SEED);
      expect(server.requests.every((r) => r.method === 'POST' && r.path === '/api/embed')).toBe(true);
      expect(JSON.parse(server.requests.at(-1)!.body)).toMatchObject({ model: 'bge-test', input: ['when did Niger end EU cooperation?'] });
    } finally {
      await ws.cleanup();
    }
  });

  it('GIVEN a batch size and a concurrency limit THEN long lists go out in batches, never more at once than allowed', async () => {
    server = await startFakeServer((request, response) => setTimeout(() => embedReply(request, response), 30));
    const embedder = await createEmbedderSource(ollamaEnv(server, { EMBEDDINGS_BATCH_SIZE: '2', EMBEDDINGS_CONCURRENCY: '2' }), {
      logger: createMemoryLogger(),
      tty: false,
    }).forIngest();
    server.requests.length = 0;
    const texts = ['one', 'two', 'three', 'four', 'five', 'six', 'seven'];
    const vectors = await embedder.embeddings.embedDocuments(texts);
    expect(vectors).toEqual(texts.map((t) => bagOfWordsVector(t, DIMENSIONS)));
    expect(server.requests.map((r) => (JSON.parse(r.body) as { input: string[] }).input.length)).toEqual([2, 2, 2, 1]);
    expect(server.maxInFlight).toBe(2);
  });

  it('GIVEN a 429 and then a 500 THEN it backs off, retries and succeeds', async () => {
    server = await startFakeServer(
      failingFirst(
        (r) => sendJson(r, 429, { error: 'too many requests' }),
        (r) => sendJson(r, 500, { error: 'model crashed' }),
      ),
    );
    const embedder = await createEmbedderSource(ollamaEnv(server), { logger: createMemoryLogger(), tty: false }).forIngest();
    expect(embedder.identity.dimensions).toBe(DIMENSIONS);
    expect(server.requests).toHaveLength(3);
  });

  it('GIVEN a server that keeps failing THEN it gives up after the configured retries, naming the status', async () => {
    server = await startFakeServer((_request, response) => sendJson(response, 503, { error: 'overloaded' }));
    const error = await expectFailure(
      createEmbedderSource(ollamaEnv(server, { EMBEDDINGS_MAX_RETRIES: '1' }), { logger: createMemoryLogger(), tty: false }).forIngest(),
    );
    expect(error.message).toBe(`The ollama bge-test at ${server.url} embedder failed: HTTP 503: overloaded`);
    expect(server.requests).toHaveLength(2);
  });

  it('GIVEN a bad request (model not pulled) THEN it fails at once without retrying', async () => {
    server = await startFakeServer((_request, response) =>
      sendJson(response, 404, { error: 'model "bge-test" not found, try pulling it first' }),
    );
    const error = await expectFailure(createEmbedderSource(ollamaEnv(server), { logger: createMemoryLogger(), tty: false }).forIngest());
    expect(error.message).toContain('HTTP 404: model "bge-test" not found');
    expect(server.requests).toHaveLength(1);
  });

  it('GIVEN a server that never answers THEN each attempt times out and the failure says so', async () => {
    server = await startFakeServer(() => undefined);
    const error = await expectFailure(
      createEmbedderSource(ollamaEnv(server, { EMBEDDINGS_TIMEOUT_MS: '200', EMBEDDINGS_MAX_RETRIES: '1' }), {
        logger: createMemoryLogger(),
        tty: false,
      }).forIngest(),
    );
    expect(error.message).toContain('timed out');
    expect(server.requests).toHaveLength(2);
  });

  it('GIVEN malformed JSON THEN it fails at once naming the malformed response', async () => {
    server = await startFakeServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"embeddings": [[0.1, 0.2');
    });
    const error = await expectFailure(createEmbedderSource(ollamaEnv(server), { logger: createMemoryLogger(), tty: false }).forIngest());
    expect(error.message).toContain('malformed response');
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    ['one vector too few', () => [], 'expected 1 vector(s), one per text'],
    ['a number that is not one', () => [[0.1, 'x']], 'expected number, received string at [0][1]'],
    ['an empty vector', () => [[]], 'expected a non-empty vector'],
  ])('GIVEN well-formed JSON with %s THEN the response is refused', async (_case, embeddings, message) => {
    server = await startFakeServer((_request, response) => sendJson(response, 200, { model: 'bge-test', embeddings: embeddings() }));
    const error = await expectFailure(createEmbedderSource(ollamaEnv(server), { logger: createMemoryLogger(), tty: false }).forIngest());
    expect(error.message).toContain(`invalid response: ${message}`);
  });

  it('GIVEN an index of known dimensions THEN a reply of another length is refused rather than searched', async () => {
    server = await startFakeServer((_request, response) =>
      sendJson(response, 200, { model: 'bge-test', embeddings: [bagOfWordsVector('x', 8)] }),
    );
    const source = createEmbedderSource(ollamaEnv(server), { logger: createMemoryLogger(), tty: false });
    const embedder = await source.forIndex({ provider: 'ollama', model: 'bge-test:latest', dimensions: DIMENSIONS }, 'index');
    const error = await expectFailure(embedder.embeddings.embedQuery('question'));
    expect(error.message).toContain('expected a vector of 16 numbers');
  });
});
