import type { LoadedIndex } from '../open/loadIndex.js';
import type { RetrievedPassage } from '../retrievePassages.js';
import type { Citation } from './answerQuestion.js';

/** Where a retrieved passage is cited: its article's number and its place among that article's passages. */
export type PassagePlace = { n: number; passage: number };

/**
 * One citation per article, numbered in order of the article's best passage, each listing the
 * passages used (best first): two passages of one article are [1] twice, never [1] and [3].
 * `passage` and `score` repeat the first passage's, for readers of the one-passage shape.
 */
export function groupCitations(
  index: LoadedIndex,
  passages: readonly RetrievedPassage[],
): { citations: Citation[]; places: PassagePlace[] } {
  const citations: Citation[] = [];
  const bySource = new Map<string, Citation>();
  const places = passages.map((passage): PassagePlace => {
    const m = passage.document.metadata;
    const score = Number(passage.score.toFixed(6));
    const cited = { passage: passage.document.pageContent, score };
    const known = bySource.get(m.sourceId);
    if (known) {
      known.passages.push(cited);
      return { n: known.n, passage: known.passages.length - 1 };
    }
    const others = passage.alsoReportedBy.flatMap((sourceId) => {
      const source = index.store.sources.get(sourceId);
      return source ? [{ sourceId, title: source.title, publisher: source.publisher, published: source.published, url: source.url }] : [];
    });
    const citation: Citation = {
      n: citations.length + 1,
      sourceId: m.sourceId,
      title: m.title,
      publisher: m.publisher,
      published: m.published,
      url: m.url,
      language: m.language,
      passage: cited.passage,
      score,
      passages: [cited],
      ...(others.length > 0 ? { alsoReportedBy: others } : {}),
    };
    citations.push(citation);
    bySource.set(m.sourceId, citation);
    return { n: citation.n, passage: 0 };
  });
  return { citations, places };
}
