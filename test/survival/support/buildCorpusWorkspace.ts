import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { readSentencePools } from '../../bench/corpus/readSentencePools.js';
import { writeBenchCorpus } from '../../bench/corpus/writeBenchCorpus.js';
import { PROJECT_SEEDS } from '../../helpers/tempWorkspace.js';

/** The shared eval corpora when present (their sentences make a realistic archive); the project seeds alone otherwise. */
export const EVAL_DIR = process.env.NEWSDESK_EVAL_DIR ?? '/work/shared/eval';

/** A generated multilingual archive of about `passages` passages in `seedsDir`; returns its questions. */
export async function writeArchive(seedsDir: string, passages: number): Promise<string[]> {
  const pools = await readSentencePools(PROJECT_SEEDS, EVAL_DIR);
  const corpus = await writeBenchCorpus(seedsDir, pools, passages, { maxChars: 700, overlapChars: 150 });
  return corpus.questions;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/**
 * A copy of `from` with every `step`-th article edited, `removed` articles deleted and `added`
 * new ones: the next version of an archive, for a re-ingest to pick up.
 */
export async function writeNextVersion(
  from: string,
  to: string,
  { step, removed, added }: { step: number; removed: number; added: number },
): Promise<void> {
  await rm(to, { recursive: true, force: true });
  await cp(from, to, { recursive: true });
  const files = await listFiles(to);
  for (let i = 0; i < files.length; i += step) {
    const path = join(to, files[i]!);
    await writeFile(path, `${await readFile(path, 'utf8')}\nThis paragraph was added by an editor in version two of article ${i}.\n`);
  }
  for (const file of files.slice(-removed)) await rm(join(to, file));
  for (let i = 0; i < added; i++) {
    await writeFile(
      join(to, `added-${i}.md`),
      `---\ntitle: Added article ${i}\nlanguage: en\n---\n\nThe lighthouse keepers of island ${i} reported a storm that damaged the harbour and the northern pier.\n`,
    );
  }
}
