/** An English article no real seed talks about, to tell a new generation from the old one. */
export const LIGHTHOUSE_SEED = `---
title: Old lighthouse of Pulau Seribu reopens to visitors
publisher: Harbour Gazette
published: 2024-03-04
url: https://example.org/news/lighthouse
language: en
---

The restored lighthouse on Pulau Seribu reopened to visitors on 3 March 2024 after two years of repairs.

Keepers say the lamp was converted to solar power during the works.
`;

export const LIGHTHOUSE_QUESTION = 'when did the Pulau Seribu lighthouse reopen?';

/** Polls `condition` until it holds; fails the test after `timeoutMs`. */
export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const NIGER_QUESTION = 'when did Niger end EU cooperation?';
/** Nothing in the seeds is about baking. */
export const UNANSWERABLE_QUESTION = 'what is the best recipe for sourdough bread?';

/** A second new article, for updates made by another process. */
export const FERRY_SEED = `---
title: Night ferry to Batam suspended for the monsoon
publisher: Harbour Gazette
published: 2024-02-10
language: en
---

The night ferry between Jakarta and Batam was suspended on 9 February 2024 because of monsoon storms.
`;

export const FERRY_QUESTION = 'why was the night ferry to Batam suspended?';

/**
 * One article that is a single 7,000-character sentence, so its answer and passage are longer
 * than any Discord limit.
 */
export const HUGE_SEED = `---
title: Harbour authority of Pulau Seribu publishes its annual list of works
publisher: Harbour Gazette
published: 2024-04-01
language: en
---

The harbour authority of Pulau Seribu announced ${Array.from({ length: 160 }, (_, i) => `the repair of quay number ${i + 1} with new timber and steel`).join(', ')} and a new lighthouse lamp.
`;

export const HUGE_QUESTION = 'what did the harbour authority of Pulau Seribu announce?';
