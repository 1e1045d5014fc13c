import { describe, expect, it } from 'vitest';
import { baseLanguage } from '../../../ingest/text/baseLanguage.js';

describe('baseLanguage', () => {
  it.each([
    ['id', 'id'],
    ['ar-EG', 'ar'],
    ['id_ID', 'id'],
    ['EN-gb', 'en'],
    ['zh-Hant-TW', 'zh'],
    ['und', 'und'],
  ])('GIVEN the tag %s THEN the language is %s', (tag, expected) => {
    expect(baseLanguage(tag)).toBe(expected);
  });
});
