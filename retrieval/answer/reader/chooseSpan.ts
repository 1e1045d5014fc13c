import { foldText } from '../../../ingest/text/foldText.js';
import type { QuestionForm, QuestionKind } from '../classifyQuestion.js';
import { findDateSpans } from './findDateSpans.js';
import { findNameSpans } from './findNameSpans.js';
import { findNumberSpans } from './findNumberSpans.js';
import { findPhraseSpans } from './findPhraseSpans.js';
import { findPlaceSpans } from './findPlaceSpans.js';
import { NOUN_PHRASE_LINKS, touchesQuestion, type AnswerSentence, type SpanCandidate, type SpanKind } from './spanTypes.js';

/**
 * Picks the span that answers the question from the best sentences: each candidate scores by
 * how well its kind fits the question's (a date for "when", a number for "how many", a name for
 * "who"…), by its sentence's match with the question (which leans on the passage's rank), by
 * how close it sits to the question's words in the sentence, and loses what it shares with the
 * question: a span made only of the question's own words is never the answer.
 */

/** How well a kind of span answers a kind of question (missing: not at all). */
const FIT: Record<QuestionKind, Partial<Record<SpanKind, number>>> = {
  when: { date: 1 },
  howMany: { number: 1 },
  who: { name: 1, subject: 0.8, quote: 0.4, phrase: 0.3 },
  // A place is named after "in", "di", "في" (see findPlaceSpans); any other name less often.
  where: { place: 1, name: 0.5, definition: 0.4, subject: 0.3, phrase: 0.3 },
  what: { code: 1, quote: 0.8, subject: 0.8, name: 0.6, place: 0.5, definition: 0.6, phrase: 0.45, number: 0.3, date: 0.3 },
  why: { reason: 1 },
  how: {},
  yesNo: {},
  other: {},
};
/** "what is X?" / "who is X?": what the text says X is. */
const DEFINITION_FIT: Partial<Record<SpanKind, number>> = { definition: 1, phrase: 0.45, name: 0.4, code: 0.4 };

/** Sentences searched for a span, best first. */
const SENTENCES_READ = 6;
/** Below this score the best sentence alone is the answer. */
export const MIN_SPAN_SCORE = 0.25;

/** Kinds whose span is a whole value: it either repeats the question or it does not. */
const WHOLE: ReadonlySet<SpanKind> = new Set(['date', 'number', 'code']);
const NAMED_ANSWERS: ReadonlySet<QuestionKind> = new Set(['who', 'where']);
const PHRASES: ReadonlySet<SpanKind> = new Set(['phrase', 'definition', 'subject', 'reason', 'quote']);

export type ChosenSpan = { sentence: AnswerSentence; span: SpanCandidate; score: number };

/**
 * Drops the question's words at a span's edges (and, in phrases, stopwords); null when nothing
 * else is left. `cut` says a name lost words to the question: "Provinsi" of "Provinsi Papua
 * Barat" when the question named Papua Barat is that name's modifier more often than the answer.
 */
function trimmed(sentence: AnswerSentence, span: SpanCandidate): { span: SpanCandidate; cut: boolean } | null {
  const { tokens } = sentence;
  if (WHOLE.has(span.kind)) {
    const own = span.number?.unit ? span.number.unit.from : span.to;
    return tokens.slice(span.from, Math.min(own, span.to)).every((t) => t.group !== null) ? null : { span, cut: false };
  }
  // Names keep their short words ("Aretas I", "PT Gramedia"); phrases do not.
  const idle = PHRASES.has(span.kind)
    ? (i: number) => tokens[i]!.group !== null || tokens[i]!.stop
    : (i: number) => tokens[i]!.group !== null;
  let { from, to } = span;
  while (from < to && idle(from)) from++;
  while (to > from && idle(to - 1)) to--;
  if (from === to) return null;
  if (from === span.from && to === span.to) return { span, cut: false };
  const cut = tokens
    .slice(span.from, from)
    .concat(tokens.slice(to, span.to))
    .some((t) => t.group !== null);
  return { span: { ...span, from, to, start: tokens[from]!.start, end: tokens[to - 1]!.end }, cut };
}

/** Nearness to the question's words, counting the content words in between (stopwords are free). */
function proximity(sentence: AnswerSentence, span: SpanCandidate): number {
  const { tokens } = sentence;
  let gap = Infinity;
  tokens.forEach((t, i) => {
    if (t.group === null || (i >= span.from && i < span.to)) return;
    const [a, b] = i < span.from ? [i + 1, span.from] : [span.to, i];
    gap = Math.min(gap, tokens.slice(a, b).filter((x) => !x.stop).length);
  });
  return 1 / (1 + 0.15 * Math.min(gap, 8));
}

const RELATIVES = new Set(['yang', 'which', 'who', 'whom', 'that', 'where', 'الذي', 'التي', 'الذين', 'اللذان', 'اللتان'].map(foldText));
const CLAUSE_BREAK = /[,;:()،؛]/;

/**
 * A date in a relative clause that shares nothing with the question dates something else: in
 * "… Misi Uni Eropa di Niger yang diluncurkan pada bulan Februari, …" February is when the mission
 * began, not when Niger ended it.
 */
