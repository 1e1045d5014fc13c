import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OfflineEmbeddings } from '../../../../ingest/embed/offlineEmbeddings.js';
import { TermDictionary } from '../../../../ingest/index/lexicalPostings.js';
import type { SplitOptions } from '../../../../ingest/pipeline/splitPassages.js';
import type { PreparedArticle } from '../../../../ingest/pipeline/prepare/prepareArticle.js';
import { prepareInOrder, type PrepareInOrderOptions, type PrepareItem } from '../../../../ingest/pipeline/prepare/prepareInOrder.js';
import { openSeedFolder } from '../../../../ingest/pipeline/seeds/openSeedFolder.js';
import { readSeedFile } from '../../../../ingest/pipeline/seeds/readSeedFile.js';
import { createTempWorkspace, type TempWorkspace } from '../../../helpers/tempWorkspace.js';

/** A word of its own for article `n` ("zorbab…x"), to tell from the dictionary whether that article has been prepared. */
function markerOf(n: number): string {
  return `zorb${n.toString(26).replace(/./g, (d) => String.fromCharCode(97 + parseInt(d, 26)))}x`;
}

/** How many articles the scheduler sends to the workers before this thread starts preparing (PREPARE_AHEAD). */
const SENT_AHEAD = 16;

/** parallelFromChars: worker threads whatever the run's size, or none. */
const ALWAYS = 0;
const NEVER = Infinity;

