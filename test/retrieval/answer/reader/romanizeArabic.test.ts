import { describe, expect, it } from 'vitest';
import { romanizeArabic } from '../../../../retrieval/answer/reader/romanizeArabic.js';

describe('romanizeArabic', () => {
  it.each([
    ['فلاديمير بوتين', 'Fladimir Butin'],
    ['ديمتري بيسكوف', 'Dimtri Biskuf'],
    ['إليوشن-76', 'Iliushn-76'],
    ['نيامي', 'Niami'],
  ])('GIVEN the name %j THEN it reads %j in Latin letters', (arabic, latin) => {
    expect(romanizeArabic(arabic)).toBe(latin);
  });

  it('GIVEN a model code spelled with Arabic letter names THEN the letters become Latin ones', () => {
    expect(romanizeArabic('إس-300')).toBe('S-300');
    expect(romanizeArabic('إف-16')).toBe('F-16');
  });

  it('GIVEN text that is not Arabic THEN it is left as it is', () => {
    expect(romanizeArabic('S-300 (Russia)')).toBe('S-300 (Russia)');
  });
});
