import { foldText } from '../../../ingest/text/foldText.js';
import { NOUN_PHRASE_LINKS, spanOf, touchesQuestion, type AnswerSentence, type SpanCandidate } from './spanTypes.js';

/**
 * Answers that are phrases rather than names or numbers, in any language: what follows a
 * copula after the question's subject ("X adalah …", "X هو …", "X is …"), what follows
 * "because" ("karena …", "لأن …"), and the runs of words between the question's words, which is
 * where an extractive answer to "what did … close?" sits in a sentence that restates the question.
 */

export const COPULAS: ReadonlySet<string> = new Set(
  [
    'is',
    'are',
    'was',
    'were',
    'adalah',
    'merupakan',
    'ialah',
    'yaitu',
    'yakni',
    'هو',
    'هي',
    'هم',
    'وهو',
    'وهي',
    'كان',
    'كانت',
    'يكون',
    'تكون',
    'يعتبر',
    'تعتبر',
    'يعد',
    'تعد',
    'عباره',
  ].map(foldText),
);
/** How far before a copula the question's subject may be, not counting a parenthesis ("X (1588 - 1679) كان …"). */
const SUBJECT_REACH = 4;
/** Words after a copula that are part of it: "عبارة عن", "refers to". */
const COPULA_TAILS = new Set(['عن', 'to', 'sebagai']);
const REASONS = new Set(['because', 'karena', 'karna', 'sebab', 'lantaran', 'akibat', 'لان', 'بسبب', 'نظرا', 'لكون'].map(foldText));

const MAX_PHRASE = 8;
/** Shorter phrases tried at each end of a run that touches the question's words. */
const EDGE_WORDS = 3;
const MAX_CLAUSE = 15;
/** A run of words ends at clause punctuation, Latin and Arabic. */
const CLAUSE_BREAK = /[,;:()[\]،؛.!?؟"“”«»]/;

/** True when the text between tokens i-1 and i breaks the clause. */
function breaksBefore(sentence: AnswerSentence, i: number): boolean {
  const { tokens, text } = sentence;
  return i <= 0 || i >= tokens.length || CLAUSE_BREAK.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start));
}

/** Tokens from `from` to the end of the clause (at most MAX_CLAUSE), trailing stopwords trimmed. */
function clauseFrom(sentence: AnswerSentence, from: number): number {
  let to = from + 1;
  while (to < sentence.tokens.length && to - from < MAX_CLAUSE && !breaksBefore(sentence, to)) to++;
  while (to > from + 1 && sentence.tokens[to - 1]!.stop) to--;
  return to;
}

/** The question's subject just before token i (an aside in parentheses between them does not count). */
function subjectBefore(sentence: AnswerSentence, i: number): boolean {
  let seen = 0;
  for (let j = i - 1; j >= 0 && seen < SUBJECT_REACH; j--) {
    const token = sentence.tokens[j]!;
    if (token.aside) continue;
    if (token.group !== null) return true;
    seen++;
  }
  return false;
}

function followers(
  sentence: AnswerSentence,
  cues: ReadonlySet<string>,
  kind: 'definition' | 'reason',
  needsSubject: boolean,
): SpanCandidate[] {
  const { tokens } = sentence;
  const spans: SpanCandidate[] = [];
  tokens.forEach((token, i) => {
    if (!cues.has(token.folded) || token.aside) return;
    // A definition defines what the question asked about: one of its words just before the copula.
    if (needsSubject && !subjectBefore(sentence, i)) return;
    let from = i + 1;
    if (tokens[from] && COPULA_TAILS.has(tokens[from]!.folded)) from++;
    if (from >= tokens.length) return;
    spans.push(spanOf(sentence, kind, from, clauseFrom(sentence, from)));
  });
  return spans;
}

