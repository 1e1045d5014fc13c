import { OFFLINE_DIMENSIONS, OFFLINE_EMBEDDER_ID } from '../../../ingest/embed/offlineEmbeddings.js';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfflineEmbedder } from '../../../ingest/embed/createEmbedder.js';
import { createEmbedderSource } from '../../../ingest/embed/createEmbedderSource.js';
import { loadEmbeddingsConfig } from '../../../ingest/embed/embeddingsConfig.js';
import { runIngest } from '../../../ingest/pipeline/runIngest.js';
import { ensureIndex } from '../../../bot/startup/ensureIndex.js';
import { loadIndex } from '../../../retrieval/open/loadIndex.js';
import { createMemoryLogger, createTempWorkspace, PROJECT_SEEDS, type TempWorkspace } from '../../helpers/tempWorkspace.js';
import { bagOfWordsVector } from '../../helpers/providers/bagOfWords.js';
import { findClosedPort, sendJson, startFakeServer, type FakeServer } from '../../helpers/providers/startFakeServer.js';
import { writeTinyModel, type TinyModel } from '../../helpers/providers/writeTinyModel.js';

import { PROJECT_ROOT as ROOT } from '../../helpers/projectRoot.js';
const sourceFor = (env: Record<string, string>) =>
  createEmbedderSource(loadEmbeddingsConfig(env), { logger: createMemoryLogger(), tty: false });
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as Error & { code?: string },
  );

