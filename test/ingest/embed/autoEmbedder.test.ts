import { OFFLINE_DIMENSIONS, OFFLINE_EMBEDDER_ID } from '../../../ingest/embed/offlineEmbeddings.js';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbedderSource } from '../../../ingest/embed/createEmbedderSource.js';
import { loadEmbeddingsConfig } from '../../../ingest/embed/embeddingsConfig.js';
import { createMemoryLogger, createTempWorkspace, type TempWorkspace } from '../../helpers/tempWorkspace.js';
import { findClosedPort, startFakeServer, type FakeServer } from '../../helpers/providers/startFakeServer.js';
import { writeTinyModel, type TinyModel } from '../../helpers/providers/writeTinyModel.js';

const HUB_MODEL = 'newsdesk-test/hub-e5';

/** A hub that accepts connections and never answers: what a firewall that drops packets looks like. */
async function startBlackHole(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describe('EMBEDDINGS=auto', () => {
  let ws: TempWorkspace;
  let model: TinyModel;
  let hub: FakeServer;
  const autoEnv = (extra: Record<string, string>) => ({
    EMBEDDINGS: 'auto',
    EMBEDDINGS_DTYPE: 'fp32',
    EMBEDDINGS_CACHE_DIR: join(ws.root, 'cache'),
    ...extra,
  });
  const notices = (lines: string[]) => lines.filter((l) => l.startsWith('embeddings:'));

  beforeAll(async () => {
    ws = await createTempWorkspace({ withSeeds: false });
    model = await writeTinyModel(join(ws.root, 'hub', HUB_MODEL), {
      texts: ['Niger ended its security cooperation with the European Union'],
    });
    // The Hugging Face Hub's download route: GET /{model}/resolve/{revision}/{file}.
    hub = await startFakeServer(async (request, response) => {
      const file = request.path.match(/^\/newsdesk-test\/hub-e5\/resolve\/main\/(.+)$/)?.[1];
      const body = file ? await readFile(join(model.dir, file)).catch(() => null) : null;
      if (!body) return response.writeHead(404).end();
      response.writeHead(200, { 'content-length': String(body.length), 'content-type': 'application/octet-stream' }).end(body);
    });
  });
  afterAll(async () => {
    await hub.close();
    await ws.cleanup();
  });

  it('GIVEN a reachable hub and an empty cache THEN the model is downloaded into the cache and used, said in one line', async () => {
    const logger = createMemoryLogger();
    const embedder = await createEmbedderSource(loadEmbeddingsConfig(autoEnv({ EMBEDDINGS_MODEL: HUB_MODEL, HF_ENDPOINT: hub.url })), {
      logger,
      tty: false,
    }).forIngest();
    expect(embedder.identity).toEqual({ provider: 'transformers', model: `${HUB_MODEL}@fp32`, dimensions: model.dimensions });
    const host = new URL(hub.url).host;
    expect(notices(logger.lines)).toEqual([
      expect.stringContaining(
        `transformers ${HUB_MODEL}@fp32 (32 dimensions) — auto: downloaded from ${host} into ${join(ws.root, 'cache')}`,
      ),
    ]);
    expect(logger.lines).toContainEqual(expect.stringMatching(/^downloading embedding model newsdesk-test\/hub-e5/));
    expect(logger.lines).toContainEqual(expect.stringMatching(/^downloaded embedding model newsdesk-test\/hub-e5 \(\d+\.\d MB\)/));
    expect(hub.requests.map((r) => r.path)).toContain(`/${HUB_MODEL}/resolve/main/onnx/model.onnx`);
    await expect(readFile(join(ws.root, 'cache', HUB_MODEL, 'onnx', 'model.onnx'))).resolves.toHaveLength(
      (await readFile(join(model.dir, 'onnx', 'model.onnx'))).length,
    );
  });

  it('GIVEN the model in the cache and no hub at all THEN it loads from the cache without asking the network', async () => {
    const logger = createMemoryLogger();
    const nowhere = `http://127.0.0.1:${await findClosedPort()}/`;
    const embedder = await createEmbedderSource(loadEmbeddingsConfig(autoEnv({ EMBEDDINGS_MODEL: HUB_MODEL, HF_ENDPOINT: nowhere })), {
      logger,
      tty: false,
    }).forIngest();
    expect(embedder.identity.provider).toBe('transformers');
    expect(notices(logger.lines)).toEqual([expect.stringContaining(`— auto: loaded from the cache in ${join(ws.root, 'cache')}`)]);
  });

  it('GIVEN no network (a hub that never answers) and an empty cache THEN it falls back to offline, with one line saying why', async () => {
    const blackHole = await startBlackHole();
    try {
      const logger = createMemoryLogger();
      const config = loadEmbeddingsConfig(
        autoEnv({
          EMBEDDINGS_MODEL: 'newsdesk-test/never-e5',
          HF_ENDPOINT: blackHole.url,
          EMBEDDINGS_CACHE_DIR: join(ws.root, 'empty-cache'),
          EMBEDDINGS_PROBE_TIMEOUT_MS: '300',
        }),
      );
      const embedder = await createEmbedderSource(config, { logger, tty: false }).forIngest();
      expect(embedder.identity).toEqual({ provider: 'offline', model: OFFLINE_EMBEDDER_ID, dimensions: OFFLINE_DIMENSIONS });
      expect(notices(logger.lines)).toEqual([
        `embeddings: offline ${OFFLINE_EMBEDDER_ID} (${OFFLINE_DIMENSIONS} dimensions) — auto: The transformers newsdesk-test/never-e5@fp32 embedder cannot be used: it is not in the cache (${join(ws.root, 'empty-cache')}) and ${new URL(blackHole.url).host} did not answer within 0.3 s. Set EMBEDDINGS=offline to skip this check.  provider=offline model=${OFFLINE_EMBEDDER_ID} dimensions=${OFFLINE_DIMENSIONS}`,
      ]);
      expect(logger.lines).toHaveLength(1);
    } finally {
      await blackHole.close();
    }
  });

  it.each([
    [
      'nothing listens on the hub port',
      async () => `http://127.0.0.1:${await findClosedPort()}/`,
      /is unreachable: cannot connect \(ECONNREFUSED\)/,
    ],
    ['the hub has no such model', async () => hub.url, /has no model newsdesk-test\/missing-e5/],
  ])('GIVEN %s THEN it falls back to offline saying so', async (_case, hubUrl, reason) => {
    const logger = createMemoryLogger();
    const config = loadEmbeddingsConfig(
      autoEnv({
        EMBEDDINGS_MODEL: 'newsdesk-test/missing-e5',
        HF_ENDPOINT: await hubUrl(),
        EMBEDDINGS_CACHE_DIR: join(ws.root, 'empty-cache'),
      }),
    );
    const embedder = await createEmbedderSource(config, { logger, tty: false }).forIngest();
    expect(embedder.identity.provider).toBe('offline');
    expect(notices(logger.lines)).toEqual([expect.stringMatching(reason)]);
  });
});
