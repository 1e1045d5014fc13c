import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbedderSource } from '../../../ingest/embed/createEmbedderSource.js';
import { loadEmbeddingsConfig } from '../../../ingest/embed/embeddingsConfig.js';
import { NewsdeskError } from '../../../ingest/core/errors.js';
import { runIngest } from '../../../ingest/pipeline/runIngest.js';
import { answerQuestion } from '../../../retrieval/answer/answerQuestion.js';
import { loadIndex } from '../../../retrieval/open/loadIndex.js';
import { retrievePassages } from '../../../retrieval/retrievePassages.js';
import {
  createMemoryLogger,
  createTempWorkspace,
  INDONESIAN_SEED,
  PROJECT_SEEDS,
  type TempWorkspace,
} from '../../helpers/tempWorkspace.js';
import { startFakeServer, type FakeServer } from '../../helpers/providers/startFakeServer.js';
import { expectedEmbedding, writeTinyModel, type TinyModel } from '../../helpers/providers/writeTinyModel.js';

const closeTo = (actual: number[], expected: number[]) => {
  expect(actual).toHaveLength(expected.length);
  expect(Math.max(...actual.map((v, i) => Math.abs(v - expected[i]!)))).toBeLessThan(1e-5);
};

describe('the transformers embedder with a local model directory', () => {
  let ws: TempWorkspace;
  let model: TinyModel;
  let hub: FakeServer;
  let env: Record<string, string>;
  beforeAll(async () => {
    ws = await createTempWorkspace();
    const seeds = await Promise.all(
      ['000_c35ea9e91ea66f2f.txt', '004_bf61046681c937c5.txt'].map((f) => readFile(join(PROJECT_SEEDS, f), 'utf8')),
    );
    model = await writeTinyModel(join(ws.root, 'models', 'tiny-e5'), {
      texts: [...seeds, 'query: passage: when did Niger end EU cooperation?'],
    });
    // Any download attempt would show up here; local-only loading must make none.
    hub = await startFakeServer((_request, response) => response.writeHead(404).end());
    env = {
      EMBEDDINGS: 'transformers',
      EMBEDDINGS_MODEL_PATH: model.dir,
      EMBEDDINGS_DTYPE: 'fp32',
      EMBEDDINGS_CACHE_DIR: join(ws.root, 'cache'),
      HF_ENDPOINT: hub.url,
    };
  });
  afterAll(async () => {
    await hub.close();
    await ws.cleanup();
  });

  it('GIVEN an E5-named model THEN onnxruntime embeds questions with "query: " and passages with "passage: ", mean-pooled over the mask', async () => {
    const logger = createMemoryLogger();
    const embedder = await createEmbedderSource(loadEmbeddingsConfig(env), { logger, tty: false }).forIngest();
    expect(embedder.identity).toEqual({ provider: 'transformers', model: 'tiny-e5@fp32', dimensions: model.dimensions });
    expect(logger.lines.filter((l) => l.startsWith('embeddings:'))).toEqual([
      expect.stringContaining(`transformers tiny-e5@fp32 (32 dimensions) — EMBEDDINGS=transformers, model directory ${model.dir}`),
    ]);

    closeTo(
      await embedder.embeddings.embedQuery('Niger mencabut perjanjian'),
      expectedEmbedding(model, 'query: Niger mencabut perjanjian'),
    );
    const [short, long] = await embedder.embeddings.embedDocuments(['Niger', 'Niger mencabut perjanjian keamanan dengan Uni Eropa']);
    closeTo(short!, expectedEmbedding(model, 'passage: Niger'));
    closeTo(long!, expectedEmbedding(model, 'passage: Niger mencabut perjanjian keamanan dengan Uni Eropa'));
    expect(hub.requests).toEqual([]);
  });

  it('GIVEN the seeds THEN they are embedded, ingested and answered through the index, with the dense side taking part', async () => {
    const logger = createMemoryLogger();
    const source = createEmbedderSource(loadEmbeddingsConfig(env), { logger, tty: false });
    const report = await runIngest(ws.config, { embedder: await source.forIngest(), logger, tty: false });
    expect(report.added).toHaveLength(2);

    const index = await loadIndex(ws.config, source);
    expect(index.embedder.identity).toEqual({ provider: 'transformers', model: 'tiny-e5@fp32', dimensions: model.dimensions });
    const answer = await answerQuestion(index, 'when did Niger end EU cooperation?');
    expect(answer.answer).toMatch(/^4 December 2023 — /);
    expect(answer.citations[0]?.sourceId).toBe(INDONESIAN_SEED);
    const { passages } = await retrievePassages(index, 'Niger mencabut perjanjian keamanan dengan Uni Eropa');
    expect(passages[0]?.distance).not.toBeNull();
    expect(hub.requests).toEqual([]);
  });

  it('GIVEN a model directory without its ONNX file THEN the error names the embedder and the missing file', async () => {
    const broken = await writeTinyModel(join(ws.root, 'models', 'broken-e5'), { texts: ['niger'] });
    await rm(join(broken.dir, 'onnx'), { recursive: true });
    const error = await createEmbedderSource(loadEmbeddingsConfig({ ...env, EMBEDDINGS_MODEL_PATH: broken.dir }), {
      logger: createMemoryLogger(),
      tty: false,
    })
      .forIngest()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NewsdeskError);
    expect(error).toMatchObject({ code: 'EMBEDDER_UNAVAILABLE' });
    expect((error as Error).message).toMatch(/^The transformers broken-e5@fp32 embedder cannot be used: .*onnx\/model\.onnx/);
  });
});
