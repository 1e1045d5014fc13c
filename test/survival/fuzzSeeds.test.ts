import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfflineEmbedder } from '../../ingest/embed/createEmbedder.js';
import { parseArticle } from '../helpers/parseArticle.js';
import { runIngest, type IngestReport } from '../../ingest/pipeline/runIngest.js';
import { splitPassages } from '../../ingest/pipeline/splitPassages.js';
import { answerQuestion } from '../../retrieval/answer/answerQuestion.js';
import { loadIndex } from '../../retrieval/open/loadIndex.js';
import { createMemoryLogger, createTempWorkspace, type TempWorkspace } from '../helpers/tempWorkspace.js';
import { generateHostileSeeds, SCRIPT_MARKER, type HostileSeed } from './support/generateHostileSeeds.js';
import { FULL_SURVIVAL, survivalCount } from './support/survivalScale.js';

const FILES = survivalCount(200, 1_200);

describe(`ingest of ${FILES} hostile seed files`, () => {
  let ws: TempWorkspace;
  let seeds: HostileSeed[];
  let report: IngestReport;
  const logger = createMemoryLogger();

  beforeAll(async () => {
    ws = await createTempWorkspace({ withSeeds: false });
    seeds = generateHostileSeeds(FILES);
    for (const seed of seeds) {
      const path = join(ws.config.seedsDir, seed.name);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, seed.bytes);
    }
    report = await runIngest(ws.config, { embedder: createOfflineEmbedder(), logger, tty: false });
  }, 600_000);
  afterAll(() => ws.cleanup());

  it('GIVEN every file THEN it is either ingested or skipped with a reason, never both, never lost', () => {
    const skipped = new Map(report.skipped.map((s) => [s.sourceId, s.reason]));
    const added = new Set(report.added);
    expect(report.added.length + report.skipped.length).toBe(seeds.length);
    for (const seed of seeds) {
      expect(added.has(seed.name) !== skipped.has(seed.name), seed.name).toBe(true);
      if (skipped.has(seed.name)) expect(skipped.get(seed.name)!.trim().length, seed.name).toBeGreaterThan(0);
      if (seed.expect.outcome === 'ingested') expect(added.has(seed.name), `${seed.name}: ${skipped.get(seed.name)}`).toBe(true);
      if (seed.expect.outcome === 'skipped') expect(skipped.get(seed.name), seed.name).toMatch(seed.expect.reason);
    }
    // Every skip is also logged as a warning naming the file.
    for (const { sourceId } of report.skipped)
      expect(
        logger.lines.some((l) => l.includes(`skipped ${sourceId}:`)),
        sourceId,
      ).toBe(true);
  });

  it('GIVEN the same article under several names THEN it is indexed once and the others name it', () => {
    const groups = new Map<string, HostileSeed[]>();
    for (const seed of seeds) if (seed.duplicateGroup) groups.set(seed.duplicateGroup, [...(groups.get(seed.duplicateGroup) ?? []), seed]);
    expect(groups.size).toBeGreaterThan(0);
    for (const members of groups.values()) {
      const indexed = members.filter((m) => report.added.includes(m.name));
      expect(indexed, members[0]!.name).toHaveLength(1);
      for (const other of members.filter((m) => m !== indexed[0])) {
        expect(report.skipped.find((s) => s.sourceId === other.name)?.reason).toBe(`duplicate of ${indexed[0]!.name}`);
      }
    }
  });

  it('GIVEN the resulting index THEN it loads, answers, and holds no script content', async () => {
    const index = await loadIndex(ws.config, createOfflineEmbedder());
    expect(index.store.sources.size).toBe(report.added.length);
    for (const passage of index.store.passages()) expect(passage.text).not.toContain(SCRIPT_MARKER);
    const answer = await answerQuestion(index, 'Kapan Niger mencabut perjanjian keamanan dengan Uni Eropa?');
    expect(answer.answer).not.toBeNull();
  });

  it('GIVEN the same hostile folder again THEN the run changes nothing and writes no generation', async () => {
    const again = await runIngest(ws.config, { embedder: createOfflineEmbedder(), logger: createMemoryLogger(), tty: false });
    expect({ rebuiltBecause: again.rebuiltBecause, changed: again.changed, added: again.added, removed: again.removed }).toEqual({
      rebuiltBecause: null,
      changed: [],
      added: [],
      removed: [],
    });
    expect(again.generation).toBeNull();
    expect(again.unchanged.length).toBe(report.added.length);
  }, 300_000);
});

describe('parsing a single 50 MB line', () => {
  const kinds = FULL_SURVIVAL ? ['.txt', '.md', '.html'] : ['.txt'];
  const words = ['niger', 'rusia', 'kerja', 'sama', 'pertahanan', 'militer', 'keamanan', 'regional'];
  const line = Array.from({ length: 7_500_000 }, (_, i) => words[i % words.length])
    .join(' ')
    .slice(0, 50 * 1024 * 1024);

  it.each(kinds)(
    'GIVEN a %s file holding one 50 MB line THEN it parses into passages within the size limit',
    (extension) => {
      const text = extension === '.html' ? `<html><body><p>${line}</p></body></html>` : line;
      const article = parseArticle(`huge${extension}`, text);
      const passages = splitPassages(article, { maxChars: 700, overlapChars: 150 });
      expect(passages.length).toBeGreaterThan(50_000);
      expect(Math.max(...passages.slice(0, 1000).map((p) => p.text.length))).toBeLessThanOrEqual(700);
    },
    300_000,
  );
});
