import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../../../ingest/text/analyzeText.js';
import type { ChosenSpan } from '../../../../retrieval/answer/reader/chooseSpan.js';
import { findNameSpans } from '../../../../retrieval/answer/reader/findNameSpans.js';
import { findNumberSpans } from '../../../../retrieval/answer/reader/findNumberSpans.js';
import { markAnswerSentence } from '../../../helpers/markAnswerSentence.js';
import { renderShortAnswer } from '../../../../retrieval/answer/reader/renderShortAnswer.js';
import { spanOf, tokenRange, type AnswerSentence, type SpanCandidate } from '../../../../retrieval/answer/reader/spanTypes.js';

const sentenceOf = (text: string, language: string, question: string) => markAnswerSentence(text, language, question, '2024-05-05');

function render(question: string, locale: string, sentence: AnswerSentence, span: SpanCandidate, wantsName = true): string {
  const chosen: ChosenSpan = { sentence, span, score: 1 };
  const { groups } = analyzeQuery(question, ['en', 'id', 'ar']);
  return renderShortAnswer(chosen, sentence.text.slice(span.start, span.end), { question, locale, wantsName, groups });
}

/** The named span of `sentence` covering `words` exactly. */
function spanOver(sentence: AnswerSentence, words: string): SpanCandidate {
  const start = sentence.text.indexOf(words);
  const range = tokenRange(sentence, start, start + words.length)!;
  return spanOf(sentence, 'name', range.from, range.to);
}

describe('renderShortAnswer', () => {
  it.each([
    ['How many French troops were in Niger?', 'Prancis memiliki 1.500 tentara yang beroperasi di Niger.', 'id', 'en-GB', '1,500 troops'],
    ['Berapa tentara Prancis di Niger?', 'Prancis memiliki 1.500 tentara yang beroperasi di Niger.', 'id', 'id', '1.500 tentara'],
    ['How much did the budget grow?', 'Anggaran naik menjadi 2,5 juta rupiah.', 'id', 'en-GB', '2.5 million rupiah'],
    ['How many bases?', 'تحتفظ الولايات المتحدة بحوالي ١٠٠٠ قاعدة عسكرية.', 'ar', 'en-GB', '1,000 bases'],
  ])('GIVEN %j of the sentence %j (%s) THEN in %s the number reads %j', (question, text, language, locale, shown) => {
    const sentence = sentenceOf(text, language, question);
    const [span] = findNumberSpans(sentence, []);
    expect(render(question, locale, sentence, span!, false)).toBe(shown);
  });

  it('GIVEN an Arabic country name for an English asker THEN it is the CLDR name in English', () => {
    const sentence = sentenceOf('وصلت القوات الروسية إلى النيجر.', 'ar', 'Where did the Russian forces arrive?');
    const span = findNameSpans(sentence).find((s) => s.concept === 'r:NE')!;
    expect(render('Where did the Russian forces arrive?', 'en-GB', sentence, span)).toBe('Niger');
  });

  it("GIVEN an Arabic name the question spells THEN the answer uses the question's spelling for it, and romanises the rest", () => {
    const question = 'Who is the spokesman Peskov?';
    const sentence = sentenceOf('قال المتحدث ديمتري بيسكوف إن العلاقات تتطور.', 'ar', question);
    expect(render(question, 'en-GB', sentence, spanOver(sentence, 'ديمتري بيسكوف'))).toBe('Dimtri Peskov');
  });

  it('GIVEN Arabic common words for an English "what" question THEN they are shown as written, not romanised', () => {
    const question = 'What did the report describe?';
    const sentence = sentenceOf('وصف التقرير منظومة الدفاع الجوي.', 'ar', question);
    expect(render(question, 'en-GB', sentence, spanOver(sentence, 'منظومة الدفاع'), false)).toBe('منظومة الدفاع');
  });
});
