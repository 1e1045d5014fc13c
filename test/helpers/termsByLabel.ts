import type { LexicalPostings } from '../../ingest/index/lexicalPostings.js';

/** Each passage's terms with their counts ("term×n", sorted), read back from postings, for comparing indexes. */
export function termsByLabel(postings: LexicalPostings): Map<number, string> {
  const { dictionary, termCount } = postings;
  const { offsets, labels, counts } = postings.all();
  const terms = new Map<number, string[]>();
  for (let id = 0; id < termCount; id++) {
    for (let i = offsets[id]!; i < offsets[id + 1]!; i++) {
      const list = terms.get(labels[i]!) ?? [];
      list.push(`${dictionary.terms[id]}×${counts[i]}`);
      terms.set(labels[i]!, list);
    }
  }
  return new Map([...terms].map(([label, list]) => [label, list.sort().join(' ')]));
}
