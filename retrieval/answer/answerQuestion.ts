import { analyzeDocument, type QueryGroup } from '../../ingest/text/analyzeText.js';
import { findDates, formatDate, resolveDate, type ResolvedDate } from '../../ingest/text/findDates.js';
import { createError } from '../../ingest/core/errors.js';
import { detectLanguage } from '../../ingest/text/detectLanguage.js';
import { findSentences } from '../../ingest/text/findSentences.js';
import type { LoadedIndex } from '../open/loadIndex.js';
import { retrievePassages, type RetrievedPassage, type RetrieveOptions } from '../retrievePassages.js';
import { classifyQuestion } from './classifyQuestion.js';

/**
 * Extractive answers: the sentence(s) of the retrieved passages that best match the question,
 * each followed by the [n] of the citation it comes from. A "when" question is answered by the
 * best sentence that holds a date, led by that date normalised ("4 December 2023"), its year
 * taken from the article's publication date when the text leaves it out.
 */

export const MAX_QUESTION_CHARS = 500;
const MAX_CITATIONS = 3;
const MAX_ANSWER_SENTENCES = 2;
/** A second sentence joins the answer only if it scores at least this share of the best. */
const SECOND_SENTENCE_SHARE = 0.6;

export type Citation = {
  n: number;
  sourceId: string;
  title: string;
  publisher: string | null;
  published: string | null;
  url: string | null;
  language: string;
  passage: string;
  score: number;
  /** Other outlets that carried the same story (near-duplicate articles collapsed into this one). */
  alsoReportedBy?: { sourceId: string; title: string; publisher: string | null; published: string | null; url: string | null }[];
};

/** Where an answer sentence sits in a cited passage, for highlighting. */
export type Highlight = { n: number; start: number; end: number };

export type Answer = {
  question: string;
  answer: string | null;
  citations: Citation[];
  highlights: Highlight[];
};

type ScoredSentence = { n: number; start: number; end: number; text: string; score: number; date?: ResolvedDate };

function citationOf(index: LoadedIndex, passage: RetrievedPassage, n: number): Citation {
  const m = passage.document.metadata;
  const others = passage.alsoReportedBy.flatMap((sourceId) => {
    const source = index.store.sources.get(sourceId);
    return source ? [{ sourceId, title: source.title, publisher: source.publisher, published: source.published, url: source.url }] : [];
  });
  return {
    n,
    sourceId: m.sourceId,
    title: m.title,
    publisher: m.publisher,
    published: m.published,
    url: m.url,
    language: m.language,
    passage: passage.document.pageContent,
    score: Number(passage.score.toFixed(6)),
    ...(others.length > 0 ? { alsoReportedBy: others } : {}),
  };
}

/** Every sentence of the passages, scored by the idf of the question's words it contains. */
function scoreSentences(index: LoadedIndex, passages: RetrievedPassage[], groups: readonly QueryGroup[]): ScoredSentence[] {
  const sentences: ScoredSentence[] = [];
  passages.forEach((passage, i) => {
    const n = i + 1;
    const text = passage.document.pageContent;
    const { language, published } = passage.document.metadata;
    // Earlier citations are more relevant: a sentence's score leans on its passage's rank.
    const rankPrior = 1 / (1 + 0.25 * i);
    for (const span of findSentences(text, language)) {
      const sentence = text.slice(span.start, span.end);
      const terms = new Set(analyzeDocument(sentence, language).terms);
      let score = 0;
      for (const group of groups) {
        let best = 0;
        for (const term of group.alternatives) if (terms.has(term)) best = Math.max(best, index.lexical.idf(term));
        score += best;
      }
      const mention = findDates(sentence).map((d) => resolveDate(d, published)).find((d) => d !== undefined);
      sentences.push({ n, start: span.start, end: span.end, text: sentence, score: score * rankPrior, ...(mention ? { date: mention } : {}) });
    }
  });
  return sentences.sort((a, b) => b.score - a.score || a.n - b.n || a.start - b.start);
}

function dateLocale(question: string): string {
  const language = detectLanguage(question);
  return language === 'und' || language.startsWith('en') ? 'en-GB' : language;
}

/** Answers a question from the index; `answer` is null when nothing relevant was found. */
export async function answerQuestion(index: LoadedIndex, rawQuestion: string, options: RetrieveOptions = {}): Promise<Answer> {
  const question = rawQuestion.trim();
  if (!question) throw createError('EMPTY_QUESTION');
  if (question.length > MAX_QUESTION_CHARS) throw createError('QUESTION_TOO_LONG', { max: MAX_QUESTION_CHARS });

  const { query, passages } = await retrievePassages(index, question, { limit: MAX_CITATIONS, ...options });
  const empty: Answer = { question, answer: null, citations: [], highlights: [] };
  if (passages.length === 0) return empty;
  const citations = passages.map((passage, i) => citationOf(index, passage, i + 1));
  const sentences = scoreSentences(index, passages, query.groups).filter((s) => s.score > 0);
  if (sentences.length === 0) return empty;

  if (classifyQuestion(question) === 'when') {
    const dated = sentences.find((s) => s.date);
    if (dated) {
      return {
        question,
        answer: `${formatDate(dated.date!, dateLocale(question))} — ${dated.text} [${dated.n}]`,
        citations,
        highlights: [{ n: dated.n, start: dated.start, end: dated.end }],
      };
    }
  }
  const best = sentences[0]!;
  const chosen = [best];
  for (const s of sentences.slice(1)) {
    if (chosen.length >= MAX_ANSWER_SENTENCES || s.score < best.score * SECOND_SENTENCE_SHARE) break;
    if (!chosen.some((c) => c.n === s.n && c.start < s.end && s.start < c.end)) chosen.push(s);
  }
  chosen.sort((a, b) => a.n - b.n || a.start - b.start);
  return {
    question,
    answer: chosen.map((s) => `${s.text} [${s.n}]`).join(' '),
    citations,
    highlights: chosen.map(({ n, start, end }) => ({ n, start, end })),
  };
}
