import { tokenDocumentTerms, tokenizeForAnalysis, type QueryGroup } from '../../../ingest/text/analyzeText.js';
import type { NameMatch } from '../../../ingest/text/bridgeNames.js';
import type { Token } from '../../../ingest/text/tokenizeText.js';

/**
 * A sentence's words marked with the question's words they are: the reader looks for the
 * answer next to what the question asked about, and never takes the question's own words for it.
 */

export type MarkedToken = Token & {
  /** Index of the question's word (its group) this token is, or null. */
  group: number | null;
  /** A stopword or a fragment: it carries no meaning of its own. */
  stop: boolean;
  /** Inside parentheses or brackets: an aside (another script's spelling, dates, a code), rarely the answer. */
  aside: boolean;
};

export type MarkedText = {
  tokens: MarkedToken[];
  /** Summed idf of the question's words the text holds, each once. */
  score: number;
  /** The question's words (group indices) the text holds. */
  groups: Set<number>;
  /** CLDR names in the text (token ranges), matched to the question or not. */
  names: NameMatch[];
};

/** Which group each term stands for, built once per question, with the terms' idf in the index. */
export type GroupLookup = { groups: readonly QueryGroup[]; byTerm: Map<string, number>; idf: (term: string) => number };

export function buildGroupLookup(groups: readonly QueryGroup[], idf: (term: string) => number): GroupLookup {
  const byTerm = new Map<string, number>();
  groups.forEach((group, i) => {
    for (const term of group.alternatives) if (!byTerm.has(term)) byTerm.set(term, i);
  });
  return { groups, byTerm, idf };
}

const OPENING = '([';
const CLOSING = ')]';

/**
 * Tokenises `text` (in `language`) and marks each token with the question word it matches; null
 * when it holds none of them, and then its tokens are never copied.
 */
export function markSentence(text: string, language: string, lookup: GroupLookup): MarkedText | null {
  const { tokens, names } = tokenizeForAnalysis(text);
  // Each question word scores once, as the rarest of its terms the sentence holds.
  const best = new Map<number, number>();
  const hit = (term: string): number | null => {
    const group = lookup.byTerm.get(term);
    if (group === undefined) return null;
    best.set(group, Math.max(best.get(group) ?? 0, lookup.idf(term)));
    return group;
  };
  // -1: a stopword or fragment; -2: a word of no question group; else the group.
  const groupOf = new Int32Array(tokens.length);
  tokens.forEach((token, i) => {
    const terms = tokenDocumentTerms(token, language);
    let group: number | null = null;
    for (const term of terms ?? []) group = hit(term) ?? group;
    groupOf[i] = group ?? (!terms || terms.length === 0 ? -1 : -2);
  });
  const nameGroups = names.map((name) => hit(name.term));
  let score = 0;
  for (const weight of best.values()) score += weight;
  if (score <= 0) return null;
  let depth = 0;
  let at = 0;
  const marked: MarkedToken[] = tokens.map((token, i) => {
    for (const c of text.slice(at, token.start)) depth = Math.max(0, depth + (OPENING.includes(c) ? 1 : CLOSING.includes(c) ? -1 : 0));
    at = token.start;
    const group = groupOf[i]!;
    return { ...token, group: group >= 0 ? group : null, stop: group === -1, aside: depth > 0 };
  });
  names.forEach((name, n) => {
    const group = nameGroups[n];
    if (group === null || group === undefined) return;
    for (let i = name.from; i < name.to; i++) {
      marked[i]!.group = group;
      marked[i]!.stop = false;
    }
  });
  return { tokens: marked, score, groups: new Set(best.keys()), names };
}
