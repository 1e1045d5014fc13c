import { CONCEPT_PREFIX } from '../../../ingest/text/bridgeNames.js';
import { foldText, isArabicScript } from '../../../ingest/text/foldText.js';
import type { QuestionKind } from '../classifyQuestion.js';
import { hasUnitOf, type Measure } from '../measureWords.js';
import { FEATURE_INDEX, FEATURE_NAMES, PER_KIND, type SharedFeature } from './featureNames.js';
import { findUnknownWords } from './findUnknownWords.js';
import { COPULAS } from './findPhraseSpans.js';
import { NOUN_PHRASE_LINKS, touchesQuestion, type AnswerSentence, type SpanCandidate, type SpanKind } from './spanTypes.js';

/**
 * What the reader knows about one candidate span: its kind and fit to the question, its
 * sentence's match with the question and place in the retrieved passages, its nearness to the
 * question's words, how much of it repeats them, its length and shape. chooseSpan scores a
 * candidate as these features times the weights in readerWeights.ts; test/eval/fitReader.ts fits
 * weights on the eval tracks (each track's figures held out from its fit).
 */

const PER_KIND_INDEX = PER_KIND.map((f) => FEATURE_INDEX.get(f)!);

/** What the scorer needs besides the span: the question's kind, the span's fit, the trimming. */
export type SpanContext = {
  question: QuestionKind;
  definition: boolean;
  fit: number;
  /** The best sentence's weight, to which each sentence's is compared. */
  best: number;
  /** The sentence's place among the reader's sentences, best first (sentences of equal weight share it). */
  rank: number;
  /** The span lost words to the question at its edges (see chooseSpan's trimming). */
  cut: boolean;
  /** A phrase read as a name ("who", "where"): its length is not a phrase's (see logLength). */
  asName: boolean;
  /** What an amount question measures (an area, a duration…), else null. */
  measure: Measure | null;
};

const RELATIVES = new Set(['yang', 'which', 'who', 'whom', 'that', 'where', 'الذي', 'التي', 'الذين', 'اللذان', 'اللتان'].map(foldText));
const CLAUSE_BREAK = /[,;:()،؛]/;
/** Words that introduce the doer in a passive sentence: "built by Marine Works", "dirakit oleh PT …", "من قبل". */
const AGENT_MARKERS = new Set(['by', 'oleh', 'قبل', 'بواسطه'].map(foldText));
const PHRASES: ReadonlySet<SpanKind> = new Set(['phrase', 'definition', 'subject', 'reason', 'quote']);
const REGION = `${CONCEPT_PREFIX}r:`;
/** How much more a number counting the question's own noun, or in a unit of what it measures, is worth. */
const UNIT_FITS = 2;
/** How much more the name a sentence opens with is worth for "who" and "which". */
const SUBJECT_NAME = 3.5;
/** Questions that ask for a name, where a word no dictionary knows is likely part of one. */
const NAME_SEEKING: ReadonlySet<QuestionKind> = new Set(['who', 'where', 'which']);
/** The points of the compass and the middle, which open a place: "غرب ألمانيا", "Jawa Tengah", "south-east of Paris". */
const COMPASS = new Set(
  [
    'north',
    'south',
    'east',
    'west',
    'central',
    'utara',
    'selatan',
    'timur',
    'barat',
    'tengah',
    'شمال',
    'جنوب',
    'شرق',
    'غرب',
    'وسط',
    'منتصف',
    'الشمالي',
    'الجنوبي',
    'الشرقي',
    'الغربي',
  ].map(foldText),
);

/** Content words between the span and the nearest of the question's words (stopwords are free); Infinity when none. */
function gapToQuestion(sentence: AnswerSentence, span: SpanCandidate): number {
  const { tokens } = sentence;
  let gap = Infinity;
  tokens.forEach((t, i) => {
    if (t.group === null || (i >= span.from && i < span.to)) return;
    const [a, b] = i < span.from ? [i + 1, span.from] : [span.to, i];
    gap = Math.min(gap, tokens.slice(a, b).filter((x) => !x.stop).length);
  });
  return gap;
}

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

/** The share of the question's idf its words within `width` tokens of the span hold (each word once). */
function windowShare(sentence: AnswerSentence, span: SpanCandidate, width: number): number {
  const seen = new Set<number>();
  const { tokens } = sentence;
  for (let i = Math.max(0, span.from - width); i < Math.min(tokens.length, span.to + width); i++) {
    const group = tokens[i]!.group;
    if (group !== null && (i < span.from || i >= span.to)) seen.add(group);
  }
  let share = 0;
  for (const group of seen) share += sentence.groupShare[group] ?? 0;
  return share;
}

