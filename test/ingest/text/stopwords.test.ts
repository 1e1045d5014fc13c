import { describe, expect, it } from 'vitest';
import { foldText } from '../../../ingest/text/foldText.js';
import { isStopword, stopwordsFor } from '../../../ingest/text/stopwords.js';

const STOPWORD = 'a stopword';
const CONTENT = 'kept as content';

/** Rows of [word, outcome] for one language: its function words and question words, then words questions turn on. */
const rows = (stopwords: string[], content: string[]) =>
  [...stopwords.map((w) => [w, STOPWORD]), ...content.map((w) => [w, CONTENT])] as const;

describe('isStopword (words are given folded, as analysis sees them)', () => {
  it.each(rows(['yang', 'dan', 'di', 'ini', 'apa', 'kapan'], ['presiden', 'pertahanan', 'niger', 'tahun', 'pertama', 'berakhir', 'baru']))(
    'GIVEN "%s" in an Indonesian text THEN it is %s',
    (word, outcome) => {
      expect(isStopword(foldText(word), 'id')).toBe(outcome === STOPWORD);
    },
  );

  it.each(rows(['the', 'and', 'of', 'is', 'what', 'when', 'why', 'does', 'The'], ['president', 'election', 'defence', 'niger', 'may']))(
    'GIVEN "%s" in an English text THEN it is %s',
    (word, outcome) => {
      expect(isStopword(foldText(word), 'en')).toBe(outcome === STOPWORD);
    },
  );

  // Folded: إلى is الي, رئيس is رييس, and على is علي — also the name Ali, so kept.
  it.each(rows(['في', 'من', 'إلى', 'هذا', 'التي', 'لماذا', 'ماهو'], ['رئيس', 'النيجر', 'روسيا', 'مايو', 'عام', 'الاول', 'على']))(
    'GIVEN "%s" in an Arabic text THEN it is %s',
    (word, outcome) => {
      expect(isStopword(foldText(word), 'ar')).toBe(outcome === STOPWORD);
    },
  );

  it.each([
    // An Arabic-script word is judged by the Arabic list whatever the text's language.
    ['"في" in an Indonesian text', STOPWORD, 'في', 'id'],
    ['"في" in an English text', STOPWORD, 'في', 'en'],
    ['"the" in a text tagged en-GB', STOPWORD, 'the', 'en-GB'],
    ['"yang" in a text tagged id-ID', STOPWORD, 'yang', 'id-ID'],
    ['"the" in a language without a list', CONTENT, 'the', 'xx'],
  ])('GIVEN %s THEN it is %s', (_given, outcome, word, language) => {
    expect(isStopword(foldText(word), language)).toBe(outcome === STOPWORD);
  });
});

describe('stopwordsFor', () => {
  it('GIVEN a regional tag THEN it is the base language’s list, and a language without one has none', () => {
    expect(stopwordsFor('en-GB')).toBe(stopwordsFor('en'));
    expect(stopwordsFor('id-ID')).toBe(stopwordsFor('id'));
    expect(stopwordsFor('xx').size).toBe(0);
  });
});
