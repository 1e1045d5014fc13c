import { writeFile } from 'node:fs/promises';
import { NAME_TABLE_FILE } from '../bridgeNames.js';
import { listCldrNames } from './listCldrNames.js';

/**
 * `npm run build-names`: rewrites ingest/text/data/cldr-names.json from the CLDR data in this
 * Node's ICU. Run it after changing listCldrNames.ts or nameKey, or to take a newer CLDR; one
 * name per line, so a change reads as a diff.
 */
const names = listCldrNames();
const source = `CLDR ${process.versions.cldr} via ICU ${process.versions.icu} (Node ${process.version}), Intl.DisplayNames`;
const lines = names.map((row) => JSON.stringify(row));
await writeFile(NAME_TABLE_FILE, `{"source":${JSON.stringify(source)},"names":[\n${lines.join(',\n')}\n]}\n`);
process.stderr.write(`wrote ${names.length} names to ${NAME_TABLE_FILE}\n`);
