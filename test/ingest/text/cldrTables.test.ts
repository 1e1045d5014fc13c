import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NAME_TABLE_FILE } from '../../../ingest/text/bridgeNames.js';
import { listCldrMonths } from '../../../ingest/text/build/listCldrMonths.js';
import { listCldrNames } from '../../../ingest/text/build/listCldrNames.js';
import { MONTH_TABLE_FILE } from '../../../ingest/text/findDates.js';
import { formatCldrTable, readCldrTable } from '../../../ingest/text/readCldrTable.js';

const committed = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as { source: string; rows: unknown[] };

describe.each([
  { table: 'the CLDR name table', file: NAME_TABLE_FILE, build: listCldrNames },
  { table: 'the CLDR month table', file: MONTH_TABLE_FILE, build: listCldrMonths },
])('$table', ({ file, build }) => {
  it('GIVEN the same CLDR version as the committed file THEN rebuilding it gives the committed rows (else the file names the CLDR it came from)', () => {
    const { source, rows } = committed(file);
    if (source.startsWith(`CLDR ${process.versions.cldr} `)) expect(build()).toEqual(rows);
    else expect(source).toMatch(/^CLDR \d+(\.\d+)* via ICU /);
  });
});

describe('the CLDR names built from ICU', () => {
  const built = listCldrNames();

  it('GIVEN the names built from ICU THEN the EU, Niger and Palau are among them in Indonesian and Arabic, keyed as the text is matched', () => {
    expect(built).toContainEqual(['uni eropa', 'r:EU']);
    expect(built).toContainEqual(['اتحاد اوروبي', 'r:EU']);
    expect(built).toContainEqual(['نيجر', 'r:NE']);
    expect(built).toContainEqual(['بالاو', 'r:PW']);
    expect(built.some(([keys]) => keys === 'او')).toBe(false);
  });
});

describe('the CLDR months built from ICU', () => {
  const built = listCldrMonths();

  it('GIVEN the months built from ICU THEN Indonesian, Egyptian and Levantine Arabic names are among them, two-word names before one-word ones of the same first word', () => {
    expect(built).toContainEqual(['desember', 12, false]);
    expect(built).toContainEqual(['ديسمبر', 12, false]);
    expect(built).toContainEqual(['كانون الثاني', 1, false]);
    const kanun = built.filter(([keys]) => keys.split(' ')[0] === 'كانون').map(([keys]) => keys.split(' ').length);
    expect(kanun).toEqual([...kanun].sort((a, b) => b - a));
  });
});

describe('readCldrTable', () => {
  const isPair = (row: unknown): row is [string, number] => Array.isArray(row) && typeof row[0] === 'string' && typeof row[1] === 'number';

  it('GIVEN a table whose third row is not of its shape THEN reading it fails naming the file, the row and the command that rebuilds it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'newsdesk-cldr-'));
    try {
      const file = join(dir, 'table.json');
      await writeFile(
        file,
        formatCldrTable('CLDR 48.0 via ICU 78.2', [
          ['a', 1],
          ['b', 2],
          ['c', 'three'],
        ]),
      );
      expect(() => readCldrTable(file, isPair, '[name, number]')).toThrow(
        `${file}: rows[2] is ["c","three"], not [name, number] (run npm run build-names)`,
      );
      await writeFile(file, formatCldrTable('CLDR 48.0 via ICU 78.2', [['a', 1]]));
      expect(readCldrTable(file, isPair, '[name, number]')).toEqual([['a', 1]]);
      await writeFile(file, '{"rows": [');
      expect(() => readCldrTable(file, isPair, '[name, number]')).toThrow(new RegExp(`^${file}: .*JSON.*run npm run build-names`));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
