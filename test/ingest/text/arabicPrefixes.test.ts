import { describe, expect, it } from 'vitest';
import { stripArabicArticle } from '../../../ingest/text/arabicPrefixes.js';

describe('stripArabicArticle', () => {
  it.each([
    ['الروسيه', 'روسيه'],
    ['والدول', 'دول'],
    ['فالجيش', 'جيش'],
    ['بالنيجر', 'نيجر'],
    ['كالعاده', 'عاده'],
    ['للنيجر', 'نيجر'],
  ])('GIVEN %s THEN the article goes and %s is left', (word, expected) => {
    expect(stripArabicArticle(word)).toBe(expected);
  });

  it.each([
    ['نيجر', 'no article'],
    ['الا', 'only one letter would be left'],
    ['niger', 'a Latin word'],
  ])('GIVEN %s (%s) THEN there is nothing to strip', (word) => {
    expect(stripArabicArticle(word)).toBeNull();
  });
});
