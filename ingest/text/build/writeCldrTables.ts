import { writeFile } from 'node:fs/promises';
import { NAME_TABLE_FILE } from '../bridgeNames.js';
import { MONTH_TABLE_FILE } from '../findDates.js';
import { formatCldrTable } from '../readCldrTable.js';
import { listCldrMonths } from './listCldrMonths.js';
import { listCldrNames } from './listCldrNames.js';

/**
 * `npm run build-names`: rewrites ingest/text/data/cldr-names.json (from `Intl.DisplayNames`) and
 * cldr-months.json (from `Intl.DateTimeFormat`) from the CLDR data in this Node's ICU. Run it
 * after changing listCldrNames.ts, listCldrMonths.ts, nameKey or folding, or to take a newer CLDR.
 */
const icu = `CLDR ${process.versions.cldr} via ICU ${process.versions.icu} (Node ${process.version})`;
for (const { file, rows, api } of [
  { file: NAME_TABLE_FILE, rows: listCldrNames(), api: 'Intl.DisplayNames' },
  { file: MONTH_TABLE_FILE, rows: listCldrMonths(), api: 'Intl.DateTimeFormat' },
]) {
  await writeFile(file, formatCldrTable(`${icu}, ${api}`, rows));
  process.stderr.write(`wrote ${rows.length} rows to ${file}\n`);
}
