import { createError } from '../../ingest/core/errors.js';
import { detectLanguage } from '../../ingest/text/detectLanguage.js';
import { isArabicScript } from '../../ingest/text/foldText.js';
import type { LoadedIndex } from '../open/loadIndex.js';
import type { RetrieveOptions } from '../retrievePassages.js';
import { chooseSpan } from './reader/chooseSpan.js';
import { quoteSentence } from './reader/quoteSentence.js';
import { renderShortAnswer } from './reader/renderShortAnswer.js';
import { readQuestion } from './readQuestion.js';
import type { AnswerSentence } from './reader/spanTypes.js';
import { resolveFollowUp } from './resolveFollowUp.js';

/**
 * Extractive answers. The reader picks, from the best sentences of the retrieved passages, the
 * span that answers the question — a date for "when", a number for "how many", a name for "who",
 * the named thing for "which"… (see chooseSpan) — and leads with it in the asker's terms, then
 * quotes the sentence it came from with the [n] of its article: "S-300 — … [1]". When no span
 * fits, the best sentence (or two) is the answer. No sentence is quoted twice.
 */

export const MAX_QUESTION_CHARS = 500;
const MAX_ANSWER_SENTENCES = 2;
/** A second sentence joins the answer only if it scores at least this share of the best… */
const SECOND_SENTENCE_SHARE = 0.6;
/** …and the answer stays within this many characters. */
const ANSWER_CHARS = 220;
/** A sentence after a short answer is quoted within this many characters. */
const QUOTE_CHARS = 200;

/** One passage of a cited article: its text and its retrieval score. */
export type CitedPassage = { passage: string; score: number };

/** One article the answer cites, numbered `n`, with the passages of it that were used. */
export type Citation = {
  n: number;
  sourceId: string;
  title: string;
  publisher: string | null;
  published: string | null;
  url: string | null;
  language: string;
  /** The first (best) passage's text and score, as in `passages[0]`. */
  passage: string;
  score: number;
  passages: CitedPassage[];
  /** Other outlets that carried the same story (near-duplicate articles collapsed into this one). */
  alsoReportedBy?: { sourceId: string; title: string; publisher: string | null; published: string | null; url: string | null }[];
};

/** Where an answer sentence sits: citation `n`, its passage number `passage` (0-based), characters [start, end). */
export type Highlight = { n: number; passage: number; start: number; end: number };

/** The fact the answer leads with: `text` as shown, `source` the span as written in citation `n`'s passage. */
export type ShortAnswer = { text: string; source: string; n: number };

/** An earlier question of the same conversation (a Discord thread, a console session) and its answer. */
export type Turn = { question: string; answer: string | null };

export type Answer = {
  question: string;
  answer: string | null;
  citations: Citation[];
  highlights: Highlight[];
  /** Absent when no span answers the question (the answer is then a sentence). */
  shortAnswer?: ShortAnswer;
  /** A follow-up's subject carried over from the conversation ("Niger", "EU cooperation"). */
  about?: string[];
};

export type AnswerQuestionOptions = RetrieveOptions & {
  /** The conversation so far, oldest first: a follow-up is read in its context. */
  history?: readonly Turn[];
};

/**
 * The asker's locale, for dates and numbers, from the question's detected `language`: English
 * (day-first, as the archive's readers use) unless the question says otherwise; Arabic with the
 * Western digits the archive's Arabic uses.
 */
function askerLocale(question: string, language: string): string {
  if (language.startsWith('ar') || (language === 'und' && isArabicScript(question))) return 'ar-u-nu-latn';
  return language === 'und' || language.startsWith('en') ? 'en-GB' : language;
}

const highlightOf = ({ n, passage, start, end }: AnswerSentence): Highlight => ({ n, passage, start, end });

/** The best sentence, and a second one when it scores close and both fit ANSWER_CHARS. */
function sentencesAnswer(sentences: readonly AnswerSentence[]): { text: string; used: AnswerSentence[] } {
  const best = sentences[0]!;
  const chosen = [best];
  for (const s of sentences.slice(1)) {
    if (chosen.length >= MAX_ANSWER_SENTENCES || s.weight < best.weight * SECOND_SENTENCE_SHARE) break;
    if (best.text.length + s.text.length + 8 > ANSWER_CHARS) continue;
    if (!chosen.some((c) => c.n === s.n && c.passage === s.passage && c.start < s.end && s.start < c.end)) chosen.push(s);
  }
  chosen.sort((a, b) => a.n - b.n || a.passage - b.passage || a.start - b.start);
  const text = chosen.length === 1 ? `${quoteSentence(best, ANSWER_CHARS)} [${best.n}]` : chosen.map((s) => `${s.text} [${s.n}]`).join(' ');
  return { text, used: chosen };
}

/** Answers a question from the index; `answer` is null when nothing relevant was found. */
export async function answerQuestion(index: LoadedIndex, rawQuestion: string, options: AnswerQuestionOptions = {}): Promise<Answer> {
  const question = rawQuestion.trim();
  if (!question) throw createError('EMPTY_QUESTION');
  if (question.length > MAX_QUESTION_CHARS) throw createError('QUESTION_TOO_LONG', { max: MAX_QUESTION_CHARS });
  const { history = [], ...retrieve } = options;

  const resolved = resolveFollowUp(
    question,
    history.map((turn) => turn.question),
  );
  const about = resolved.about ? { about: resolved.about } : {};
  const { query, form, read, detected } = await readQuestion(index, question, resolved.search, retrieve);
  const empty: Answer = { question, answer: null, citations: [], highlights: [], ...about };
  if (!read || read.sentences.length === 0) return empty;
  const { citations, sentences } = read;
  const chosen = chooseSpan(form, sentences);
  if (chosen) {
    const { sentence, span } = chosen;
    const source = sentence.text.slice(span.start, span.end);
    const wantsName = (form.kind === 'who' || form.kind === 'where') && !form.definition;
    // A follow-up searched with words carried over from earlier questions: its own language is the asker's.
    const language = resolved.search === question ? detected : detectLanguage(question);
    const text = renderShortAnswer(chosen, source, { question, wantsName, locale: askerLocale(question, language), groups: query.groups });
    return {
      question,
      answer: `${text} — ${quoteSentence(sentence, QUOTE_CHARS, span)} [${sentence.n}]`,
      citations,
      highlights: [highlightOf(sentence)],
      shortAnswer: { text, source, n: sentence.n },
      ...about,
    };
  }
  const { text, used } = sentencesAnswer(sentences);
  return { question, answer: text, citations, highlights: used.map(highlightOf), ...about };
}
