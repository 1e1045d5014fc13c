import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../../../ingest/text/analyzeText.js';
import { foldText } from '../../../../ingest/text/foldText.js';
import { LEXICON_GENERATOR_VERSION, serializeLexicon, type LexiconLine } from '../../../../ingest/text/lexicon/lexiconFile.js';
import { openLexiconShelf, type LexiconShelf } from '../../../../ingest/text/lexicon/loadLexicon.js';
import { englishReading } from '../../../../ingest/text/lexicon/readEnglish.js';
import { dictionaryRenderings } from '../../../../ingest/text/lexicon/translateWithDictionary.js';
import { stemWord } from '../../../../ingest/text/stemWord.js';

const id = (word: string) => stemWord(foldText(word), 'id');

describe('dictionaryRenderings on a lexicon the test writes', () => {
  let dir: string;
  let shelf: LexiconShelf;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'newsdesk-shelf-'));
    const lines: LexiconLine[] = [
      { key: 'among', headword: 'among', renderings: ['di antara'] },
      { key: 'dhole', headword: 'dhole', renderings: ['anjing hutan'] },
      { key: 'govern', headword: 'govern', renderings: ['mengatur'] },
      { key: 'govern', headword: 'government', renderings: ['pemerintah'] },
    ];
    const header = {
      format: 'newsdesk-lexicon',
      generator: LEXICON_GENERATOR_VERSION,
      pair: 'eng-ind',
      from: 'en',
      to: 'id',
      package: 'test',
      packageVersion: '1',
      edition: '1',
      licence: 'CC0',
      headwords: lines.length,
    } as const;
    await writeFile(join(dir, 'eng-ind.tsv'), serializeLexicon(header, lines));
    shelf = openLexiconShelf(dir);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('GIVEN two headwords of one stem THEN the one written as asked comes first, the other after it', () => {
    expect(dictionaryRenderings(englishReading('government'), 'id', shelf)).toEqual([id('pemerintah'), id('mengatur')]);
    expect(dictionaryRenderings(englishReading('governs'), 'id', shelf)).toEqual([id('mengatur'), id('pemerintah')]);
  });

  it('GIVEN a multi-word rendering THEN each of its content words, without the target language’s stopwords', () => {
    expect(dictionaryRenderings(englishReading('dholes'), 'id', shelf)).toEqual([id('anjing'), id('hutan')]);
    expect(dictionaryRenderings(englishReading('among'), 'id', shelf)).toEqual([]);
  });

  it('GIVEN a language no file translates into THEN nothing', () => {
    expect(dictionaryRenderings(englishReading('government'), 'ar', shelf)).toEqual([]);
  });
});

describe('English question words and the project’s dictionaries', () => {
  const group = (question: string, word: string, languages = ['en', 'id', 'ar']) =>
    analyzeQuery(question, languages, { questionLanguage: 'en' }).groups.find((g) => g.surface === word);

  it('GIVEN irregular forms THEN they reach their base form’s translations (known → know, built → build)', () => {
    expect(englishReading('known')).toEqual({ forms: ['known', 'know'], stems: ['known', 'know'] });
    expect(group('Who was known as the liberator?', 'known')!.alternatives).toContain(id('tahu'));
    expect(group('Who built the bridge?', 'built')!.alternatives).toContain(id('bangun'));
  });

  it('GIVEN function words the stopword package lacks THEN none of them is a query word', () => {
    expect(analyzeQuery('not its during within among around upon no', ['en', 'id', 'ar']).groups).toEqual([]);
  });

  it('GIVEN a word the hand lexicon lacks THEN its group holds the dictionary renderings, marked as one list per language', () => {
    const punishment = group('Where is corporal punishment still practiced?', 'punishment')!;
    expect(punishment.renderings).toHaveLength(2);
    for (const list of punishment.renderings!) for (const term of list) expect(punishment.alternatives).toContain(term);
  });

  it('GIVEN a word the hand lexicon translates THEN the dictionaries add nothing for that language', () => {
    expect(group('How many troops were sent?', 'troops')!.renderings).toBeUndefined();
  });

  it('GIVEN a question detected as Indonesian THEN its words are not read as English', () => {
    const groups = analyzeQuery('Siapa pemimpin pasukan itu?', ['id', 'en', 'ar'], { questionLanguage: 'id' }).groups;
    expect(groups.every((g) => g.renderings === undefined)).toBe(true);
  });
});
