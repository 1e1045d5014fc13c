import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitPassages } from '../../../../ingest/pipeline/splitPassages.js';
import { parseArticle } from '../../../helpers/parseArticle.js';
import { ARABIC_SEED, INDONESIAN_SEED, PROJECT_SEEDS } from '../../../helpers/tempWorkspace.js';

/**
 * What parseSeed and splitPassages made of the project's seeds before the parsers learned
 * charsets, scored titles and dates, and line stripping (recorded at commit 5d212bd): the new
 * rules must leave these two pages exactly as they were, passages included.
 */
const recorded = JSON.parse(await readFile(join(import.meta.dirname, 'fixtures/seedParses.json'), 'utf8')) as Record<string, unknown>;

describe('the project seeds parse as recorded', () => {
  it.each([INDONESIAN_SEED, ARABIC_SEED])(
    'GIVEN seed %s THEN title, publisher, date, text and passages are the recorded ones',
    async (name) => {
      const article = parseArticle(name, await readFile(join(PROJECT_SEEDS, name), 'utf8'));
      const passages = splitPassages(article, { maxChars: 700, overlapChars: 150 }).map(({ ordinal, start, end }) => ({
        ordinal,
        start,
        end,
      }));
      expect({ article, passages }).toEqual(recorded[name]);
    },
  );
});
