import type { ResolvedDate } from '../../../ingest/text/findDates.js';
import type { MarkedText } from './markSentence.js';

/** A sentence the answer may come from, with its place among the citations. */
export type AnswerSentence = MarkedText & {
  /** The citation (article) number and which of its passages. */
  n: number;
  passage: number;
  /** Offsets of the sentence in that passage. */
  start: number;
  end: number;
  text: string;
  language: string;
  published: string | null;
  /** The sentence's match with the question, leaning on its passage's rank. */
  weight: number;
  /** Its passage's place in the retrieval, 0 first. */
  passageRank: number;
  /** The share of the question's words it holds. */
  coverage: number;
  /** 1 when it lacks the question's rarest word (the one the archive uses least). */
  missedRare: number;
  /** Each question word's share of the question's idf (by group index). */
  groupShare: readonly number[];
};

export type SpanKind = 'date' | 'number' | 'name' | 'place' | 'code' | 'quote' | 'definition' | 'subject' | 'reason' | 'phrase';

/** A number as read from the text, in the text's own conventions ("1.500" in Indonesian is 1500). */
export type NumberValue = {
  value: number;
  /** "million", "juta", "مليون": the value is already multiplied; rendering says it in words. */
  scaled: boolean;
  percent: boolean;
  /** Tokens of the counted noun or unit after the number ("tentara", "ميلاً مربّعاً"), as a token range. */
  unit: { from: number; to: number } | null;
};

/** Function words that keep a noun phrase going ("repair of quay number 1"). */
export const NOUN_PHRASE_LINKS: ReadonlySet<string> = new Set(['of']);

/** A candidate answer inside a sentence: tokens [from, to) and their character offsets. */
export type SpanCandidate = {
  kind: SpanKind;
  from: number;
  to: number;
  start: number;
  end: number;
  date?: ResolvedDate;
  number?: NumberValue;
  /** The CLDR concept of a name ("r:NE"), for rendering it in the asker's language. */
  concept?: string;
};

/** The token range covering character offsets [start, end) of a sentence. */
export function tokenRange(sentence: Pick<MarkedText, 'tokens'>, start: number, end: number): { from: number; to: number } | null {
  const from = sentence.tokens.findIndex((t) => t.end > start);
  if (from === -1 || sentence.tokens[from]!.start >= end) return null;
  let to = from;
  while (to < sentence.tokens.length && sentence.tokens[to]!.start < end) to++;
  return { from, to };
}

/** A candidate over tokens [from, to), with their character offsets. */
export function spanOf(
  sentence: Pick<MarkedText, 'tokens'>,
  kind: SpanKind,
  from: number,
  to: number,
  extra: Partial<SpanCandidate> = {},
): SpanCandidate {
  return { kind, from, to, start: sentence.tokens[from]!.start, end: sentence.tokens[to - 1]!.end, ...extra };
}

/** Whether the nearest word before token `from` (or, with `step` 1, at or after `to`) that is not a stopword is one of the question's. */
export function touchesQuestion(sentence: Pick<MarkedText, 'tokens'>, at: number, step: -1 | 1): boolean {
  for (let i = at; i >= 0 && i < sentence.tokens.length; i += step) {
    const token = sentence.tokens[i]!;
    if (!token.stop) return token.group !== null;
  }
  return false;
}
