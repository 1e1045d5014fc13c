import { foldDigits, foldText } from '../../../ingest/text/foldText.js';
import { baseLanguage } from '../../../ingest/text/baseLanguage.js';
import { spanOf, tokenRange, type AnswerSentence, type NumberValue, type SpanCandidate } from './spanTypes.js';

/**
 * Quantities a sentence states: a number (with the text's own digit grouping: "1.500" is one
 * thousand five hundred in Indonesian and "8.646" in Arabic, "1,500" in English; Arabic-Indic
 * digits as well), a scale word after it ("2,5 juta", "3 ملايين"), a percent sign or word, and
 * the counted noun or unit that follows ("1.500 tentara", "8.646 ميلاً مربّعاً").
 */

// Letters then a hyphen before digits make a code ("S-300"), not a number.
const NUMBER = /(?<![\p{L}\p{N}.,٫٬]|\p{L}[-‐])(\d{1,3}(?:([.,٬])\d{3})(?:\2\d{3})*(?:[.,٫]\d+)?|\d+(?:[.,٫]\d+)?)(?![\p{N}]|[.,٫٬]\d)/gu;

const SCALES: Record<string, number> = Object.fromEntries(
  [
    ['thousand ribu الف الاف', 1e3],
    ['million juta مليون ملايين', 1e6],
    ['billion miliar milyar مليار مليارات', 1e9],
    ['trillion triliun تريليون', 1e12],
  ].flatMap(([words, value]) => (words as string).split(' ').map((w) => [foldText(w), value as number])),
);
const PERCENT_WORDS = new Set(['percent', 'persen', 'بالمئه', 'بالمائه', 'بالميه', 'بالمايه', 'المئه', 'المائه'].map(foldText));

/** Where "." and "," group thousands (with exactly three digits after): English groups with commas only. */
function isGrouping(separator: string, language: string): boolean {
  if (separator === '٬') return true;
  const base = baseLanguage(language);
  if (base === 'en' || base === 'zh' || base === 'ja' || base === 'ko' || base === 'th' || base === 'he') return separator === ',';
  if (base === 'ar' || base === 'fa' || base === 'ur') return true;
  return separator === '.';
}

/** The value of a number as written in `language`. */
export function readNumber(written: string, language: string): number {
  const digits = foldDigits(written);
  const grouped = digits.match(/^\d{1,3}([.,٬])\d{3}(?:\1\d{3})*(?:[.,٫](\d+))?$/);
  if (grouped && (isGrouping(grouped[1]!, language) || digits.split(grouped[1]!).length > 2)) {
    const [whole, fraction] = [digits.slice(0, digits.length - (grouped[2] ? grouped[2].length + 1 : 0)), grouped[2]];
    return Number(whole.replace(/[.,٬]/g, '') + (fraction ? `.${fraction}` : ''));
  }
  return Number(digits.replace(/[,٫]/, '.'));
}

/** Numbers of the sentence that are not inside `taken` spans (dates, codes). */
export function findNumberSpans(sentence: AnswerSentence, taken: readonly SpanCandidate[]): SpanCandidate[] {
  const text = foldDigits(sentence.text);
  const { tokens } = sentence;
  const spans: SpanCandidate[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const start = match.index;
    const end = start + match[0].length;
    if (taken.some((t) => t.start < end && start < t.end)) continue;
    const range = tokenRange(sentence, start, end);
    if (!range) continue;
    let value = readNumber(match[0], sentence.language);
    if (!Number.isFinite(value)) continue;
    let to = range.to;
    let scaled = false;
    let percent = /^\s?[%٪]/.test(text.slice(end));
    const scale = SCALES[tokens[to]?.folded ?? ''];
    if (scale) {
      value *= scale;
      scaled = true;
      to += 1;
    }
    if (!percent && tokens[to] && PERCENT_WORDS.has(tokens[to]!.folded)) {
      percent = true;
      to += 1;
    }
    let unit: NumberValue['unit'] = null;
    const next = tokens[to];
    // A unit follows after a space, or attached ("4.800km²"): but not a word glued by a hyphen ("300-an").
    if (
      !percent &&
      next &&
      /^\p{L}/u.test(next.folded) &&
      /^\s*$/.test(sentence.text.slice(tokens[to - 1]!.end, next.start)) &&
      (!next.stop || next.start === tokens[to - 1]!.end)
    ) {
      // A unit may be two words: "ميلاً مربّعاً", "kapal nelayan", "fishing boats".
      const second = tokens[to + 1];
      const both =
        second && !second.stop && !next.stop && /^\p{L}/u.test(second.folded) && /^\s+$/.test(sentence.text.slice(next.end, second.start));
      unit = { from: to, to: to + (both ? 2 : 1) };
    }
    // A unit the question names ("how many troops") is said in the question's words, not taken from the text.
    const unitIsAsked = unit !== null && tokens.slice(unit.from, unit.to).some((t) => t.group !== null);
    const span = spanOf(sentence, 'number', range.from, unit && !unitIsAsked ? unit.to : to, { number: { value, scaled, percent, unit } });
    // "Km2", "km²": a unit's exponent is part of it.
    if (unit && !unitIsAsked) span.end += sentence.text.slice(span.end).match(/^[\d²³]*/)![0].length;
    // The percent sign is not a token: the span ends after it.
    if (percent && !unit) span.end = Math.max(span.end, (text.slice(end).match(/^\s?[%٪]/)?.[0].length ?? 0) + end);
    spans.push(span);
  }
  return spans;
}
