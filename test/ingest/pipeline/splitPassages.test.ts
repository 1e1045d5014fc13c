import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../helpers/parseArticle.js';
import { splitPassages } from '../../../ingest/pipeline/splitPassages.js';
import { findSentences } from '../../../ingest/text/findSentences.js';
import { ARABIC_SEED, INDONESIAN_SEED, PROJECT_SEEDS } from '../../helpers/tempWorkspace.js';

describe('splitPassages on the seeds', () => {
  it.each([
    [INDONESIAN_SEED, 300, 80],
    [ARABIC_SEED, 300, 80],
    [INDONESIAN_SEED, 700, 150],
  ])(
    'GIVEN %s with max %i and overlap %i THEN passages are whole sentences within the limit, in order, with offsets into the text',
    async (name, maxChars, overlapChars) => {
      const article = parseArticle(name, await readFile(join(PROJECT_SEEDS, name), 'utf8'));
      const passages = splitPassages(article, { maxChars, overlapChars });
      expect(passages.length).toBeGreaterThan(1);
      const sentenceStarts = new Set(findSentences(article.text, article.language, maxChars).map((s) => s.start));
      passages.forEach((p, i) => {
        expect(p.ordinal).toBe(i);
        expect(p.sourceId).toBe(name);
        expect(p.text.length).toBeLessThanOrEqual(maxChars);
        expect(article.text.slice(p.start, p.end)).toBe(p.text);
        expect(sentenceStarts.has(p.start)).toBe(true);
      });
      // Consecutive passages cover the whole text (a gap is white space at most) and overlap by at most the configured amount.
      expect(passages[0]!.start).toBe(0);
      expect(passages.at(-1)!.end).toBe(article.text.trimEnd().length);
      for (let i = 1; i < passages.length; i++) {
        expect(article.text.slice(passages[i - 1]!.end, Math.max(passages[i - 1]!.end, passages[i]!.start)).trim()).toBe('');
        expect(passages[i - 1]!.end - passages[i]!.start).toBeLessThanOrEqual(overlapChars);
      }
    },
  );
});
