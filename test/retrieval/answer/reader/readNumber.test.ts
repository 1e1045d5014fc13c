import { describe, expect, it } from 'vitest';
import { readNumber } from '../../../../retrieval/answer/reader/findNumberSpans.js';

describe('readNumber', () => {
  it.each([
    ['1.500', 'id', 1500],
    ['2,5', 'id', 2.5],
    ['1.234.567', 'id', 1234567],
    ['1,500', 'en', 1500],
    ['3.141', 'en', 3.141],
    ['8.646', 'ar', 8646],
    ['٣٠٠٠', 'ar', 3000],
    ['١٬٥٠٠', 'ar', 1500],
    ['٢٫٥', 'ar', 2.5],
    ['76,79', 'id', 76.79],
  ])('GIVEN %j written in %s THEN it reads %d', (written, language, value) => {
    expect(readNumber(written, language)).toBe(value);
  });
});
