import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * An evaluation track on disk: a folder holding `corpus.jsonl` (one article per line) and
 * `questions.jsonl` (one question per line, naming its gold article). Every line is validated;
 * a bad one throws an Error naming the file and the line.
 */

export const CORPUS_FILE = 'corpus.jsonl';
export const QUESTIONS_FILE = 'questions.jsonl';

const languageTag = z.string().regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]+)*$/, 'expected a language tag such as "id" or "ar"');

export const corpusLineSchema = z.object({
  id: z.string().min(1),
  lang: languageTag,
  title: z.string(),
  text: z.string().trim().min(1),
});
export type CorpusDocument = z.infer<typeof corpusLineSchema>;

export const questionLineSchema = z.object({
  id: z.string().min(1),
  lang: languageTag,
  question: z.string().trim().min(1),
  answers: z.array(z.string().min(1)).min(1),
  doc_id: z.string().min(1),
});
export type EvalQuestion = z.infer<typeof questionLineSchema>;

export type Track = { name: string; corpus: CorpusDocument[]; questions: EvalQuestion[] };

async function readJsonLines<T>(path: string, schema: z.ZodType<T>): Promise<T[]> {
  const text = await readFile(path, 'utf8');
  const rows: T[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new Error(`${path}:${i + 1}: not JSON (${(error as Error).message})`);
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new Error(`${path}:${i + 1}: ${z.prettifyError(parsed.error).replace(/\n/g, '; ')}`);
    rows.push(parsed.data);
  });
  return rows;
}

/** Reads and checks one track: ids unique, every question's gold document in the corpus. */
export async function readTrack(dir: string, name: string): Promise<Track> {
  const corpusPath = join(dir, CORPUS_FILE);
  const questionsPath = join(dir, QUESTIONS_FILE);
  const corpus = await readJsonLines(corpusPath, corpusLineSchema);
  const questions = await readJsonLines(questionsPath, questionLineSchema);
  const ids = new Set<string>();
  corpus.forEach((doc, i) => {
    if (ids.has(doc.id)) throw new Error(`${corpusPath}:${i + 1}: duplicate document id "${doc.id}"`);
    ids.add(doc.id);
  });
  questions.forEach((q, i) => {
    if (!ids.has(q.doc_id)) throw new Error(`${questionsPath}:${i + 1}: doc_id "${q.doc_id}" is not in ${CORPUS_FILE}`);
  });
  if (corpus.length === 0) throw new Error(`${corpusPath}: no documents`);
  if (questions.length === 0) throw new Error(`${questionsPath}: no questions`);
  return { name, corpus, questions };
}

/** The track folders of a data directory: its sub-folders holding both files, by name. */
export async function listTracks(dataDir: string): Promise<string[]> {
  const entries = await readdir(dataDir, { withFileTypes: true });
  const tracks: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const files = await Promise.all(
      [CORPUS_FILE, QUESTIONS_FILE].map((f) =>
        stat(join(dataDir, entry.name, f)).then(
          (s) => s.isFile(),
          () => false,
        ),
      ),
    );
    if (files.every(Boolean)) tracks.push(entry.name);
  }
  return tracks.sort();
}
