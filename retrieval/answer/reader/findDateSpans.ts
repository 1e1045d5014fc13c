import { findDates, resolveDate } from '../../../ingest/text/findDates.js';
import { edgeOfWord, type QuestionForm } from '../classifyQuestion.js';
import { spanOf, tokenRange, type AnswerSentence, type SpanCandidate } from './spanTypes.js';

/** Words that make a four-digit number a year even before a noun: "tahun 1945 Indonesia…", "عام 1889". */
const YEAR_WORDS = new Set(['tahun', 'year', 'in', 'since', 'sejak', 'pada', 'عام', 'سنه', 'العام', 'منذ', 'في']);
/** Words that make a small number a century: "abad ke-20", "القرن 20". */
const CENTURY_WORDS = new Set(['abad', 'century', 'القرن', 'قرن']);

const isYear = (folded: string) => /^\d{4}$/.test(folded) && Number(folded) >= 1000 && Number(folded) <= 2100;
/** Words that make a number a year however short: "tahun 585", "عام 622". */
const EXPLICIT_YEAR_WORDS = new Set(['tahun', 'year', 'عام', 'سنه', 'العام']);
/** Era letters after a year: "2023 M", "1889 م". */
const ERA = /^(?:m|sm|ad|bc|bce|ce|م|ه)$/;
/** …of which these make a short number a year too ("91 SM"); "5 m" and "5 م" are as often metres. */
const SHORT_ERA = /^(?:sm|ad|bc|bce|ce|ه)$/;

/**
 * Times a sentence names: full or partial dates (findDates, the year filled in from the
 * article's publication date when missing), years, and centuries.
 */
export function findDateSpans(sentence: AnswerSentence): SpanCandidate[] {
  const spans: SpanCandidate[] = [];
  const taken = new Set<number>();
  // "وفي مارس": the conjunction attached to the preposition hides it from findDates; a space of the same length shows it.
  const text = sentence.text.replace(/(?<![\p{L}])[وف](في|منذ|خلال)(?![\p{L}])/gu, ' $1');
  for (const mention of findDates(text)) {
    const range = tokenRange(sentence, mention.start, mention.end);
    if (!range) continue;
    const date = resolveDate(mention, sentence.published);
    spans.push(spanOf(sentence, 'date', range.from, range.to, date ? { date } : {}));
    for (let i = range.from; i < range.to; i++) taken.add(i);
  }
  const { tokens } = sentence;
  tokens.forEach((token, i) => {
    if (taken.has(i)) return;
    const before = tokens[i - 1]?.folded;
    const next = tokens[i + 1];
    // "1000 قاعدة", "1500 soldiers": a number before a noun counts things, unless a word says it is a year.
    const counts = next !== undefined && !next.stop && /^\p{L}/u.test(next.folded) && !YEAR_WORDS.has(before ?? '');
    // "2023 M", "1889 م": the era letter belongs to the year.
    const era = next && ERA.test(next.folded) && next.start - token.end <= 1 ? 1 : 0;
    const shortYear =
      /^\d{1,4}$/.test(token.folded) && (EXPLICIT_YEAR_WORDS.has(before ?? '') || (era === 1 && SHORT_ERA.test(next!.folded)));
    if ((isYear(token.folded) && !counts) || shortYear) {
      spans.push(spanOf(sentence, 'date', i, i + 1 + era));
    } else if (/^\d{1,2}$/.test(token.folded)) {
      const century = (before && CENTURY_WORDS.has(before)) || (before === 'ke' && CENTURY_WORDS.has(tokens[i - 2]?.folded ?? ''));
      const after = tokens[i + 1]?.folded;
      const english = (after === 'th' || after === 'st' || after === 'nd' || after === 'rd') && tokens[i + 2]?.folded === 'century';
      if (century) spans.push(spanOf(sentence, 'date', i, i + 1));
      else if (english) spans.push(spanOf(sentence, 'date', i, i + 3));
    }
  });
  return spans.sort((a, b) => a.start - b.start);
}

/** A dash between two dates: the span of a life, a reign, a war ("(9 آذار 1924 - 21 آب 2018)"). */
const RANGE_START = /^\s?[-–—]\s?\p{Nd}/u;
const RANGE_END = /\p{Nd}\s?[-–—]\s?$/u;

/** Words between the two dates of a range said in words: "dari tahun 1945 hingga 1965", "from 1911 until 1949", "من 1945 إلى 1965". */
const RANGE_WORDS = new Set(['hingga', 'sampai', 'until', 'till', 'to', 'الي', 'حتي']);

/** How far back a verb of a start or an end dates the date: "ولد يوم 17 ربيع الأول 80 هـ". */
const EDGE_VERB_REACH = 6;

/**
 * Whether a date is when something began or ended: the first or second date of a range (with a
 * dash or in words), or a date just after "born"/"ولد" or "died"/"توفي"; null when nothing says.
 */
export function dateEdgeOf(
  sentence: Pick<AnswerSentence, 'text' | 'tokens'>,
  span: Pick<SpanCandidate, 'start' | 'end' | 'from' | 'to'>,
): QuestionForm['edge'] {
  const { tokens } = sentence;
  if (RANGE_START.test(sentence.text.slice(span.end, span.end + 4))) return 'start';
  if (RANGE_END.test(sentence.text.slice(Math.max(0, span.start - 4), span.start))) return 'end';
  const folded = (i: number) => tokens[i]?.folded ?? '';
  const isYear = (i: number) => /^\d{3,4}$/.test(folded(i));
  const yearAt = (i: number) => isYear(i) || (EXPLICIT_YEAR_WORDS.has(folded(i)) && isYear(i + 1));
  if (RANGE_WORDS.has(folded(span.to)) && yearAt(span.to + 1)) return 'start';
  const before = EXPLICIT_YEAR_WORDS.has(folded(span.from - 1)) ? span.from - 2 : span.from - 1;
  if (RANGE_WORDS.has(folded(before)) && tokens.slice(Math.max(0, before - 4), before).some((t) => /\d/.test(t.folded))) return 'end';
  for (let i = span.from - 1; i >= Math.max(0, span.from - EDGE_VERB_REACH); i--) {
    const edge = edgeOfWord(folded(i));
    if (edge) return edge;
  }
  return null;
}
