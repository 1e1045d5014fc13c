import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArticle } from '../../helpers/parseArticle.js';
import { baseLanguage } from '../../../ingest/text/baseLanguage.js';
import { findSentences } from '../../../ingest/text/findSentences.js';

/**
 * Real sentences to build the bench corpus from, read at run time: the project's seed articles
 * always, and the shared eval set's corpora (Indonesian, Arabic) and English questions when that
 * directory exists. Nothing from the eval set is copied into the project.
 */

export type BenchLanguage = 'id' | 'ar' | 'en';
export type SentencePools = Record<BenchLanguage, string[]> & { origins: string[] };

const MIN_CHARS = 30;
const MAX_CHARS = 400;

function addSentences(pool: Set<string>, text: string, language: string): void {
  for (const span of findSentences(text, language)) {
    const sentence = text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
    if (sentence.length >= MIN_CHARS && sentence.length <= MAX_CHARS) pool.add(sentence);
  }
}

const isBenchLanguage = (value: unknown): value is BenchLanguage => value === 'id' || value === 'ar' || value === 'en';

async function readJsonLines(path: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(path, 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

async function listEvalTracks(evalDir: string): Promise<string[]> {
  try {
    const entries = await readdir(evalDir, { withFileTypes: true });
    return entries
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

export async function readSentencePools(seedsDir: string, evalDir: string): Promise<SentencePools> {
  const pools: Record<BenchLanguage, Set<string>> = { id: new Set(), ar: new Set(), en: new Set() };
  const origins: string[] = [];
  for (const name of (await readdir(seedsDir)).sort()) {
    const article = parseArticle(name, await readFile(join(seedsDir, name), 'utf8'));
    const language = baseLanguage(article.language);
    if (isBenchLanguage(language)) addSentences(pools[language], article.text, language);
  }
  origins.push(seedsDir);
  for (const track of await listEvalTracks(evalDir)) {
    const dir = join(evalDir, track);
    for (const doc of await readJsonLines(join(dir, 'corpus.jsonl'))) {
      if (isBenchLanguage(doc.lang) && typeof doc.text === 'string') addSentences(pools[doc.lang], doc.text, doc.lang);
    }
    // The corpora hold no English prose; the English questions of the cross-lingual tracks are real English sentences.
    for (const question of await readJsonLines(join(dir, 'questions.jsonl'))) {
      if (question.lang === 'en' && typeof question.question === 'string') pools.en.add(question.question.trim());
    }
    origins.push(dir);
  }
  return { id: [...pools.id], ar: [...pools.ar], en: [...pools.en], origins };
}