/** Maximal runs of words that are not the question's, between its words or clause breaks. */
function gaps(sentence: AnswerSentence): SpanCandidate[] {
  const { tokens } = sentence;
  const spans: SpanCandidate[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (tokens[i]!.group !== null) {
      i++;
      continue;
    }
    let to = i + 1;
    while (to < tokens.length && tokens[to]!.group === null && !breaksBefore(sentence, to)) to++;
    let [from, end] = [i, to];
    while (from < end && tokens[from]!.stop) from++;
    while (end > from && tokens[end - 1]!.stop) end--;
    if (end - from > MAX_PHRASE) {
      // Keep the end that touches the question's words.
      if (touchesQuestion(sentence, from - 1, -1)) end = from + MAX_PHRASE;
      else if (touchesQuestion(sentence, end, 1)) from = end - MAX_PHRASE;
      else from = end;
    }
    if (end > from) spans.push(spanOf(sentence, 'phrase', from, end));
    // The run up to its first function word is often the whole answer: "airport" of "airport for three days"
    // ("of" goes on: "repair of quay number 1").
    const inner = tokens.slice(from, end).findIndex((t) => t.stop && !NOUN_PHRASE_LINKS.has(t.folded));
    if (inner > 0) spans.push(spanOf(sentence, 'phrase', from, from + inner));
    // The words right after the question's (a title's name: "…الكرملين ديمتري بيسكوف تعليقا…") or right before them.
    for (let length = 1; length <= EDGE_WORDS && length < end - from; length++) {
      if (touchesQuestion(sentence, from - 1, -1) && !tokens[from + length - 1]!.stop)
        spans.push(spanOf(sentence, 'phrase', from, from + length));
      if (touchesQuestion(sentence, end, 1) && !tokens[end - length]!.stop) spans.push(spanOf(sentence, 'phrase', end - length, end));
    }
    i = to;
  }
  return spans;
}

/** The first token of the sentence that is neither a stopword nor an aside. */
function opening(sentence: AnswerSentence): number {
  let i = 0;
  while (i < sentence.tokens.length && (sentence.tokens[i]!.stop || sentence.tokens[i]!.aside)) i++;
  return i;
}

/**
 * A sentence that opens with the question's subject and goes on without a copula defines it by
 * apposition: "صفاقس مدينة تونسية…", "ألفرد نوبل (1833 - 1896)، مهندس ومخترع…".
 */
function apposition(sentence: AnswerSentence): SpanCandidate[] {
  const { tokens } = sentence;
  let i = opening(sentence);
  if (i >= tokens.length || tokens[i]!.group === null) return [];
  while (i < tokens.length && (tokens[i]!.group !== null || tokens[i]!.aside || tokens[i]!.stop)) i++;
  if (i >= tokens.length || COPULAS.has(tokens[i]!.folded)) return [];
  return [spanOf(sentence, 'definition', i, clauseFrom(sentence, i))];
}

/**
 * The other way round: the sentence's subject, when what follows its copula is what the
 * question describes ("Sorong adalah kota terbesar di Papua Barat" answers "Apa kota terbesar di
 * Papua Barat?"; "Rial (…) adalah mata uang resmi Iran").
 */
function subject(sentence: AnswerSentence): SpanCandidate[] {
  const { tokens } = sentence;
  const from = opening(sentence);
  let to = from;
  while (to < tokens.length && to - from < MAX_PHRASE && !COPULAS.has(tokens[to]!.folded) && tokens[to]!.group === null) to++;
  const copula = tokens[to];
  if (to === from || !copula || !COPULAS.has(copula.folded) || !tokens.slice(to + 1).some((t) => t.group !== null)) return [];
  while (to > from && (tokens[to - 1]!.aside || tokens[to - 1]!.stop)) to--;
  return to > from ? [spanOf(sentence, 'subject', from, to)] : [];
}

export function findPhraseSpans(sentence: AnswerSentence): SpanCandidate[] {
  return [
    ...followers(sentence, COPULAS, 'definition', true),
    ...apposition(sentence),
    ...subject(sentence),
    ...followers(sentence, REASONS, 'reason', false),
    ...gaps(sentence),
  ];
}
