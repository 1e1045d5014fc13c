import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headwordToken } from '../../../../ingest/text/lexicon/build/buildLexiconLines.js';
import { LEXICON_SOURCES } from '../../../../ingest/text/lexicon/build/lexiconSources.js';
import { LEXICON_GENERATOR_VERSION } from '../../../../ingest/text/lexicon/lexiconFile.js';
import { LEXICON_DATA_DIR, readLexicon } from '../../../../ingest/text/lexicon/loadLexicon.js';
import { stemWord } from '../../../../ingest/text/stemWord.js';

/** Every committed lexicon file, read as the loader reads it. */
const FILES = readdirSync(LEXICON_DATA_DIR)
  .filter((name) => name.endsWith('.tsv'))
  .sort()
  .map((name) => {
    const file = join(LEXICON_DATA_DIR, name);
    const lexicon = readLexicon(file);
    const lines: { key: string; headword: string }[] = [];
    lexicon.forEach((key, { headword }) => lines.push({ key, headword }));
    return { name, header: lexicon.header, lines };
  });

/** Lines checked per file: every stride-th, so each file's whole range is sampled. */
const SAMPLE = 400;

describe('the committed lexicon data', () => {
  it('GIVEN the generator sources THEN each has its file, written by the current generator version', () => {
    expect(FILES.map((f) => f.name)).toEqual(LEXICON_SOURCES.map((s) => `${s.pair}.tsv`).sort());
    for (const { name, header } of FILES) {
      const source = LEXICON_SOURCES.find((s) => `${s.pair}.tsv` === name)!;
      expect({ name, generator: header.generator }).toEqual({ name, generator: LEXICON_GENERATOR_VERSION });
      expect(header).toMatchObject({ pair: source.pair, from: source.from, to: source.to, package: source.package });
    }
  });

  it.each(FILES.map((f) => [f.name, f] as const))(
    'GIVEN %s THEN its keys are what today’s stemmer makes of its headwords, sorted, as many as the header says',
    (_name, { header, lines }) => {
      expect(lines.length).toBe(header.headwords);
      const stride = Math.max(1, Math.floor(lines.length / SAMPLE));
      for (let i = 0; i < lines.length; i += stride) {
        const { key, headword } = lines[i]!;
        const token = headwordToken(headword);
        expect({ headword, key: token && stemWord(token.folded, header.from) }).toEqual({ headword, key });
        if (i > 0) expect(lines[i - 1]!.key <= key).toBe(true);
      }
    },
  );

  it.each(FILES.map((f) => [f.name, f] as const))(
    'GIVEN %s THEN every key is at or after the one before it in UTF-8 byte order, the order lookups search in',
    (_name, { lines }) => {
      const outOfOrder = lines.findIndex((line, i) => i > 0 && Buffer.compare(Buffer.from(lines[i - 1]!.key), Buffer.from(line.key)) > 0);
      expect(outOfOrder === -1 ? null : lines[outOfOrder]).toBeNull();
    },
  );

  it('GIVEN the data README THEN it names every file with its package version, edition and licence', () => {
    const readme = readFileSync(join(LEXICON_DATA_DIR, 'README.md'), 'utf8');
    for (const { name, header } of FILES) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${name}\``));
      expect(row, name).toBeDefined();
      for (const fact of [header.package, header.packageVersion, header.edition, header.licence])
        expect(row, `${name}: ${fact}`).toContain(fact);
    }
  });

  it('GIVEN the seed pairs THEN Indonesian is CC BY-SA and the Arabic data GPL, each in files of its own', () => {
    const licence = (pair: string) => FILES.find((f) => f.header.pair === pair)?.header.licence;
    expect(licence('eng-ind')).toBe('CC-BY-SA-3.0');
    expect(licence('eng-ara')).toBe('GPL-2+');
    expect(licence('ara-eng')).toBe('GPL-2+');
  });
});