/** What handScore and the features both read off a span, each read once. */
type SpanSignals = {
  length: number;
  /** Share of the span's content words that are the question's own. */
  repeated: number;
  /** A phrase running on past a function word ("airport for three days"). */
  runsOn: boolean;
  /** Content words between the span and the nearest question word (see gapToQuestion). */
  gap: number;
  /** A date in a relative clause that shares nothing with the question. */
  relativeClause: boolean;
  /** The question's words just before the span (it completes them) / just after it. */
  after: boolean;
  before: boolean;
  /** A lone capitalised word opening the sentence ("Nama", "Logo"), unless a copula follows it ("Rubel adalah…"). */
  opening: boolean;
  /** A name that opens the sentence (of several words, or followed by a copula), the question's words after it: its subject ("Barbara Pierce Bush () adalah istri…", "Sorong adalah…"). */
  subjectName: boolean;
  aside: boolean;
  /** The word before the span introduces the doer ("by", "oleh"). */
  agentMarker: boolean;
  /** The span holds a country or region CLDR names ("إيطاليا", "Afrika Barat"); read for "where" only. */
  knownPlace: boolean;
  /** The span opens with a point of the compass, or follows one ("غرب ألمانيا"). */
  compass: boolean;
  /** A number whose counted noun is the question's: "309 kecamatan" for "berapakah jumlah kecamatan…", not "327 kelurahan". */
  unitAsked: boolean;
  /** A number in a unit of what the question measures: "4275,08 km²" for "Berapa luas…", not "16 kecamatan". */
  unitMeasured: boolean;
};

/** Whether a number's unit (or currency sign) is one of what the question measures. */
function measured(sentence: AnswerSentence, span: SpanCandidate, measure: Measure | null): boolean {
  if (!measure || !span.number) return false;
  const { tokens, text } = sentence;
  const unit = span.number.unit;
  const after = text.slice(unit ? tokens[unit.from]!.start : span.end, span.end + 30);
  return hasUnitOf(measure, text.slice(Math.max(0, span.start - 5), span.start), after);
}

function readSignals(sentence: AnswerSentence, span: SpanCandidate, { question, measure }: SpanContext): SpanSignals {
  const { tokens } = sentence;
  const inside = tokens.slice(span.from, span.to);
  const content = inside.filter((t) => !t.stop);
  const length = span.to - span.from;
  const opens = tokens.slice(0, span.from).every((t) => t.stop);
  // "Rubel (bahasa Rusia рубль) adalah mata uang…": a copula after the name, past any aside.
  let next = span.to;
  while (next < tokens.length && tokens[next]!.aside) next++;
  const copulaAfter = next < tokens.length && COPULAS.has(tokens[next]!.folded);
  return {
    length,
    repeated: content.filter((t) => t.group !== null).length / Math.max(1, content.length),
    runsOn: span.kind === 'phrase' && tokens.slice(span.from + 1, span.to - 1).some((t) => t.stop && !NOUN_PHRASE_LINKS.has(t.folded)),
    gap: gapToQuestion(sentence, span),
    relativeClause: span.kind === 'date' && inUnrelatedRelativeClause(sentence, span),
    after: touchesQuestion(sentence, span.from - 1, -1),
    before: touchesQuestion(sentence, span.to, 1),
    opening: span.kind === 'name' && !span.concept && length === 1 && opens && !copulaAfter,
    subjectName: span.kind === 'name' && (length > 1 || copulaAfter) && opens && tokens.slice(span.to).some((t) => t.group !== null),
    aside: inside.some((t) => t.aside),
    agentMarker: AGENT_MARKERS.has(tokens[span.from - 1]?.folded ?? ''),
    knownPlace: question === 'where' && sentence.names.some((n) => n.term.startsWith(REGION) && n.from < span.to && span.from < n.to),
    compass: question === 'where' && (COMPASS.has(tokens[span.from]!.folded) || COMPASS.has(tokens[span.from - 1]?.folded ?? '')),
    unitAsked: span.number?.unit ? tokens.slice(span.number.unit.from, span.number.unit.to).some((t) => t.group !== null) : false,
    unitMeasured: measured(sentence, span, measure),
  };
}

/**
 * How surely a span is a place: Arabic has no capitals, so the words after "في" are a place only
 * sometimes ("في جو ملؤه الحياة", "in an atmosphere full of life") unless CLDR knows one in them or
 * a point of the compass opens them.
 */
function placeCertainty(sentence: AnswerSentence, span: SpanCandidate, s: SpanSignals): number {
  if (s.knownPlace || s.compass) return 1;
  return isArabicScript(sentence.tokens[span.from]!.raw) ? 0.5 : 1;
}

/**
 * The reader's score before it had weights, every factor multiplied: its interactions (a
 * phrase's side, a date's precision, "by" only for "who") are more than the linear features say.
 */
function handScore(sentence: AnswerSentence, span: SpanCandidate, context: SpanContext, s: SpanSignals): number {
  const brevity = !PHRASES.has(span.kind)
    ? 1
    : (s.length > 4 ? Math.sqrt(4 / s.length) : s.length === 1 ? 0.85 : 1) * (s.runsOn ? 0.85 : 1);
  const precision = span.kind !== 'date' ? 1 : (span.date?.precision === 'day' ? 1 : span.date ? 0.8 : 0.75) * (s.relativeClause ? 0.7 : 1);
  const side = span.kind !== 'phrase' || s.after ? 1 : s.before ? 0.85 : 0.7;
  return (
    (sentence.weight / (context.best || 1)) *
    context.fit *
    (1 / (1 + 0.15 * Math.min(s.gap, 8))) *
    (1 - 0.6 * s.repeated) *
    brevity *
    precision *
    side *
    (s.opening ? 0.5 : 1) *
    ((context.question === 'who' || context.question === 'which') && s.subjectName ? SUBJECT_NAME : 1) *
    (s.aside ? 0.4 : 1) *
    (context.question === 'who' && s.agentMarker ? 1.2 : 1) *
    (context.cut ? 0.6 : 1) *
    (s.unitAsked || s.unitMeasured ? UNIT_FITS : 1) *
    (context.question === 'where' ? placeCertainty(sentence, span, s) : 1)
  );
}

