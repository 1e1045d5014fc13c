import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LEXICON_GENERATOR_VERSION, serializeLexicon, type LexiconHeader } from '../../../../ingest/text/lexicon/lexiconFile.js';
import { readLexicon } from '../../../../ingest/text/lexicon/loadLexicon.js';

const dir = mkdtempSync(join(tmpdir(), 'lexicon-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER: LexiconHeader = {
  format: 'newsdesk-lexicon',
  generator: LEXICON_GENERATOR_VERSION,
  pair: 'eng-ind',
  from: 'en',
  to: 'id',
  package: 'dict-freedict-eng-ind',
  packageVersion: '1',
  edition: '1',
  licence: 'CC-BY-SA-3.0',
  headwords: 5,
};

/** A lexicon file in the temp folder, from `body` (the lines after the header). */
function lexiconFile(name: string, body: string): string {
  const file = join(dir, name);
  writeFileSync(file, `${serializeLexicon(HEADER, [])}${body}`);
  return file;
}

describe('readLexicon', () => {
  const file = lexiconFile(
    'eng-ind.tsv',
    serializeLexicon(HEADER, [
      { key: 'armi', headword: 'army', renderings: ['tentara', 'angkatan darat'] },
      { key: 'govern', headword: 'govern', renderings: ['memerintah'] },
      { key: 'govern', headword: 'government', renderings: ['pemerintah'] },
      { key: 'troop', headword: 'troop', renderings: ['pasukan'] },
      { key: 'troop', headword: 'troops', renderings: ['tentara', 'pasukan'] },
    ]).replace(/^.*\n/, ''),
  );

  it('GIVEN a key several headwords share THEN all of them come back in file order, renderings in order', () => {
    expect(readLexicon(file).entries('govern')).toEqual([
      { headword: 'govern', renderings: ['memerintah'] },
      { headword: 'government', renderings: ['pemerintah'] },
    ]);
  });

  it('GIVEN the first and the last key, and keys between or past them THEN each is found or nothing is', () => {
    const lexicon = readLexicon(file);
    expect(lexicon.entries('armi').map((e) => e.headword)).toEqual(['army']);
    expect(lexicon.entries('troop').map((e) => e.headword)).toEqual(['troop', 'troops']);
    expect([lexicon.entries('aaa'), lexicon.entries('gov'), lexicon.entries('zzz')]).toEqual([[], [], []]);
  });

  it('GIVEN every line visited THEN keys and headwords come in file order', () => {
    const seen: string[] = [];
    readLexicon(file).forEach((key, { headword }) => seen.push(`${key}:${headword}`));
    expect(seen).toEqual(['armi:army', 'govern:govern', 'govern:government', 'troop:troop', 'troop:troops']);
  });

  it('GIVEN a line without its tabs THEN a lookup that reaches it fails naming the file and line', () => {
    const broken = lexiconFile('eng-broken.tsv', 'armi\tarmy\ttentara\ngovern govern memerintah\n');
    expect(() => readLexicon(broken).entries('govern')).toThrow(/eng-broken\.tsv:3: expected "key<TAB>headword<TAB>renderings"/);
  });

  it('GIVEN more lines than the headwords its header says THEN a lookup fails naming the file', () => {
    const long = lexiconFile('eng-long.tsv', Array.from({ length: 6 }, (_, i) => `k${i}\tw${i}\tr${i}`).join('\n') + '\n');
    expect(() => readLexicon(long).entries('k1')).toThrow(/eng-long\.tsv: more lines than the 5 headwords its header says/);
  });

  it('GIVEN Arabic keys sorted by their bytes THEN each is found, and a key between them is not', () => {
    const arabic = lexiconFile(
      'ara-eng.tsv',
      ['جيش\tجيش\tarmy', 'روس\tروسيا\tRussia', 'روسي\tروسي\tRussian', 'نيجر\tالنيجر\tNiger'].join('\n') + '\n',
    );
    const lexicon = readLexicon(arabic);
    expect(['جيش', 'روس', 'روسي', 'نيجر', 'ر'].map((key) => lexicon.entries(key).map((e) => e.renderings[0]))).toEqual([
      ['army'],
      ['Russia'],
      ['Russian'],
      ['Niger'],
      [],
    ]);
  });
});
