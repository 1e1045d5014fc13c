/** "[2]", "[1, 3]", "[1,3]": the citation markers an answer may hold. */
const MARKER = String.raw`\[(\s*\d+\s*(?:,\s*\d+\s*)*)\]`;
/** A marker still being streamed ("[", "[1", "[1, "), held back until it is complete. */
const UNFINISHED_MARKER = /\[[\d,\s]*$/;

const numbersIn = (list: string) => list.split(',').map((n) => Number(n.trim()));

/**
 * Drops citation numbers that name no given passage (1…passageCount); a marker left with none
 * goes together with the space before it, so "done [7]." becomes "done.".
 */
export function removeUnknownCitations(text: string, passageCount: number): string {
  return text
    .replace(new RegExp(String.raw`(\s*)${MARKER}`, 'g'), (_marker, space: string, list: string) => {
      const known = numbersIn(list).filter((n) => n >= 1 && n <= passageCount);
      return known.length ? `${space}[${known.join(', ')}]` : '';
    })
    .trim();
}

/** The passage numbers an answer cites, in order of first mention. */
export function citedPassages(text: string): number[] {
  const cited = new Set<number>();
  for (const [, list] of text.matchAll(new RegExp(MARKER, 'g'))) for (const n of numbersIn(list!)) cited.add(n);
  return [...cited];
}

/** Streamed text fit to show: complete markers only, unknown ones removed. */
export function cleanPartialAnswer(text: string, passageCount: number): string {
  return removeUnknownCitations(text.replace(UNFINISHED_MARKER, ''), passageCount);
}