/** The candidate's features, in FEATURE_NAMES order. */
export function spanFeatures(sentence: AnswerSentence, span: SpanCandidate, context: SpanContext): number[] {
  const { tokens } = sentence;
  const x = new Array<number>(FEATURE_NAMES.length).fill(0);
  const set = (name: SharedFeature, value: number) => {
    x[FEATURE_INDEX.get(name)!] = value;
  };
  const s = readSignals(sentence, span, context);
  const { length, gap } = s;
  set('fit', Math.log(context.fit));
  set('sentenceWeight', Math.log(Math.max(sentence.weight / (context.best || 1), 1e-3)));
  set('sentenceRank0', context.rank === 0 ? 1 : 0);
  set('sentenceRank', Math.min(context.rank, 8) / 8);
  set('passageRank', Math.min(sentence.passageRank, 4) / 4);
  set('articleRank', Math.min(sentence.n - 1, 4) / 4);
  set('firstSentence', sentence.start === 0 && sentence.passage === 0 ? 1 : 0);
  set('coverage', sentence.coverage);
  set('unmatchedRare', sentence.missedRare);
  set('proximity', 1 / (1 + 0.15 * Math.min(gap, 8)));
  set('gap0', gap === 0 ? 1 : 0);
  const near = tokens.filter((t, i) => t.group !== null && ((i >= span.from - 3 && i < span.from) || (i >= span.to && i < span.to + 3)));
  set('neighbours', Math.min(near.length, 4) / 4);
  set('repeated', s.repeated);
  set('brevity', PHRASES.has(span.kind) && length > 4 ? Math.log(Math.sqrt(4 / length)) : 0);
  set('length1', length === 1 ? 1 : 0);
  // A phrase read as a name has no length feature: the tracks' long gold phrases teach that longer
  // is better, which for a name means running on into what is said about it.
  if (!context.asName) set('logLength', Math.log(length));
  set('runsOn', s.runsOn ? 1 : 0);
  set('precision', span.kind !== 'date' ? 0 : span.date?.precision === 'day' ? 1 : span.date ? 0.5 : 0);
  set('relativeClause', s.relativeClause ? 1 : 0);
  set('sideAfter', s.after ? 1 : 0);
  set('sideBefore', s.before ? 1 : 0);
  set('opening', s.opening ? 1 : 0);
  set('aside', s.aside ? 1 : 0);
  set('agent', s.agentMarker ? 1 : 0);
  set('cut', context.cut ? 1 : 0);
  const inside = tokens.slice(span.from, span.to);
  set('digits', inside.some((t) => /\d/.test(t.folded)) ? 1 : 0);
  set('capitalised', inside.filter((t) => /^\p{Lu}/u.test(t.raw)).length / Math.max(1, length));
  set('definitionQuestion', context.definition ? 1 : 0);
  set('sentenceLength', Math.log(1 + tokens.length) / 4);
  set('window3', windowShare(sentence, span, 3));
  set('window8', windowShare(sentence, span, 8));
  set('unitAsked', s.unitAsked ? 1 : 0);
  set('unitMeasured', s.unitMeasured ? 1 : 0);
  if (NAME_SEEKING.has(context.question) && !context.definition) {
    const unknown = findUnknownWords(sentence).slice(span.from, span.to);
    const content = inside.filter((t) => !t.stop).length;
    set('unknownWords', content === 0 ? 0 : unknown.filter(Boolean).length / content);
  }
  if (context.question === 'where') {
    set('knownPlace', s.knownPlace ? 1 : 0);
    set('compass', s.compass ? 1 : 0);
  }
  set('handScore', Math.log(Math.max(handScore(sentence, span, context, s), 1e-4)));
  const block = FEATURE_INDEX.get(`${PER_KIND[0]}@${context.definition ? 'definition' : context.question}`);
  if (block !== undefined) PER_KIND_INDEX.forEach((from, i) => (x[block + i] = x[from]!));
  return x;
}

/** The weights in FEATURE_NAMES order (0 for a feature without one), for scoreFeatures. */
export function weightVector(weights: Readonly<Record<string, number>>): Float64Array {
  return Float64Array.from(FEATURE_NAMES, (name) => weights[name] ?? 0);
}

/** The weights' dot product with the features. */
export function scoreFeatures(features: readonly number[], weights: Float64Array): number {
  let score = 0;
  for (let i = 0; i < weights.length; i++) score += weights[i]! * features[i]!;
  return score;
}
