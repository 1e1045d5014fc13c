import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkFiles } from '../../../ingest/index/checkFiles.js';
import { describeFile } from '../../../ingest/index/storeFiles.js';
import type { FileRecord } from '../../../ingest/index/manifest.js';

// Both ways of hashing: in a worker thread (every size is past 0 bytes) and inline (none reaches Infinity).
describe.each([
  ['in a worker thread', 0],
  ['inline', Infinity],
])('checkFiles, hashing %s', (_how, asideBytes) => {
  let dir: string;
  let records: FileRecord[];

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'newsdesk-check-'));
    await writeFile(join(dir, 'vectors.hnsw'), Buffer.alloc(5000, 7));
    await writeFile(join(dir, 'postings.bin'), 'Niger mengakhiri kerja sama keamanan dengan Uni Eropa');
    records = [await describeFile(dir, 'vectors.hnsw'), await describeFile(dir, 'postings.bin')];
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('GIVEN files as their records say THEN the check passes', async () => {
    await expect(checkFiles(dir, records, asideBytes)).resolves.toBeUndefined();
  });

  it('GIVEN a file changed in place, its size kept THEN the check fails naming it: checksum mismatch', async () => {
    await writeFile(join(dir, 'postings.bin'), 'Niger mengakhiri kerja sama keamanan dengan Uni Eropx');
    await expect(checkFiles(dir, records, asideBytes)).rejects.toThrow(/postings\.bin.*checksum mismatch/s);
  });

  it('GIVEN a file of another size THEN the check fails naming it, with both sizes', async () => {
    await writeFile(join(dir, 'vectors.hnsw'), Buffer.alloc(4000, 7));
    await expect(checkFiles(dir, records, asideBytes)).rejects.toThrow(/vectors\.hnsw.*4000 bytes, the manifest says 5000/s);
  });

  it('GIVEN a file gone THEN the check fails naming it as missing', async () => {
    await rm(join(dir, 'vectors.hnsw'));
    await expect(checkFiles(dir, records, asideBytes)).rejects.toThrow(/vectors\.hnsw.*missing/s);
  });
});
