import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfflineEmbedder } from '../../ingest/embed/createEmbedder.js';
import { runIngest } from '../../ingest/pipeline/runIngest.js';
import { answerQuestion } from '../../retrieval/answer/answerQuestion.js';
import { formatAnswerText } from '../../retrieval/answer/formatAnswerText.js';
import { loadIndex } from '../../retrieval/open/loadIndex.js';
import { estimateContainment, fingerprintStory, SAME_STORY_CONTAINMENT } from '../../retrieval/news/storyFingerprint.js';
import { retrievePassages } from '../../retrieval/retrievePassages.js';
import {
  ARABIC_SEED,
  createMemoryLogger,
  createTempWorkspace,
  INDONESIAN_SEED,
  PROJECT_SEEDS,
  type TempWorkspace,
} from '../helpers/tempWorkspace.js';

const COPY = 'syndicated/antara_niger.txt';

/** The Indonesian seed as another outlet would carry it: its own banner, byline, ad markers and a few words changed. */
function rewriteAsAnotherOutlet(text: string): string {
  const edits: [string, string][] = [
    ['Vietnam.vn - Nền tảng quảng bá Việt Nam', 'Antaranews.com - Portal Berita Indonesia'],
    ['Công LuậnCông Luận05/12/2023', 'Antara 06/12/2023'],
    ['[iklan_1]', '[ad_1]'],
    ['pernyataan singkat', 'pernyataan pendek'],
    ['kunjungan langka', 'kunjungan yang jarang terjadi'],
    ['Sebagian besar sekutu', 'Kebanyakan sekutu'],
  ];
  return edits.reduce((t, [from, to]) => {
    expect(t, from).toContain(from);
    return t.replace(from, to);
  }, text);
}

describe('near-duplicate articles collapse into one story', () => {
  let ws: TempWorkspace;
  beforeAll(async () => {
    ws = await createTempWorkspace();
    const original = await readFile(join(PROJECT_SEEDS, INDONESIAN_SEED), 'utf8');
    await mkdir(join(ws.config.seedsDir, 'syndicated'));
    await writeFile(join(ws.config.seedsDir, COPY), rewriteAsAnotherOutlet(original));
    await runIngest(ws.config, { embedder: createOfflineEmbedder(), logger: createMemoryLogger(), tty: false });
  });
  afterAll(() => ws.cleanup());

  it.each(['Who led the Russian delegation that visited Niger?', 'when did Niger end EU cooperation?'])(
    'GIVEN a rewritten copy under another name WHEN asked "%s" THEN one citation carries the story and names the other outlet',
    async (question) => {
      const index = await loadIndex(ws.config, createOfflineEmbedder());
      expect(index.store.sources.get(COPY)?.publisher).toBe('Antara');
      const answer = await answerQuestion(index, question);
      const copies = [INDONESIAN_SEED, COPY];
      const cited = answer.citations.filter((c) => copies.includes(c.sourceId));
      expect(new Set(cited.map((c) => c.sourceId)).size).toBe(1);
      const story = cited[0]!;
      const other = copies.find((id) => id !== story.sourceId)!;
      expect(story.alsoReportedBy?.map((o) => o.sourceId)).toEqual([other]);
      expect(story.alsoReportedBy?.[0]!.publisher).toBe(other === COPY ? 'Antara' : 'Công Luận');
      expect(formatAnswerText(answer)).toContain(`(also reported by ${other === COPY ? 'Antara' : 'Công Luận'})`);
    },
  );

  it('GIVEN a different story THEN it is not collapsed', async () => {
    const index = await loadIndex(ws.config, createOfflineEmbedder());
    const { passages } = await retrievePassages(index, 'Russian S-300 air defence in Niger', { limit: 6, perSource: 1 });
    const arabic = passages.find((p) => p.record.sourceId === ARABIC_SEED);
    expect(arabic?.alsoReportedBy).toEqual([]);
    expect(passages.map((p) => p.record.sourceId).filter((id) => id === INDONESIAN_SEED || id === COPY)).toHaveLength(1);
  });
});

