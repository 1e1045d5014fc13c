import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { foldText } from '../../../../ingest/text/foldText.js';
import { isKnownWord } from '../../../../ingest/text/lexicon/isKnownWord.js';
import { serializeKnownWords } from '../../../../ingest/text/lexicon/knownWordsFile.js';

const known = (word: string, language: string, dir?: string) => isKnownWord(foldText(word), language, dir);

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'known-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('isKnownWord', () => {
  it('GIVEN Arabic words a dictionary has, with article, conjunction or attached preposition THEN each is known', () => {
    for (const word of ['الحكومة', 'والحكومة', 'تعزيز', 'لتوضيح'])
      expect({ word, known: known(word, 'ar') }).toEqual({ word, known: true });
  });

  it('GIVEN a foreign name spelled out in Arabic THEN its words are not known', () => {
    expect([known('غوتفريت', 'ar'), known('زيمبا', 'ar')]).toEqual([false, false]);
  });

  it('GIVEN Indonesian words, one only the core lexicon has (pemberontak), with a region tag or as Malay THEN they are known, a made-up word is not', () => {
    expect([known('pemerintah', 'id-ID'), known('pemberontak', 'id'), known('tentara', 'ms'), known('zibrakov', 'id')]).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });

  it('GIVEN English, or a language with no list THEN no answer is given (no word is called unknown)', () => {
    expect([known('government', 'en'), known('zibrakov', 'sw')]).toEqual([undefined, undefined]);
  });

  it('GIVEN a list whose header miscounts its stems THEN reading it fails naming the file', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'known-fr.txt'),
      serializeKnownWords('fr', [{ pair: 'eng-fra', licence: 'GPL-2+' }], ['maison']).replace('"stems":1', '"stems":2'),
    );
    expect(() => known('maison', 'fr', dir)).toThrow(/known-fr\.txt: header says 2 stems, the file has 1/);
  });

  it('GIVEN a list in another folder THEN its stems are what is known there', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'known-fr.txt'), serializeKnownWords('fr', [{ pair: 'eng-fra', licence: 'GPL-2+' }], ['maison']));
    expect([known('maisons', 'fr', dir), known('voiture', 'fr', dir)]).toEqual([true, false]);
  });
});
