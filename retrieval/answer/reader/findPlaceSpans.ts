import { foldText, isArabicScript } from '../../../ingest/text/foldText.js';
import { spanOf, type AnswerSentence, type SpanCandidate } from './spanTypes.js';

/**
 * Where something is, as a sentence says it: the words after a locative preposition ("di
 * Toulouse, Perancis", "ولد في أرنهيم بخيلدرلند بهولندا", "in Detroit, Michigan"). In Latin
 * script the place is the capitalised names that follow (a list joined by commas); in Arabic,
 * which has no capitals, the first words of the clause.
 */

// Not من: it is "of" and "than" far more often than "from".
const LOCATIVES = new Set(
  [
    'di',
    'ke',
    'dari',
    'in',
    'at',
    'from',
    'near',
    'dekat',
    'inside',
    'within',
    'في',
    'الى',
    'إلى',
    'قرب',
    'داخل',
    'بالقرب',
    'شمال',
    'جنوب',
    'شرق',
    'غرب',
  ].map(foldText),
);
const MAX_WORDS = 4;
const CLAUSE_BREAK = /[;:()[\]،؛.!?؟"“”«»]/;
const NAME_JOIN = /^(?:\s|,\s*|\s?[-‐]\s?)$/;

const isCapitalised = (raw: string) => /^\p{Lu}/u.test(raw);
/** Where an Arabic place's words end: a figure or the word for a year ("قرب الأغواط عام 1804"). */
const ARABIC_PLACE_END = /\d|^(?:عام|سنه|العام|يوم|شهر)$/u;

export function findPlaceSpans(sentence: AnswerSentence): SpanCandidate[] {
  const { tokens, text } = sentence;
  const spans: SpanCandidate[] = [];
  tokens.forEach((token, i) => {
    if (!LOCATIVES.has(token.folded) || i + 1 >= tokens.length) return;
    const from = i + 1;
    const arabic = isArabicScript(tokens[from]!.raw);
    if (arabic ? tokens[from]!.stop || ARABIC_PLACE_END.test(tokens[from]!.folded) : !isCapitalised(tokens[from]!.raw)) return;
    let to = from + 1;
    while (to < tokens.length && to - from < (arabic ? MAX_WORDS : MAX_WORDS * 2)) {
      const between = text.slice(tokens[to - 1]!.end, tokens[to]!.start);
      if (
        arabic
          ? CLAUSE_BREAK.test(between) || between.includes(',') || ARABIC_PLACE_END.test(tokens[to]!.folded)
          : !NAME_JOIN.test(between) || !isCapitalised(tokens[to]!.raw)
      )
        break;
      to++;
    }
    while (to > from + 1 && tokens[to - 1]!.stop) to--;
    spans.push(spanOf(sentence, 'place', from, to));
    // In Arabic the clause may run on past the place: its first words alone are candidates too.
    if (arabic) for (let end = from + 1; end < to; end++) spans.push(spanOf(sentence, 'place', from, end));
  });
  return spans;
}
