import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NAME_TABLE_FILE } from '../../../ingest/text/bridgeNames.js';
import { listCldrNames } from '../../../ingest/text/build/listCldrNames.js';

const committed = JSON.parse(readFileSync(NAME_TABLE_FILE, 'utf8')) as { source: string; names: [string, string][] };

describe('the CLDR name table', () => {
  const built = listCldrNames();

  it('GIVEN the names built from ICU THEN the EU, Niger and Palau are among them in Indonesian and Arabic, keyed as the text is matched', () => {
    expect(built).toContainEqual(['uni eropa', 'r:EU']);
    expect(built).toContainEqual(['اتحاد اوروبي', 'r:EU']);
    expect(built).toContainEqual(['نيجر', 'r:NE']);
    expect(built).toContainEqual(['بالاو', 'r:PW']);
    expect(built.some(([keys]) => keys === 'او')).toBe(false);
  });

  it('GIVEN the same CLDR version as the committed file THEN rebuilding it gives the committed rows (else the file names the CLDR it came from)', () => {
    if (committed.source.startsWith(`CLDR ${process.versions.cldr} `)) expect(built).toEqual(committed.names);
    else expect(committed.source).toMatch(/^CLDR \d+(\.\d+)* via ICU /);
  });
});
