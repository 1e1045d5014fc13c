import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArticle } from '../../helpers/parseArticle.js';
import { splitPassages, type SplitOptions } from '../../../ingest/pipeline/splitPassages.js';
import { createSeededRandom, type SeededRandom } from './createSeededRandom.js';
import type { BenchLanguage, SentencePools } from './readSentencePools.js';

/**
 * A deterministic multilingual news archive of about `passages` passages (as this project's
 * splitter counts them): Markdown articles with front-matter, each a few paragraphs of real
 * sentences drawn from the pools, spread over one folder per language.
 */

export type BenchCorpus = {
  seedsDir: string;
  files: number;
  /** Passages the project's splitter makes of the corpus. */
  passages: number;
  byLanguage: Partial<Record<BenchLanguage, number>>;
  /** Questions for latency and recall: word windows of corpus sentences, and pool questions. */
  questions: string[];
};

const LANGUAGE_WEIGHTS: [BenchLanguage, number][] = [
  ['id', 0.4],
  ['ar', 0.35],
  ['en', 0.25],
];
const QUESTIONS = 200;
/**
 * Files written at once: one await per file left the generator idle most of the time (84 % of a
 * 10k corpus's samples), which at a million passages is minutes.
 */
const PENDING_WRITES = 64;

function pickLanguage(random: SeededRandom, available: BenchLanguage[]): BenchLanguage {
  const weights = LANGUAGE_WEIGHTS.filter(([l]) => available.includes(l));
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  let roll = random.next() * total;
  for (const [language, weight] of weights) {
    roll -= weight;
    if (roll < 0) return language;
  }
  return weights[weights.length - 1]![0];
}

function writeParagraphs(random: SeededRandom, pool: readonly string[]): string[] {
  return Array.from({ length: random.between(3, 7) }, () =>
    Array.from({ length: random.between(2, 4) }, () => random.pick(pool)).join(' '),
  );
}

function renderArticle(meta: { title: string; published: string; language: string; url: string }, paragraphs: string[]): string {
  const frontMatter = [
    `title: ${JSON.stringify(meta.title)}`,
    `published: ${meta.published}`,
    `language: ${meta.language}`,
    `url: ${meta.url}`,
  ];
  return `---\n${frontMatter.join('\n')}\n---\n\n${paragraphs.join('\n\n')}\n`;
}

function titleFrom(sentence: string): string {
  return sentence
    .split(/\s+/)
    .slice(0, 9)
    .join(' ')
    .replace(/[.,:;!?؟،]+$/u, '');
}

function questionFrom(random: SeededRandom, sentence: string): string {
  const words = sentence.split(/\s+/);
  const length = Math.min(words.length, random.between(4, 8));
  const start = random.between(0, words.length - length);
  return words.slice(start, start + length).join(' ');
}

export async function writeBenchCorpus(seedsDir: string, pools: SentencePools, target: number, split: SplitOptions): Promise<BenchCorpus> {
  const random = createSeededRandom(20_240_505);
  const available = (['id', 'ar', 'en'] as const).filter((l) => pools[l].length > 0);
  const corpus: BenchCorpus = { seedsDir, files: 0, passages: 0, byLanguage: {}, questions: [] };
  const questionSources: string[] = [];
  const made = new Set<string>();
  const writes: Promise<void>[] = [];
  while (corpus.passages < target) {
    const language = pickLanguage(random, available);
    const n = corpus.files;
    const sourceId = `${language}/${String(n).padStart(6, '0')}.md`;
    const day = new Date(Date.UTC(2020, 0, 1) + random.between(0, 1800) * 86_400_000).toISOString().slice(0, 10);
    const paragraphs = writeParagraphs(random, pools[language]);
    const text = renderArticle(
      { title: titleFrom(random.pick(pools[language])), published: day, language, url: `https://news.example/${language}/${n}` },
      paragraphs,
    );
    const passages = splitPassages(parseArticle(sourceId, text), split).length;
    const dir = dirname(join(seedsDir, sourceId));
    if (!made.has(dir)) {
      await mkdir(dir, { recursive: true });
      made.add(dir);
    }
    writes.push(writeFile(join(seedsDir, sourceId), text));
    if (writes.length >= PENDING_WRITES) await Promise.all(writes.splice(0));
    corpus.files += 1;
    corpus.passages += passages;
    corpus.byLanguage[language] = (corpus.byLanguage[language] ?? 0) + passages;
    if (random.next() < 0.05 || questionSources.length < QUESTIONS) questionSources.push(random.pick(paragraphs));
  }
  await Promise.all(writes);
  const questionRandom = createSeededRandom(7);
  corpus.questions = Array.from({ length: QUESTIONS }, (_, i) =>
    i % 5 === 4 && pools.en.length > 0 ? questionRandom.pick(pools.en) : questionFrom(questionRandom, questionRandom.pick(questionSources)),
  );
  return corpus;
}

/** Replaces the last paragraph of one article, as an editor's correction would (`revision` makes each change differ). */
export async function changeOneArticle(seedsDir: string, sourceId: string, revision: number): Promise<void> {
  const path = join(seedsDir, sourceId);
  const text = await readFile(path, 'utf8');
  const cut = text.lastIndexOf('\n\n');
  await writeFile(
    path,
    `${text.slice(0, cut)}\n\nThis paragraph was rewritten by the benchmark (revision ${revision}) to change the article.\n`,
  );
}
