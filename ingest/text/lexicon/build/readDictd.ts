import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';

/**
 * A dictd dictionary as installed in /usr/share/dictd: `<name>.index` lists each headword with
 * the base64 offset and length of its entry in `<name>.dict.dz` (dictzip, which is gzip with
 * random-access chunks: zlib reads it whole). Entries several headwords share are read once.
 */

export type DictdEntry = {
  /** The headword as the index writes it (dictd lower-cases it for lookups). */
  headword: string;
  /** The entry's text: its headword line, then what the dictionary says of it. */
  text: string;
};

export type Dictd = {
  entries: DictdEntry[];
  /** The `00databaseinfo` entry: the dictionary's own description, edition and licence. */
  info: string;
};

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const indexLine = z.tuple([z.string(), z.string().regex(/^[A-Za-z0-9+/]+$/), z.string().regex(/^[A-Za-z0-9+/]+$/)]);

function decodeNumber(digits: string): number {
  let n = 0;
  for (const c of digits) n = n * 64 + BASE64.indexOf(c);
  return n;
}

/** dictd's own entries (database name, info, alphabet…), not words. */
const isDatabaseEntry = (headword: string) => headword.startsWith('00database') || headword.startsWith('00-database');

/** Reads `<base>.index` and `<base>.dict.dz`; throws naming the file and line of anything malformed. */
export async function readDictd(base: string): Promise<Dictd> {
  const [indexText, compressed] = await Promise.all([readFile(`${base}.index`, 'utf8'), readFile(`${base}.dict.dz`)]);
  const dict = gunzipSync(compressed);
  const entries: DictdEntry[] = [];
  const seen = new Set<number>();
  let info = '';
  indexText.split('\n').forEach((line, i) => {
    if (!line) return;
    const parsed = indexLine.safeParse(line.split('\t'));
    if (!parsed.success) throw new Error(`${base}.index:${i + 1}: expected "headword<TAB>offset<TAB>length" in base64 digits`);
    const [headword, offsetDigits, lengthDigits] = parsed.data;
    const offset = decodeNumber(offsetDigits);
    const end = offset + decodeNumber(lengthDigits);
    if (end > dict.length)
      throw new Error(`${base}.index:${i + 1}: entry ends at ${end}, past the end of ${base}.dict.dz (${dict.length} bytes)`);
    const text = dict.subarray(offset, end).toString('utf8');
    if (headword === '00databaseinfo') info = text;
    if (isDatabaseEntry(headword) || seen.has(offset)) return;
    seen.add(offset);
    entries.push({ headword: headword.trim(), text });
  });
  return { entries, info };
}
