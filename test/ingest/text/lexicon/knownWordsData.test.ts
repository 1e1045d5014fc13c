import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { knownWordsFileName, parseKnownWords } from '../../../../ingest/text/lexicon/knownWordsFile.js';
import { LEXICON_GENERATOR_VERSION } from '../../../../ingest/text/lexicon/lexiconFile.js';
import { LEXICON_DATA_DIR, projectLexicons } from '../../../../ingest/text/lexicon/loadLexicon.js';
import { LEXICON_SOURCES } from '../../../../ingest/text/lexicon/build/lexiconSources.js';
import { stemOfRendering } from '../../../../ingest/text/lexicon/build/listKnownStems.js';

/** Every language a committed lexicon glosses, with the pairs that serve it. */
const LANGUAGES = [...new Set(LEXICON_SOURCES.flatMap((s) => [s.from, s.to]).filter((l) => l !== 'en'))].sort();
const pairsOf = (language: string) => LEXICON_SOURCES.filter((s) => s.from === language || s.to === language).map((s) => s.pair);

const LISTS = LANGUAGES.map((language) => {
  const file = join(LEXICON_DATA_DIR, knownWordsFileName(language));
  return [language, parseKnownWords(readFileSync(file, 'utf8'), file)] as const;
});

/** Lexicon lines checked per language, spread over the whole file. */
const SAMPLE = 300;

describe('the committed known-word lists', () => {
  it('GIVEN the lexicon sources THEN every language they gloss has a list, and no other list is there', () => {
    const names = readdirSync(LEXICON_DATA_DIR).filter((n) => n.startsWith('known-'));
    expect(names.sort()).toEqual(LANGUAGES.map(knownWordsFileName).sort());
  });

  it.each(LISTS)(
    'GIVEN known-%s.txt THEN its header names the current generator and each source pair with its licence',
    (language, { header }) => {
      const shelf = projectLexicons();
      expect(header.generator).toBe(LEXICON_GENERATOR_VERSION);
      expect(header.language).toBe(language);
      expect(header.sources.map((s) => s.pair)).toEqual(pairsOf(language));
      for (const { pair, licence } of header.sources) {
        const { from, to } = LEXICON_SOURCES.find((s) => s.pair === pair)!;
        expect({ pair, licence }).toEqual({ pair, licence: shelf.get(from, to)!.header.licence });
      }
    },
  );

  it.each(LISTS)(
    'GIVEN known-%s.txt THEN its stems are sorted, distinct, and hold today’s stem of each sampled rendering',
    (language, { stems }) => {
      for (let i = 1; i < stems.length; i++) if (!(stems[i - 1]! < stems[i]!)) expect.fail(`${stems[i - 1]} before ${stems[i]}`);
      const listed = new Set(stems);
      const lexicon = projectLexicons().get('en', language);
      const renderings: string[] = [];
      lexicon?.forEach((_key, entry) => renderings.push(...entry.renderings));
      const stride = Math.max(1, Math.floor(renderings.length / SAMPLE));
      let checked = 0;
      for (let i = 0; i < renderings.length; i += stride) {
        const stem = stemOfRendering(renderings[i]!, language);
        if (stem === undefined) continue;
        expect({ rendering: renderings[i], listed: listed.has(stem) }).toEqual({ rendering: renderings[i], listed: true });
        checked++;
      }
      if (lexicon) expect(checked).toBeGreaterThan(SAMPLE / 2);
    },
  );
});
