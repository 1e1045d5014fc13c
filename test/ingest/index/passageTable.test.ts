import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NewsdeskError } from '../../../ingest/core/errors.js';
import { readPassageTable, writePassageTable } from '../../../ingest/index/passageTable.js';
import type { PassageLine } from '../../../ingest/index/storeFiles.js';

/** An article cut into overlapping passages, as splitPassages cuts them (each text a slice of the article's). */
function passagesOf(sourceId: string, text: string, cuts: [number, number][], firstLabel: number): PassageLine[] {
  return cuts.map(([start, end], ordinal) => ({
    label: firstLabel + ordinal,
    sourceId,
    ordinal,
    start,
    end,
    text: text.slice(start, end),
  }));
}

const ARABIC = 'وصلت القوات الروسية ومنظومة إس-300 إلى النيجر. ' + 'وقال المتحدث إن التعاون سيستمر. '.repeat(4);
const EMOJI = 'Niger 🇳🇪 memutus kerja sama 🤝 dengan Uni Eropa. Delegasi Rusia tiba 🛬 di Niamey.';
const PASSAGES = [
  ...passagesOf(
    'ar/001.md',
    ARABIC,
    [
      [0, 60],
      [40, 120],
      [100, ARABIC.length],
    ],
    0,
  ),
  ...passagesOf(
    'id/002.txt',
    EMOJI,
    [
      [0, EMOJI.indexOf(' Delegasi')],
      [EMOJI.indexOf('🤝'), EMOJI.length],
    ],
    3,
  ),
  // Passages that do not overlap, and one whose recorded place is not its text's, are stored whole.
  ...passagesOf(
    'id/004.txt',
    EMOJI,
    [
      [0, 20],
      [20, EMOJI.length],
    ],
    5,
  ),
  { label: 7, sourceId: 'id/004.txt', ordinal: 2, start: 30, end: 60, text: 'not the article text at 30–60' },
  ...passagesOf('en/003.md', 'One passage, alone.', [[0, 19]], 9),
];

describe('passage table', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'newsdesk-passages-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('GIVEN overlapping passages in several scripts THEN reading gives them back exactly, their overlaps stored once', async () => {
    const path = join(dir, 'passages.bin');
    await writePassageTable(path, PASSAGES);
    expect(await readPassageTable(path)).toEqual(PASSAGES);
    // The texts stored are each article's once (the unrelated text whole), not every passage's.
    const articles = [ARABIC, EMOJI, EMOJI, PASSAGES[7]!.text, PASSAGES[8]!.text];
    expect((await readFile(path)).readUInt32LE(16)).toBe(articles.reduce((sum, text) => sum + Buffer.byteLength(text), 0));
  });

  it('GIVEN a passage read back, its text not read yet THEN a copy by spreading or JSON carries the text', async () => {
    const path = join(dir, 'passages.bin');
    await writePassageTable(path, PASSAGES);
    const [first, second] = await readPassageTable(path);
    expect({ ...first }).toEqual(PASSAGES[0]);
    expect(JSON.parse(JSON.stringify(second))).toEqual(PASSAGES[1]);
    expect(second!.text).toBe(PASSAGES[1]!.text);
  });

  it('GIVEN no passages THEN the table reads back empty', async () => {
    const path = join(dir, 'passages.bin');
    await writePassageTable(path, []);
    expect(await readPassageTable(path)).toEqual([]);
  });

  it.each([
    ['not a passages file', (b: Buffer) => b.fill(0, 0, 4), /not a passages file/],
    ['cut short', (b: Buffer) => b.subarray(0, b.length - 3), /bytes, its header describes/],
    [
      'a passage whose text lies beyond the texts',
      (b: Buffer) => (b.writeUInt32LE(0xffffff, 24 + b.readUInt32LE(16) + 20), b),
      /passage 0 points outside the file/,
    ],
  ])('GIVEN a file %s THEN reading throws INDEX_DAMAGED naming it', async (_what, damage, reason) => {
    const path = join(dir, 'passages.bin');
    await writePassageTable(path, PASSAGES);
    await writeFile(path, damage(await readFile(path)));
    const error = await readPassageTable(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NewsdeskError);
    expect((error as NewsdeskError).code).toBe('INDEX_DAMAGED');
    expect((error as Error).message).toContain(path);
    expect((error as Error).message).toMatch(reason);
  });
});
