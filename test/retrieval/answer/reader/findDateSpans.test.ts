import { describe, expect, it } from 'vitest';
import { findDateSpans } from '../../../../retrieval/answer/reader/findDateSpans.js';
import { markAnswerSentence } from '../../../helpers/markAnswerSentence.js';

const sentenceOf = (text: string, language: string, question: string) => markAnswerSentence(text, language, question);

const datesIn = (text: string, language: string, question: string) =>
  findDateSpans(sentenceOf(text, language, question)).map((d) => text.slice(d.start, d.end));

describe('findDateSpans', () => {
  it('GIVEN a year of three digits after "tahun" (id) THEN it is a date', () => {
    expect(datesIn('Yuchi Jingde lahir tahun 585 di Shuozhou.', 'id', 'Kapan Yuchi Jingde lahir?')).toEqual(['585']);
  });

  it('GIVEN a short year with its era (id) THEN the year and the era are one date', () => {
    expect(datesIn('Liu Ju wafat pada 91 SM di Chang’an.', 'id', 'Kapan Liu Ju meninggal?')).toEqual(['91 SM']);
  });

  it('GIVEN a short year after عام (ar) THEN it is a date', () => {
    expect(datesIn('هاجر النبي إلى المدينة عام 622 بعد الدعوة.', 'ar', 'متى هاجر النبي إلى المدينة؟')).toEqual(['622']);
  });

  it('GIVEN a short number before "m" (metres) THEN it is no date', () => {
    expect(datesIn('The tower is 300 m tall and was finished in 1889.', 'en', 'When was the tower finished?')).toEqual(['1889']);
  });
});
