import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTrack } from './readTrack.js';

describe('readTrack', () => {
  const withTrack = async (corpus: string, questions: string, check: (dir: string) => Promise<void>) => {
    const dir = await mkdtemp(join(tmpdir(), 'newsdesk-track-'));
    try {
      await writeFile(join(dir, 'corpus.jsonl'), corpus);
      await writeFile(join(dir, 'questions.jsonl'), questions);
      await check(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
  const doc = '{"id":"d1","lang":"id","title":"","text":"Teks artikel."}\n';

  it('GIVEN a question line missing its answers THEN the error names the file, the line and the field', async () => {
    const questions =
      '{"id":"q1","lang":"en","question":"Why?","answers":["x"],"doc_id":"d1"}\n{"id":"q2","lang":"en","question":"How?","doc_id":"d1"}\n';
    await withTrack(doc, questions, async (dir) => {
      await expect(readTrack(dir, 't')).rejects.toThrow(new RegExp(`questions\\.jsonl:2: .*answers`));
    });
  });

  it('GIVEN a line that is not JSON THEN the error names the file and the line', async () => {
    await withTrack(`${doc}{not json}\n`, '', async (dir) => {
      await expect(readTrack(dir, 't')).rejects.toThrow(/corpus\.jsonl:2: not JSON/);
    });
  });

  it('GIVEN a question whose gold document is not in the corpus THEN it is refused', async () => {
    await withTrack(doc, '{"id":"q1","lang":"en","question":"Why?","answers":["x"],"doc_id":"d9"}\n', async (dir) => {
      await expect(readTrack(dir, 't')).rejects.toThrow(/questions\.jsonl:1: doc_id "d9" is not in corpus\.jsonl/);
    });
  });
});
