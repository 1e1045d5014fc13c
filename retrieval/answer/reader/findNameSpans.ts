import { isArabicScript } from '../../../ingest/text/foldText.js';
import { spanOf, tokenRange, type AnswerSentence, type SpanCandidate } from './spanTypes.js';

/**
 * Named things in a sentence: CLDR names of countries, regions and languages (any script; a
 * region is a place), runs of capitalised words in Latin-script text ("Wakil Menteri Pertahanan
 * Lounous-Bek Evkourov", "Bank of America"), model codes ("S-300", "Il-76", "إس-300") and
 * quoted titles.
 */

/** Lower-case words that may sit inside a name: "Abu al-Rayhan al-Biruni", "Bank of America". */
// Not "di": in Indonesian it is "in" ("Tchiani di Niamey" is two names).
const NAME_CONNECTORS = new Set([
  'al',
  'el',
  'bin',
  'binti',
  'ibn',
  'de',
  'da',
  'del',
  'della',
  'der',
  'den',
  'van',
  'von',
  'la',
  'le',
  'of',
  'y',
  'dos',
  'du',
]);
/** Between two words of one name there is only a space, a hyphen, an apostrophe or an initial's dot. */
const JOINS_NAME = /^(?:\s|\s?[-‐'’]\s?|\.\s?)$/;
/** Between two names of a list: a comma or "and". */
const LIST_JOIN = /^(?:,\s*|\s+(?:dan|and|serta|&)\s+|,\s*(?:dan|and)\s+)$/;

const CODE = /(?<![\p{L}\p{N}])(?:\p{Lu}[\p{L}]{0,9}[-‐]?|[\u0621-\u064A]{1,8}[-‐])\d[\d.,]*(?:[-‐]?[\p{L}\d]+)?(?![\p{L}\p{N}])/gu;
const QUOTED = /[“«"„]([^”»"“«]{2,80})[”»"]/gu;

const isCapitalised = (raw: string) => /^\p{Lu}/u.test(raw);

function capitalisedRuns(sentence: AnswerSentence): SpanCandidate[] {
  const { tokens, text } = sentence;
  const runs: SpanCandidate[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    // The first word of a sentence is capitalised anyway: only a content word may open a name there.
    if (!isCapitalised(token.raw) || isArabicScript(token.raw) || (i === 0 && token.stop)) {
      i++;
      continue;
    }
    let to = i + 1;
    for (;;) {
      const next = tokens[to];
      if (!next || !JOINS_NAME.test(text.slice(tokens[to - 1]!.end, next.start))) break;
      if (isCapitalised(next.raw) || /^\d+$/.test(next.raw)) to++;
      else if (
        NAME_CONNECTORS.has(next.folded) &&
        tokens[to + 1] &&
        isCapitalised(tokens[to + 1]!.raw) &&
        JOINS_NAME.test(text.slice(next.end, tokens[to + 1]!.start))
      )
        to += 2;
      else break;
    }
    // A lone capital letter ("°C", "I") is a unit or a pronoun, not a name.
    if (to - i > 1 || token.raw.length > 1) runs.push(spanOf(sentence, 'name', i, to));
    i = to;
  }
  return [...runs, ...coordinated(sentence, runs)];
}

/** Names listed together are one answer too: "Lucio Quezón dan María Dolores Molina", "Toulouse, Perancis". */
function coordinated(sentence: AnswerSentence, runs: readonly SpanCandidate[]): SpanCandidate[] {
  const lists: SpanCandidate[] = [];
  for (let first = 0; first < runs.length; first++) {
    let last = first;
    while (last + 1 < runs.length && LIST_JOIN.test(sentence.text.slice(runs[last]!.end, runs[last + 1]!.start)) && last - first < 3) {
      last++;
      lists.push(spanOf(sentence, 'name', runs[first]!.from, runs[last]!.to));
    }
  }
  return lists;
}

function cldrNames(sentence: AnswerSentence): SpanCandidate[] {
  return sentence.names.map((name) => {
    const concept = name.term.slice(1);
    return spanOf(sentence, concept.startsWith('r:') ? 'place' : 'name', name.from, name.to, { concept });
  });
}

function matchedSpans(sentence: AnswerSentence, pattern: RegExp, kind: 'code' | 'quote', group = 0): SpanCandidate[] {
  const spans: SpanCandidate[] = [];
  for (const match of sentence.text.matchAll(pattern)) {
    const start = match.index + match[0].indexOf(match[group]!);
    const range = tokenRange(sentence, start, start + match[group]!.length);
    if (range) spans.push({ ...spanOf(sentence, kind, range.from, range.to), start, end: start + match[group]!.length });
  }
  return spans;
}

export function findNameSpans(sentence: AnswerSentence): SpanCandidate[] {
  const codes = matchedSpans(sentence, CODE, 'code');
  const names = [...cldrNames(sentence), ...capitalisedRuns(sentence)].filter((n) => !codes.some((c) => c.from < n.to && n.from < c.to));
  return [...codes, ...names, ...matchedSpans(sentence, QUOTED, 'quote', 1)];
}
