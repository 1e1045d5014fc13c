import { isArabicScript } from '../../../ingest/text/foldText.js';
import { NAME_NOUNS, PLACE_NOUNS } from '../answerNouns.js';
import type { QuestionForm, QuestionKind } from '../classifyQuestion.js';
import { findDateSpans, dateEdgeOf } from './findDateSpans.js';
import { findNameSpans } from './findNameSpans.js';
import { findNumberSpans } from './findNumberSpans.js';
import { findPhraseSpans } from './findPhraseSpans.js';
import { findPlaceSpans } from './findPlaceSpans.js';
import { READER_WEIGHTS } from './readerWeights.js';
import { scoreFeatures, spanFeatures, weightVector } from './spanFeatures.js';
import type { AnswerSentence, SpanCandidate, SpanKind } from './spanTypes.js';

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
  // "What company…", "Partai apa…": a named thing (see answerNouns).
  which: { name: 1, code: 1, quote: 0.7, subject: 0.6, place: 0.6, phrase: 0.4, definition: 0.25 },
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
/**
 * Of each article, only the candidates whose kind fits the question nearly as well as the
 * best-fitting kind that article offers are weighed: within this factor of it ("where": the place
 * "Valparaiso", not the name "Marine Works Ltd" beside it; "which system": the code "S-300" of a
 * later sentence, not a phrase of the first). Which article and sentence answer is left to the
 * weights: another article's better-typed span does not oust an Arabic article's name, which the
 * reader can only find as a phrase. Measured with the weights refitted under the rule
 * (test/eval/fitReader.ts): without it the fit trades type for length, and the typed answers lose.
 */
const KIND_MARGIN = 1.7;
/** …where an article offers the kinds of its sentences weighing at least this share of the best sentence's. */
const KIND_SENTENCE_SHARE = 0.3;

/** Kinds whose span is a whole value: it either repeats the question or it does not. */
const WHOLE: ReadonlySet<SpanKind> = new Set(['date', 'number', 'code']);
const NAMED_ANSWERS: ReadonlySet<QuestionKind> = new Set(['who', 'where', 'which']);
const PHRASES: ReadonlySet<SpanKind> = new Set(['phrase', 'definition', 'subject', 'reason', 'quote']);
const KIND_NOUNS: ReadonlySet<string> = new Set([...NAME_NOUNS, ...PLACE_NOUNS]);

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

/** One span the reader weighed: where it is, how well its kind fits, and what it knows about it (see spanFeatures). */
export type ReadCandidate = { sentence: AnswerSentence; span: SpanCandidate; fit: number; asName: boolean; features: number[] };

/** The candidates of a kind that fits within KIND_MARGIN of the best fit their article offers (see there). */
function bestFitting(read: ReadCandidate[], best: number): ReadCandidate[] {
  const bestFit = new Map<number, number>();
  for (const c of read) {
    if (c.sentence.weight < best * KIND_SENTENCE_SHARE) continue;
    bestFit.set(c.sentence.n, Math.max(bestFit.get(c.sentence.n) ?? 0, c.fit));
  }
  return read.filter((c) => c.fit * KIND_MARGIN >= (bestFit.get(c.sentence.n) ?? 0));
}

/** The candidate spans of the best sentences (sorted best first) that may answer a question of this form, of the kinds that fit it best in their article. */
export function readCandidates(form: QuestionForm, sentences: readonly AnswerSentence[]): ReadCandidate[] {
  const fits = form.definition ? DEFINITION_FIT : FIT[form.kind];
  if (Object.keys(fits).length === 0 || sentences.length === 0) return [];
  const best = sentences[0]!.weight || 1;
  const read: ReadCandidate[] = [];
  sentences.slice(0, SENTENCES_READ).forEach((sentence) => {
    // Sentences of equal weight share a rank: which of them is listed first says nothing.
    const rank = sentences.findIndex((s) => s.weight <= sentence.weight + 1e-9);
    // Arabic has no capitals: its names are only the ones CLDR knows, so a named thing is a phrase there as often.
    const kind = form.kind === 'which' && sentence.language === 'ar' ? 'what' : form.kind;
    const sentenceFits = form.definition ? DEFINITION_FIT : FIT[kind];
    for (const candidate of candidatesOf(sentence)) {
      const fit = sentenceFits[candidate.kind];
      if (!fit) continue;
      // "When did he die?": not the first date of "(9 آذار 1924 - 21 آب 2018)", nor the one after "ولد"; "…born?": the other way.
      if (form.edge && candidate.kind === 'date') {
        const edge = dateEdgeOf(sentence, candidate);
        if (edge && edge !== form.edge) continue;
      }
      const trim = trimmed(sentence, candidate);
      if (!trim) continue;
      // A phrase with figures in it ("5 مايو 2024") is no one's name.
      if (
        trim.span.kind === 'phrase' &&
        NAMED_ANSWERS.has(kind) &&
        sentence.tokens.slice(trim.span.from, trim.span.to).some((t) => /\d/.test(t.folded))
      )
        continue;
      const kept = trim.span;
      // A capitalised word for a kind of thing is not its name: "Provinsi" of "Provinsi Papua Barat" when the question named Papua Barat.
      const words = sentence.tokens.slice(kept.from, kept.to);
      if (!WHOLE.has(kept.kind) && !isArabicScript(words[0]!.raw) && words.every((t) => t.stop || KIND_NOUNS.has(t.folded))) continue;
      // A phrase that answers "who" or "where" is a name, and is rendered as one.
      const asName = (kept.kind === 'phrase' || kept.kind === 'subject') && NAMED_ANSWERS.has(kind) && !form.definition;
      const context = { question: kind, definition: form.definition, fit, best, rank, cut: trim.cut, asName, measure: form.measure };
      const features = spanFeatures(sentence, kept, context);
      const span: SpanCandidate = asName ? { ...kept, kind: 'name' } : kept;
      read.push({ sentence, span, fit, asName, features });
    }
  });
  return bestFitting(read, best);
}

/**
 * The candidate the weights score best. Between equals the longer span (gold answers are whole
 * phrases more often than single words), but the shorter of phrases read as names: the words
 * after a name ("ديمتري بيسكوف تعليقا …") say something about him.
 */
export function pickCandidate(candidates: readonly ReadCandidate[], weights: Readonly<Record<string, number>>): ChosenSpan | null {
  const w = weightVector(weights);
  let chosen: ChosenSpan | null = null;
  for (const { sentence, span, features, asName } of candidates) {
    const score = scoreFeatures(features, w);
    const longer = span.end - span.start > (chosen ? chosen.span.end - chosen.span.start : 0);
    const better = !chosen || score > chosen.score + 1e-9 || (score > chosen.score - 1e-9 && longer !== asName);
    if (better) chosen = { sentence, span, score };
  }
  return chosen;
}

/** The best answering span in `sentences` (sorted best first), or null when no candidate fits the question. */
export function chooseSpan(form: QuestionForm, sentences: readonly AnswerSentence[]): ChosenSpan | null {
  return pickCandidate(readCandidates(form, sentences), READER_WEIGHTS);
}