function inUnrelatedRelativeClause(sentence: AnswerSentence, span: SpanCandidate): boolean {
  const { tokens, text } = sentence;
  let clauseEnd = span.to;
  while (clauseEnd < tokens.length && !CLAUSE_BREAK.test(text.slice(tokens[clauseEnd - 1]!.end, tokens[clauseEnd]!.start))) clauseEnd++;
  for (let i = span.from - 1; i >= 0; i--) {
    if (CLAUSE_BREAK.test(text.slice(tokens[i]!.end, tokens[i + 1]!.start))) return false;
    if (RELATIVES.has(tokens[i]!.folded)) return !tokens.slice(i + 1, clauseEnd).some((t) => t.group !== null);
  }
  return false;
}

function candidatesOf(sentence: AnswerSentence): SpanCandidate[] {
  const dates = findDateSpans(sentence);
  // A month is capitalised like a name: "Desember" is a date.
  const names = findNameSpans(sentence).filter((n) => !dates.some((d) => d.from < n.to && n.from < d.to));
  const codes = names.filter((n) => n.kind === 'code');
  return [
    ...dates,
    ...findNumberSpans(sentence, [...dates, ...codes]),
    ...names,
    ...findPlaceSpans(sentence),
    ...findPhraseSpans(sentence),
  ];
}

/** Words that introduce the doer in a passive sentence: "built by Marine Works", "dirakit oleh PT …", "من قبل". */
const AGENT_MARKERS = new Set(['by', 'oleh', 'قبل', 'بواسطه'].map(foldText));

function scoreSpan(sentence: AnswerSentence, span: SpanCandidate, fit: number, best: number, cut: boolean, kind: QuestionKind): number {
  const inside = sentence.tokens.slice(span.from, span.to).filter((t) => !t.stop);
  const repeated = inside.filter((t) => t.group !== null).length / Math.max(1, inside.length);
  const length = span.to - span.from;
  // Phrases of two to four words read best; a single word is often only part of a name.
  // …and a phrase that runs on past a function word ("airport for three days") is often more than the answer.
  const runsOn =
    span.kind === 'phrase' && sentence.tokens.slice(span.from + 1, span.to - 1).some((t) => t.stop && !NOUN_PHRASE_LINKS.has(t.folded));
  const brevity = !PHRASES.has(span.kind) ? 1 : (length > 4 ? Math.sqrt(4 / length) : length === 1 ? 0.85 : 1) * (runsOn ? 0.85 : 1);
  // "On 4 December" says more than "in February": the more precise date answers "when" better.
  const precision =
    span.kind !== 'date'
      ? 1
      : (span.date?.precision === 'day' ? 1 : span.date ? 0.8 : 0.75) * (inUnrelatedRelativeClause(sentence, span) ? 0.7 : 1);
  // A phrase right after the question's words completes them ("the Kremlin spokesman Dmitry Peskov"); one before them less often.
  const { tokens } = sentence;
  const side =
    span.kind !== 'phrase' || touchesQuestion(sentence, span.from - 1, -1) ? 1 : touchesQuestion(sentence, span.to, 1) ? 0.85 : 0.7;
  // A lone capitalised word opening the sentence is as likely an ordinary word ("Nama", "Logo").
  const opening =
    span.kind === 'name' && !span.concept && span.to - span.from === 1 && tokens.slice(0, span.from).every((t) => t.stop) ? 0.5 : 1;
  const aside = tokens.slice(span.from, span.to).some((t) => t.aside) ? 0.4 : 1;
  // "Who built it?" is answered by whoever it was built by.
  const agent = kind === 'who' && AGENT_MARKERS.has(tokens[span.from - 1]?.folded ?? '') ? 1.2 : 1;
  return (
    (sentence.weight / best) *
    fit *
    proximity(sentence, span) *
    (1 - 0.6 * repeated) *
    brevity *
    precision *
    side *
    opening *
    aside *
    agent *
    (cut ? 0.6 : 1)
  );
}

/** The best answering span in `sentences` (sorted best first), or null when none scores MIN_SPAN_SCORE. */
export function chooseSpan(form: QuestionForm, sentences: readonly AnswerSentence[]): ChosenSpan | null {
  const fits = form.definition ? DEFINITION_FIT : FIT[form.kind];
  if (Object.keys(fits).length === 0 || sentences.length === 0) return null;
  const best = sentences[0]!.weight || 1;
  let chosen: ChosenSpan | null = null;
  for (const sentence of sentences.slice(0, SENTENCES_READ)) {
    for (const candidate of candidatesOf(sentence)) {
      const fit = fits[candidate.kind];
      if (!fit) continue;
      const trim = trimmed(sentence, candidate);
      if (!trim) continue;
      // A phrase with figures in it ("5 مايو 2024") is no one's name.
      if (
        trim.span.kind === 'phrase' &&
        NAMED_ANSWERS.has(form.kind) &&
        sentence.tokens.slice(trim.span.from, trim.span.to).some((t) => /\d/.test(t.folded))
      )
        continue;
      const kept = trim.span;
      const score = scoreSpan(sentence, kept, fit, best, trim.cut, form.kind);
      // A phrase that answers "who" or "where" is a name, and is rendered as one.
      const span: SpanCandidate =
        (kept.kind === 'phrase' || kept.kind === 'subject') && NAMED_ANSWERS.has(form.kind) && !form.definition
          ? { ...kept, kind: 'name' }
          : kept;
      // Between equals the longer span: gold answers are whole phrases more often than single words.
      const better =
        !chosen ||
        score > chosen.score + 1e-9 ||
        (score > chosen.score - 1e-9 && span.end - span.start > chosen.span.end - chosen.span.start);
      if (better) chosen = { sentence, span, score };
    }
  }
  return chosen && chosen.score >= MIN_SPAN_SCORE ? chosen : null;
}
