import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** A table `npm run build-names` writes from ICU (ingest/text/data): where ICU's version came from, and its rows. */
const tableSchema = z.object({ source: z.string(), rows: z.array(z.unknown()) });

/**
 * The rows of a table written from ICU by `npm run build-names`, each checked by `isRow`; throws
 * naming the file and the first bad row. Rows are checked by hand, not by a zod tuple per row:
 * zod took 40–57 ms over the 9,180 names, on the path of every process's first analysis.
 */
export function readCldrTable<Row>(file: string, isRow: (row: unknown) => row is Row, shape: string): Row[] {
  const fail = (reason: string): never => {
    throw new Error(`${file}: ${reason} (run npm run build-names)`);
  };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return fail((error as Error).message);
  }
  const parsed = tableSchema.safeParse(raw);
  if (!parsed.success) return fail(z.prettifyError(parsed.error));
  const { rows } = parsed.data;
  const bad = rows.findIndex((row) => !isRow(row));
  if (bad !== -1) fail(`rows[${bad}] is ${JSON.stringify(rows[bad])}, not ${shape}`);
  return rows as Row[];
}

/** Entries by the first word of their row's keys (the row's first field, words joined by spaces), in file order. */
export function byFirstKey<Row extends [string, ...unknown[]], Entry>(
  rows: readonly Row[],
  entry: (keys: string[], row: Row) => Entry,
): Map<string, Entry[]> {
  const table = new Map<string, Entry[]>();
  for (const row of rows) {
    const keys = row[0].split(' ');
    const list = table.get(keys[0]!);
    if (list) list.push(entry(keys, row));
    else table.set(keys[0]!, [entry(keys, row)]);
  }
  return table;
}

/** Writes a table for readCldrTable: one row per line, so a change reads as a diff. */
export function formatCldrTable(source: string, rows: readonly unknown[]): string {
  return `{"source":${JSON.stringify(source)},"rows":[\n${rows.map((row) => JSON.stringify(row)).join(',\n')}\n]}\n`;
}
