import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as lancedb from '@lancedb/lancedb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempWorkspace, INDONESIAN_SEED, ARABIC_SEED, type TempWorkspace } from '../helpers/tempWorkspace.js';
import { changeOneArticle } from './corpus/writeBenchCorpus.js';
import { lancedbSystem } from './systems/lancedbSystem.js';

/** The LanceDB peer on the project's real seeds, in a temp folder: what the bench's phases run. */

let workspace: TempWorkspace;
let paths: { seedsDir: string; indexDir: string };

async function rowsOf(source: string): Promise<string[]> {
  const table = await (await lancedb.connect(paths.indexDir)).openTable('passages');
  const rows = (await table.query().where(`source = '${source}'`).select(['text']).toArray()) as { text: string }[];
  return rows.map((r) => r.text);
}

beforeEach(async () => {
  workspace = await createTempWorkspace();
  paths = { seedsDir: workspace.config.seedsDir, indexDir: join(workspace.root, 'lancedb') };
});
afterEach(() => workspace.cleanup());

describe('LanceDB bench peer', () => {
  it('GIVEN the seeds built into LanceDB WHEN one article changes and ingest runs again THEN only its passages are embedded again and its old text is gone', async () => {
    const built = await lancedbSystem.ingest(paths);
    expect(built.embedded).toBe(built.passages);
    const untouched = await rowsOf(ARABIC_SEED);

    const before = await readFile(join(paths.seedsDir, INDONESIAN_SEED), 'utf8');
    const lastParagraph = before.slice(before.lastIndexOf('\n\n')).trim();
    expect((await rowsOf(INDONESIAN_SEED)).join(' ')).toContain(lastParagraph);
    await changeOneArticle(paths.seedsDir, INDONESIAN_SEED, 1);
    const again = await lancedbSystem.ingest(paths);

    const changed = await rowsOf(INDONESIAN_SEED);
    expect(again.embedded).toBe(changed.length);
    expect(changed.join(' ')).toContain('rewritten by the benchmark (revision 1)');
    expect(changed.join(' ')).not.toContain(lastParagraph);
    expect(again.passages).toBe(untouched.length + changed.length);
    expect(await rowsOf(ARABIC_SEED)).toEqual(untouched);
  });

  it('GIVEN a built table WHEN an article is deleted and ingest runs again THEN its rows are gone and nothing is embedded', async () => {
    await lancedbSystem.ingest(paths);
    await rm(join(paths.seedsDir, ARABIC_SEED));
    const again = await lancedbSystem.ingest(paths);
    expect(again.embedded).toBe(0);
    expect(await rowsOf(ARABIC_SEED)).toEqual([]);
    expect(again.passages).toBe((await rowsOf(INDONESIAN_SEED)).length);
  });

  it('GIVEN a built table WHEN questions are asked THEN one latency per question and round is reported, and its vector search finds the exact neighbours by the same labels', async () => {
    await lancedbSystem.ingest(paths);
    const text = await readFile(join(paths.seedsDir, INDONESIAN_SEED), 'utf8');
    const questions = [text.split(/\s+/).slice(40, 46).join(' '), 'banjir di Jakarta'];
    const served = await lancedbSystem.serve(paths, questions);
    expect(served.latenciesMs).toHaveLength(questions.length * 2);
    expect(served.loadSeconds).toBeGreaterThan(0);
    expect(served.firstMs).toBeGreaterThan(0);
    const recall = await lancedbSystem.recall(paths, questions);
    // Labels that did not match (row ids against offsets) would give 0, whatever the graph found.
    expect(recall).toBeGreaterThan(0.5);
  });
});
