import { describe, expect, it } from 'vitest';
import { analyzeDocument, analyzeQuery } from '../../../ingest/text/analyzeText.js';
import { cognateKey } from '../../../ingest/text/cognateKey.js';
import { foldText } from '../../../ingest/text/foldText.js';
import { translateStems } from '../../../ingest/text/lexicon/translateWord.js';
import { stemWithoutParticle } from '../../../ingest/text/stemArabic.js';
import { stemIndonesian } from '../../../ingest/text/stemIndonesian.js';
import { stemWord } from '../../../ingest/text/stemWord.js';
import { transliterationKeys } from '../../../ingest/text/transliterationKey.js';

const keys = (word: string) => transliterationKeys(foldText(word));
const shareKey = (a: string, b: string) => keys(a).some((k) => keys(b).includes(k));

describe('transliterationKeys', () => {
  it.each([
    ['Peskov', 'بيسكوف'],
    ['Bazoum', 'بازوم'],
    ['Panthers', 'البانثرز'],
    ['Niger', 'النيجر'],
    ['Kremlin', 'الكرملين'],
    ['Pentagon', 'البنتاغون'],
    ['Jacksonville', 'جاكسونفيل'],
    ['Victoria', 'فيكتوريا'],
    ['Protestant', 'البروتستانتية'],
  ])('GIVEN %s and %s THEN they share a consonant-skeleton key', (latin, arabic) => {
    expect(shareKey(latin, arabic)).toBe(true);
  });

  it('GIVEN an Arabic word behind a preposition THEN it has the key with and without it', () => {
    expect(keys('بتسلا')).toEqual(expect.arrayContaining(keys('تسلا')));
  });

  it.each([
    ['Peskov', 'بازوم'],
    ['Tesla', 'الكرملين'],
  ])('GIVEN unrelated names %s and %s THEN no key is shared', (latin, arabic) => {
    expect(shareKey(latin, arabic)).toBe(false);
  });

  it('GIVEN a skeleton of fewer than three consonants THEN no key, since it would match too much', () => {
    expect(keys('Ali')).toEqual([]);
    expect(keys('وارسو')).toEqual([]);
  });
});

describe('cognateKey', () => {
  it.each([
    ['president', 'presiden'],
    ['military', 'militer'],
    ['delegation', 'delegasi'],
    ['technology', 'teknologi'],
    ['university', 'universitas'],
    ['national', 'nasional'],
  ])('GIVEN English %s and Indonesian %s THEN one key', (english, indonesian) => {
    expect(cognateKey(english)).not.toBeNull();
    expect(cognateKey(english)).toBe(cognateKey(indonesian));
  });

  it('GIVEN a short or non-Latin word THEN no key', () => {
    expect(cognateKey('war')).toBeNull();
    expect(cognateKey('دفاع')).toBeNull();
  });
});

describe('translateStems (core lexicon and CLDR names)', () => {
  const translate = (word: string, language = 'en') => translateStems([[language, stemWord(foldText(word), language)]], ['en', 'id', 'ar']);

  it('GIVEN an English word THEN the stems of its Indonesian and Arabic counterparts, broken plurals included', () => {
    expect(translate('troops')).toEqual(
      expect.arrayContaining([stemWord('tentara', 'id'), stemWord('جنود', 'ar'), stemWord('قوات', 'ar')]),
    );
    expect(translate('cities')).toEqual(expect.arrayContaining([stemWord('kota', 'id'), stemWord(foldText('مدن'), 'ar')]));
  });

  it('GIVEN a weekday, month or number word THEN its CLDR names in the other languages', () => {
    expect(translate('Monday')).toEqual(expect.arrayContaining([stemWord('senin', 'id'), stemWord(foldText('الاثنين'), 'ar')]));
    expect(translate('December')).toEqual(expect.arrayContaining([stemWord('desember', 'id')]));
    expect(translate('million')).toEqual(expect.arrayContaining([stemWord('juta', 'id'), stemWord(foldText('مليون'), 'ar')]));
  });

  it('GIVEN an Indonesian word THEN no Indonesian synonyms, only other languages', () => {
    const stems = translate('tentara', 'id');
    expect(stems).toContain(stemWord(foldText('جنود'), 'ar'));
    expect(stems).not.toContain(stemWord('prajurit', 'id'));
  });

  it('GIVEN a word in no concept THEN nothing', () => {
    expect(translate('xylophone')).toEqual([]);
  });
});

describe('stemIndonesian', () => {
  it.each([
    ['mengenal', 'kenal'],
    ['menempatkan', 'tempat'],
    ['menyapu', 'sapu'],
    ['mengelolanya', 'kelola'],
    ['mengembangkan', 'kembang'],
    ['pemerintahan', 'perintah'],
    ['kedatangan', 'datang'],
    ['keberhasilan', 'hasil'],
  ])('GIVEN %s THEN the root %s (sound changes of meN-/peN- undone)', (word, root) => {
    expect(stemIndonesian(word)).toBe(root);
  });

  it('GIVEN a root word, a name or a loanword THEN it is left whole', () => {
    for (const word of ['keluarga', 'presiden', 'soeharto', 'militer']) expect(stemIndonesian(word)).toBe(word);
  });
});

describe('stemWithoutParticle', () => {
  it('GIVEN an Arabic word behind ل or ب THEN the stem without it; else null', () => {
    expect(stemWithoutParticle(foldText('لتوضيح'))).toBe('توضيح');
    expect(stemWithoutParticle(foldText('بالدولة'))).toBeNull();
    expect(stemWithoutParticle(foldText('بحث'))).toBeNull();
  });
});

describe('analysis with bridges', () => {
  it('GIVEN an Arabic passage naming Peskov THEN an English question naming him shares a term with it', () => {
    const document = new Set(analyzeDocument('قال المتحدث باسم الكرملين ديمتري بيسكوف', 'ar').terms);
    const [group] = analyzeQuery('Peskov', ['en', 'ar']).groups;
    expect(group!.alternatives.some((term) => document.has(term))).toBe(true);
  });

  it('GIVEN an Arabic "or" (أو) THEN it is no name, while بالاو is Palau', () => {
    expect(analyzeDocument('قطيسفون أو قطسيفون مدينة عراقية', 'ar').terms).not.toContain('§r:PW');
    expect(analyzeDocument('زار الرئيس بالاو', 'ar').terms).toContain('§r:PW');
  });

  it('GIVEN an Indonesian passage THEN an English question word reaches it through the lexicon', () => {
    const document = new Set(analyzeDocument('Para tentara meninggalkan negara tersebut.', 'id').terms);
    const [group] = analyzeQuery('troops', ['en', 'id']).groups;
    expect(group!.alternatives.some((term) => document.has(term))).toBe(true);
  });
});