describe('story fingerprints', () => {
  const words = (from: number, count: number) => Array.from({ length: count }, (_, i) => `word${from + i}`).join(' ');

  it('GIVEN the same text THEN containment 1; unrelated texts THEN about 0', () => {
    const a = fingerprintStory([words(0, 300)]);
    expect(estimateContainment(a, fingerprintStory([words(0, 300)]))).toBe(1);
    expect(estimateContainment(a, fingerprintStory([words(1000, 300)]))).toBeLessThan(0.1);
  });

  it('GIVEN a copy cut to its first half, in other passages THEN still the same story', () => {
    const full = fingerprintStory([words(0, 150), words(140, 160)]);
    const half = fingerprintStory([words(0, 150)]);
    expect(estimateContainment(full, half)).toBeGreaterThanOrEqual(SAME_STORY_CONTAINMENT);
  });

  it('GIVEN two texts sharing a quarter of their words THEN not the same story', () => {
    const a = fingerprintStory([words(0, 400)]);
    const b = fingerprintStory([words(300, 400)]);
    expect(estimateContainment(a, b)).toBeLessThan(SAME_STORY_CONTAINMENT);
  });
});

describe('recency between equally relevant passages', () => {
  let ws: TempWorkspace;
  beforeAll(async () => {
    ws = await createTempWorkspace({ withSeeds: false });
    await mkdir(ws.config.seedsDir, { recursive: true });
  });
  afterAll(() => ws.cleanup());

  // The same report opens both articles and fills their first passage (it is close to the
  // 700-character passage size); what follows differs, so they are not one story.
  const shared =
    'The harbour authority of Port Kelvin announced that the northern breakwater will be rebuilt with reinforced concrete blocks. ' +
    'Engineers said the old granite wall had been undermined by winter storms for several years. ' +
    'Fishing boats will use the southern basin while the work goes on, and the ferry timetable stays the same. ' +
    'The authority expects the breakwater to be finished before the next storm season begins in the autumn. ' +
    'A spokesman added that the contractor, chosen after a public tender, will publish weekly progress notes at the harbour office.';
  const followUps = {
    a:
      'Separately, after a long evening of debate that ran well past midnight, the town council approved a new public library on the market square, with a reading room for children, a small theatre and a cafe. ' +
      'Its architect described timber floors, tall windows facing the sea, and a roof garden that volunteers from the gardening club will look after.',
    b:
      'In other business, after three weeks of difficult talks that had stopped most services twice, bus drivers agreed on a pay settlement with the regional transport company and its new owners. ' +
      'Their union said night routes to the hospital and the university campus will run again from the first Monday of next month.',
  };
  const article = (published: string, followUp: string) =>
    `---\ntitle: "Port Kelvin notes"\npublished: ${published}\nlanguage: en\n---\n\n${shared}\n\n${followUp}\n`;

  const firstSourceFor = async (dates: { a: string; b: string }) => {
    await writeFile(join(ws.config.seedsDir, 'a.md'), article(dates.a, followUps.a));
    await writeFile(join(ws.config.seedsDir, 'b.md'), article(dates.b, followUps.b));
    await rm(ws.config.indexDir, { recursive: true, force: true });
    await runIngest(ws.config, { embedder: createOfflineEmbedder(), logger: createMemoryLogger(), tty: false });
    const index = await loadIndex(ws.config, createOfflineEmbedder());
    const { passages } = await retrievePassages(index, 'When will the northern breakwater be rebuilt?', { limit: 2, perSource: 1 });
    expect(passages.map((p) => p.document.pageContent)).toEqual([shared, shared]);
    expect(passages[0]!.score).toBe(passages[1]!.score);
    return passages[0]!.record.sourceId;
  };

  it('GIVEN the same passage in an older and a newer article THEN the newer ranks first, whichever file it is', async () => {
    expect(await firstSourceFor({ a: '2021-03-01', b: '2024-06-01' })).toBe('b.md');
    expect(await firstSourceFor({ a: '2024-06-01', b: '2021-03-01' })).toBe('a.md');
  });
});
