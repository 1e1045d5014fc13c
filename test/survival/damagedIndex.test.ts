import { appendFile, cp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOfflineEmbedder } from '../../ingest/embed/createEmbedder.js';
import { NewsdeskError } from '../../ingest/core/errors.js';
import { runIngest } from '../../ingest/pipeline/runIngest.js';
import { readCurrentGeneration } from '../../ingest/index/indexDirectory.js';
import { answerQuestion } from '../../retrieval/answer/answerQuestion.js';
import { createLiveIndex } from '../../retrieval/open/liveIndex.js';
import { loadIndex } from '../../retrieval/open/loadIndex.js';
import { createMemoryLogger, createTempWorkspace, INDONESIAN_SEED, type TempWorkspace } from '../helpers/tempWorkspace.js';

const QUESTION = 'when did Niger end EU cooperation?';
const DAMAGED = 'gen-zz-damaged';

type Damage = {
  what: string;
  /** Damages a copy of a good generation (or the index folder) in place; returns the path the message must name. */
  apply(generation: string, indexDir: string): Promise<string>;
};

async function flipBytes(path: string): Promise<void> {
  const bytes = await readFile(path);
  for (let i = Math.floor(bytes.length / 3); i < bytes.length; i += 97) bytes[i] = bytes[i]! ^ 0x5a;
  await writeFile(path, bytes);
}

async function editManifest(generation: string, edit: (manifest: Record<string, unknown>) => void): Promise<void> {
  const path = join(generation, 'manifest.json');
  const manifest = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  edit(manifest);
  await writeFile(path, JSON.stringify(manifest));
}

const damages: Damage[] = [
  { what: 'a truncated vectors file', apply: async (g) => (await truncate(join(g, 'vectors.hnsw'), 1000), join(g, 'vectors.hnsw')) },
  { what: 'corrupted passages (same size)', apply: async (g) => (await flipBytes(join(g, 'passages.bin')), join(g, 'passages.bin')) },
  {
    what: 'a passages file with bytes added',
    apply: async (g) => (await appendFile(join(g, 'passages.bin'), '{"label":1}\n'), join(g, 'passages.bin')),
  },
  { what: 'corrupted postings (same size)', apply: async (g) => (await flipBytes(join(g, 'postings.bin')), join(g, 'postings.bin')) },
  { what: 'a missing postings file', apply: async (g) => (await rm(join(g, 'postings.bin')), join(g, 'postings.bin')) },
  {
    what: 'a manifest from another schema version',
    apply: async (g) => (await editManifest(g, (m) => (m.schemaVersion = 1)), join(g, 'manifest.json')),
  },
  {
    what: 'a manifest that is not JSON',
    apply: async (g) => (await writeFile(join(g, 'manifest.json'), '{"schemaVersion": 2, "embed'), join(g, 'manifest.json')),
  },
  { what: 'a manifest missing a field', apply: async (g) => (await editManifest(g, (m) => delete m.nextLabel), join(g, 'manifest.json')) },
  {
    what: 'a truncated delta vectors file',
    apply: async (g) => (await truncate(join(g, 'delta-vectors.bin'), 10), join(g, 'delta-vectors.bin')),
  },
  {
    what: 'a missing delta passages file',
    apply: async (g) => (await rm(join(g, 'delta-passages.jsonl')), join(g, 'delta-passages.jsonl')),
  },
  {
    what: 'a CURRENT that names no generation',
    apply: async (_g, dir) => (await writeFile(join(dir, 'CURRENT'), '../../etc/passwd\n'), join(dir, 'CURRENT')),
  },
  { what: 'a CURRENT naming a generation that is gone', apply: async (g) => (await rm(g, { recursive: true }), join(g, 'manifest.json')) },
];

describe('damaged index files', () => {
  let ws: TempWorkspace;
  const embedder = createOfflineEmbedder();
  const ingest = () => runIngest(ws.config, { embedder, logger: createMemoryLogger(), tty: false });

  /** A good index whose live generation is a delta over a snapshot, so every kind of file exists. */
  beforeEach(async () => {
    ws = await createTempWorkspace();
    await ingest();
    await appendFile(join(ws.config.seedsDir, INDONESIAN_SEED), '\nSebuah paragraf tambahan tentang latihan militer bersama di Niamey.\n');
    const report = await ingest();
    expect(report.changed).toEqual([INDONESIAN_SEED]);
  });
  afterEach(() => ws.cleanup());

  /** Copies the live generation, damages the copy and makes it live. */
  async function damageLive(damage: Damage): Promise<string> {
    const good = (await readCurrentGeneration(ws.config.indexDir))!;
    const copy = join(ws.config.indexDir, DAMAGED);
    await cp(good, copy, { recursive: true });
    await writeFile(join(ws.config.indexDir, 'CURRENT'), `${DAMAGED}\n`);
    return damage.apply(copy, ws.config.indexDir);
  }

  it.each(damages)('GIVEN $what THEN loading names the file and says to run npm run ingest', async (damage) => {
    const file = await damageLive(damage);
    const error = await loadIndex(ws.config, embedder).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NewsdeskError);
    expect((error as NewsdeskError).userFacing).toBe(true);
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toContain('Run `npm run ingest`');
  });

  it.each(damages)(
    'GIVEN $what under a running bot THEN it keeps answering from the index in memory, and the log names the file',
    async (damage) => {
      const logger = createMemoryLogger();
      const live = await createLiveIndex(ws.config, embedder, logger, { pollMs: 60_000 });
      try {
        const before = live.current();
        const file = await damageLive(damage);
        expect(await live.refresh()).toBe(false);
        expect(live.current()).toBe(before);
        expect((await answerQuestion(live.current(), QUESTION)).answer).toMatch(/^4 December 2023/);
        expect(logger.lines.some((line) => line.includes(file))).toBe(true);
      } finally {
        live.close();
      }
    },
  );

  it.each(damages)('GIVEN $what THEN npm run ingest rebuilds a working index', async (damage) => {
    await damageLive(damage);
    const report = await ingest();
    expect(report.generation).not.toBeNull();
    expect((await answerQuestion(await loadIndex(ws.config, embedder), QUESTION)).answer).toMatch(/^4 December 2023/);
  });
});