describe('questions are embedded by the embedder that built the index', () => {
  let offlineWs: TempWorkspace;
  let ollamaWs: TempWorkspace;
  let transformersWs: TempWorkspace;
  let ollama: FakeServer;
  let model: TinyModel;
  let modelEnv: Record<string, string>;

  beforeAll(async () => {
    [offlineWs, ollamaWs, transformersWs] = await Promise.all([createTempWorkspace(), createTempWorkspace(), createTempWorkspace()]);
    const logger = createMemoryLogger();
    await runIngest(offlineWs.config, { embedder: createOfflineEmbedder(), logger, tty: false });

    ollama = await startFakeServer((request, response) => {
      const { input } = JSON.parse(request.body) as { input: string[] };
      sendJson(response, 200, { embeddings: input.map((t) => bagOfWordsVector(t, 8)) });
    });
    await runIngest(ollamaWs.config, {
      embedder: await sourceFor({ EMBEDDINGS: 'ollama', EMBEDDINGS_MODEL: 'bge-test', OLLAMA_BASE_URL: ollama.url }).forIngest(),
      logger,
      tty: false,
    });

    const seeds = await Promise.all(
      ['000_c35ea9e91ea66f2f.txt', '004_bf61046681c937c5.txt'].map((f) => readFile(join(PROJECT_SEEDS, f), 'utf8')),
    );
    model = await writeTinyModel(join(transformersWs.root, 'tiny-e5'), { texts: seeds });
    modelEnv = { EMBEDDINGS_MODEL_PATH: model.dir, EMBEDDINGS_DTYPE: 'fp32', EMBEDDINGS_CACHE_DIR: join(transformersWs.root, 'cache') };
    await runIngest(transformersWs.config, {
      embedder: await sourceFor({ EMBEDDINGS: 'transformers', ...modelEnv }).forIngest(),
      logger,
      tty: false,
    });
  });
  afterAll(async () => {
    await ollama.close();
    await Promise.all([offlineWs, ollamaWs, transformersWs].map((ws) => ws.cleanup()));
  });

  it('GIVEN an offline index and EMBEDDINGS=ollama THEN loading says to re-ingest or switch back, and embeds nothing', async () => {
    const error = await rejection(loadIndex(offlineWs.config, sourceFor({ EMBEDDINGS: 'ollama', OLLAMA_BASE_URL: ollama.url })));
    expect(error).toMatchObject({ code: 'EMBEDDER_MISMATCH' });
    expect(error!.message).toBe(
      `The index in ${offlineWs.config.indexDir} was embedded with offline ${OFFLINE_EMBEDDER_ID} (${OFFLINE_DIMENSIONS} dimensions), but EMBEDDINGS=ollama (bge-m3:latest) is configured. ` +
        'Run `npm run ingest` to re-embed the articles with it, or set EMBEDDINGS=auto (or offline) to use the index as it is.',
    );
  });

  it('GIVEN an offline index and EMBEDDINGS=auto THEN auto follows the index', async () => {
    const index = await loadIndex(
      offlineWs.config,
      sourceFor({ EMBEDDINGS: 'auto', HF_ENDPOINT: `http://127.0.0.1:${await findClosedPort()}/` }),
    );
    expect(index.embedder.identity.provider).toBe('offline');
  });

  it('GIVEN an ollama index THEN the same model is used for questions, and another model or auto is a mismatch naming the settings', async () => {
    const index = await loadIndex(
      ollamaWs.config,
      sourceFor({ EMBEDDINGS: 'ollama', EMBEDDINGS_MODEL: 'bge-test:latest', OLLAMA_BASE_URL: ollama.url }),
    );
    expect(index.embedder.identity).toEqual({ provider: 'ollama', model: 'bge-test:latest', dimensions: 8 });
    expect(await index.embedder.embeddings.embedQuery('niger')).toEqual(bagOfWordsVector('niger', 8));

    const otherModel = await rejection(
      loadIndex(ollamaWs.config, sourceFor({ EMBEDDINGS: 'ollama', EMBEDDINGS_MODEL: 'nomic-embed-text', OLLAMA_BASE_URL: ollama.url })),
    );
    expect(otherModel).toMatchObject({ code: 'EMBEDDER_MISMATCH' });
    expect(otherModel!.message).toContain(
      'embedded with ollama bge-test:latest (8 dimensions), but EMBEDDINGS=ollama (nomic-embed-text:latest) is configured',
    );
    expect(otherModel!.message).toContain('set EMBEDDINGS=ollama, EMBEDDINGS_MODEL=bge-test:latest and OLLAMA_BASE_URL');
    expect(await rejection(loadIndex(ollamaWs.config, sourceFor({ EMBEDDINGS: 'auto' })))).toMatchObject({ code: 'EMBEDDER_MISMATCH' });
  });

  it('GIVEN a transformers index THEN auto loads its model for questions, and EMBEDDINGS=offline is a mismatch', async () => {
    const index = await loadIndex(transformersWs.config, sourceFor({ EMBEDDINGS: 'auto', ...modelEnv }));
    expect(index.embedder.identity).toEqual({ provider: 'transformers', model: 'tiny-e5@fp32', dimensions: model.dimensions });
    const error = await rejection(loadIndex(transformersWs.config, sourceFor({ EMBEDDINGS: 'offline' })));
    expect(error).toMatchObject({ code: 'EMBEDDER_MISMATCH' });
    expect(error!.message).toContain('set EMBEDDINGS=transformers (or auto), EMBEDDINGS_MODEL=tiny-e5 and EMBEDDINGS_DTYPE=fp32');
  });

  it('GIVEN a transformers index whose model cannot be had now THEN the error says so and how to rebuild', async () => {
    const nowhere = `http://127.0.0.1:${await findClosedPort()}/`;
    const error = await rejection(
      loadIndex(
        transformersWs.config,
        sourceFor({ EMBEDDINGS: 'auto', EMBEDDINGS_CACHE_DIR: join(transformersWs.root, 'empty'), HF_ENDPOINT: nowhere }),
      ),
    );
    expect(error).toMatchObject({ code: 'EMBEDDER_UNAVAILABLE' });
    expect(error!.message).toMatch(
      /^The transformers tiny-e5@fp32 embedder cannot be used: it is not in the cache .* The index in .* needs it to embed questions; run `npm run ingest` to rebuild/,
    );
  });

  it('GIVEN no index yet THEN ensureIndex builds it with the chosen embedder and answers with that same embedder', async () => {
    const ws = await createTempWorkspace();
    try {
      const source = sourceFor({ EMBEDDINGS: 'ollama', EMBEDDINGS_MODEL: 'bge-test', OLLAMA_BASE_URL: ollama.url });
      const index = await ensureIndex(ws.config, source, createMemoryLogger());
      expect(index.embedder).toBe(await source.forIngest());
    } finally {
      await ws.cleanup();
    }
  });

  it('GIVEN `npm run ask` with another provider configured THEN it exits 1 with the re-ingest message', async () => {
    const env = {
      ...process.env,
      SEEDS_DIR: offlineWs.config.seedsDir,
      INDEX_DIR: offlineWs.config.indexDir,
      EMBEDDINGS: 'openai',
      OPENAI_BASE_URL: `${ollama.url}/v1`,
      LOG_LEVEL: 'warn',
    };
    const error = await promisify(execFile)(
      join(ROOT, 'node_modules/.bin/tsx'),
      [join(ROOT, 'bot/cli/askCli.ts'), 'when did Niger end EU cooperation?'],
      { env, cwd: offlineWs.root },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 1 });
    expect((error as { stderr: string }).stderr).toContain(
      `was embedded with offline ${OFFLINE_EMBEDDER_ID} (${OFFLINE_DIMENSIONS} dimensions), but EMBEDDINGS=openai (text-embedding-3-small) is configured. Run \`npm run ingest\``,
    );
  });
});