describe('prepareInOrder', () => {
  let ws: TempWorkspace;
  let dictionary: TermDictionary;
  let started: Worker[];
  const onWorker = (worker: Worker) => started.push(worker);
  const split: SplitOptions = { maxChars: 700, overlapChars: 150 };

  /** Writes article 0, `large` (about 100 KB, slow to prepare) or small like the rest, and `small` more after it; the items in that order. */
  async function writeArticles(small: number, { large }: { large: boolean }): Promise<PrepareItem[]> {
    const items: PrepareItem[] = [];
    for (let n = 0; n <= small; n++) {
      const sentences = n === 0 && large ? 1_000 : 3;
      const body = Array.from(
        { length: sentences },
        (_, i) => `Warga desa ${markerOf(n)} merayakan panen padi yang ke-${i} tahun ini bersama petani.`,
      ).join(' ');
      const sourceId = `${String(n).padStart(3, '0')}.txt`;
      await writeFile(join(ws.config.seedsDir, sourceId), `Kabar panen ${markerOf(n)}\n\n${body}\n`);
      const read = readSeedFile(await openSeedFolder(ws.config), sourceId);
      if (!read.ok) throw new Error(read.skip.reason);
      items.push({ job: { sourceId, text: read.file.text, split }, chars: read.file.text.length });
    }
    return items;
  }

  function options(parallelFromChars: number, workers = 1): PrepareInOrderOptions {
    return { embeddings: new OfflineEmbeddings(), dictionary, parallelFromChars, workers };
  }

  async function collect(items: PrepareItem[], opts: PrepareInOrderOptions): Promise<[PrepareItem, PreparedArticle][]> {
    const yielded: [PrepareItem, PreparedArticle][] = [];
    for await (const entry of prepareInOrder(items, opts)) yielded.push(entry);
    return yielded;
  }

  const isKnown = (n: number) => dictionary.id(markerOf(n)) !== -1;

  beforeEach(async () => {
    ws = await createTempWorkspace({ withSeeds: false });
    await mkdir(ws.config.seedsDir);
    dictionary = new TermDictionary();
    started = [];
    process.on('worker', onWorker);
  });
  afterEach(async () => {
    process.off('worker', onWorker);
    await Promise.all(started.map((w) => w.terminate()));
    await ws.cleanup();
  });

  it('GIVEN a slow first article in one worker while later ones finish first elsewhere THEN every article is yielded in the order given', async () => {
    const items = await writeArticles(12, { large: true });
    const yielded = await collect(items, options(ALWAYS, 2));

    expect(started).toHaveLength(2);
    expect(yielded.map(([item]) => item)).toEqual(items);
    for (const [n, [, prepared]] of yielded.entries()) {
      if (!prepared.ok) throw new Error(prepared.reason);
      expect(prepared.passages[0]!.text).toContain(markerOf(n));
    }
  });

  it.each([
    ['in a worker', ALWAYS],
    ['in this thread', NEVER],
  ])(
    'GIVEN a file whose preparing throws, %s THEN that article comes back not ok with the reason and the rest are prepared',
    async (_where, parallelFromChars) => {
      const items = await writeArticles(4, { large: false });
      // Within the first SENT_AHEAD, so with workers it is one of theirs; split options it cannot read make prepareArticle throw.
      items[1] = { ...items[1]!, job: { ...items[1]!.job, split: undefined as unknown as SplitOptions } };
      const yielded = await collect(items, options(parallelFromChars));

      expect(started).toHaveLength(parallelFromChars === ALWAYS ? 1 : 0);
      expect(yielded.map(([item]) => item)).toEqual(items);
      expect(yielded[1]![1]).toEqual({ ok: false, reason: expect.stringMatching(/^could not be prepared \(.*maxChars.*\)$/) });
      expect(yielded.filter(([, prepared]) => prepared.ok)).toHaveLength(items.length - 1);
    },
  );

  it('GIVEN the only worker stops while it holds the slow first article and those queued behind it THEN that one is reported and the rest are prepared here, in order', async () => {
    const items = await writeArticles(SENT_AHEAD + 4, { large: true });
    // Stopped from outside (the pool did not close it), as a worker that runs out of memory stops.
    process.once('worker', (worker: Worker) => worker.once('online', () => void worker.terminate()));
    const yielded = await collect(items, options(ALWAYS));

    expect(started).toHaveLength(1);
    expect(yielded.map(([item]) => item)).toEqual(items);
    expect(yielded[0]![1]).toEqual({
      ok: false,
      reason: expect.stringMatching(/^its worker stopped while preparing it \(exit code \d+\)$/),
    });
    expect(yielded.slice(1).every(([, prepared]) => prepared.ok)).toBe(true);
  });

  it('GIVEN the worker is still on a slow article THEN this thread prepares the next ones meanwhile and none is lost or out of order', async () => {
    const items = await writeArticles(40, { large: true });
    const known: boolean[][] = [];
    const yielded: PrepareItem[] = [];
    for await (const [item, prepared] of prepareInOrder(items, options(ALWAYS))) {
      if (!prepared.ok) throw new Error(prepared.reason);
      known.push(items.map((_, n) => isKnown(n)));
      yielded.push(item);
    }

    expect(started).toHaveLength(1);
    expect(yielded).toEqual(items);
    // The first article after those sent to the worker was prepared by this thread before the slow one was back.
    expect(known[0]![SENT_AHEAD]).toBe(true);
    expect(known.at(-1)!.every(Boolean)).toBe(true);
  });

  it.each([
    [
      'breaks',
      async (articles: AsyncGenerator<unknown>) => {
        for await (const _ of articles) break;
      },
    ],
    [
      'throws',
      async (articles: AsyncGenerator<unknown>) => {
        await expect(async () => {
          for await (const _ of articles) throw new Error('insert failed');
        }).rejects.toThrow('insert failed');
      },
    ],
  ])('GIVEN the caller %s after the first article THEN every worker is stopped', async (_how, consume) => {
    const items = await writeArticles(SENT_AHEAD * 2, { large: false });
    await consume(prepareInOrder(items, options(ALWAYS, 2)));

    expect(started).toHaveLength(2);
    // A worker's threadId turns -1 once its thread has stopped.
    expect(started.map((w) => w.threadId)).toEqual([-1, -1]);
  });
});
