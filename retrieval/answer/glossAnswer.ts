import { canGloss } from '../../ingest/text/lexicon/buildGlossTables.js';
import { glossText, type Gloss } from '../../ingest/text/lexicon/glossText.js';

/**
 * The English gist under a foreign answer: each part of the answer that quotes a cited article
 * (the text before each `[n]` marker) glossed word for word from the article's language. Parts
 * quoting English articles, or languages no dictionary glosses, are left out.
 */

export type GlossedPart = { n: number; language: string; text: string; gloss: Gloss };

/** What the gloss reads of an Answer: its text and the language of each citation. */
export type GlossableAnswer = { answer: string | null; citations: readonly { n: number; language: string }[] };

const QUOTED = /([^[\]]*?)\s*\[(\d+)\]/g;

/** The answer's quoted parts with their glosses; empty when nothing in it needs or has one. */
export function glossAnswer(answer: GlossableAnswer): GlossedPart[] {
  if (!answer.answer) return [];
  const languageOf = new Map(answer.citations.map((c) => [c.n, c.language]));
  const parts: GlossedPart[] = [];
  for (const [, quoted, marker] of answer.answer.matchAll(QUOTED)) {
    const n = Number(marker);
    const language = languageOf.get(n);
    const text = quoted!.trim();
    const gloss = language && text ? glossText(text, language) : undefined;
    if (gloss && language) parts.push({ n, language, text, gloss });
  }
  return parts;
}

/** Whether the answer quotes an article in a language the gloss serves (cheap: builds no table). */
export function hasGloss(answer: GlossableAnswer): boolean {
  const text = answer.answer;
  return text !== null && answer.citations.some((c) => text.includes(`[${c.n}]`) && canGloss(c.language));
}

/** The gloss as terminal text: a label that says what it is, then `[n] gloss` per part. */
export function formatGlossText(parts: readonly GlossedPart[]): string {
  if (parts.length === 0) return '';
  return ['Word-for-word English gloss (dictionary senses, not a translation):', ...parts.map((p) => `[${p.n}] ${p.gloss.text}`)].join(
    '\n',
  );
}
