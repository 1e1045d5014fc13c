import { describe, expect, it } from 'vitest';
import { exactMatch, normalizeAnswer, tokenF1 } from './scoreShortAnswers.js';

describe('SQuAD-style short-answer scores', () => {
  it.each([
    ['The Airport!', 'airport'],
    ['  4   December,  2023 ', '4 december 2023'],
    ['«أنظمة» الدفاع، الجوي', 'أنظمة الدفاع الجوي'],
    ['an S-300 system', 's300 system'],
    ['1.500', '1500'],
  ])('GIVEN %j THEN it normalises to %j (case, punctuation of any script, English articles, spacing)', (text, normalized) => {
    expect(normalizeAnswer(text)).toBe(normalized);
  });

  it('GIVEN a prediction equal to one gold answer after normalisation THEN it is an exact match', () => {
    expect(exactMatch('the airport.', ['runway', 'Airport'])).toBe(true);
    expect(exactMatch('the airport closed', ['Airport'])).toBe(false);
  });

  it('GIVEN overlapping tokens THEN F1 is the harmonic mean of token precision and recall, best over the golds', () => {
    // Prediction 2 tokens, gold 3, 2 shared: P = 1, R = 2/3, F1 = 0.8.
    expect(tokenF1('1.500 tentara', ['1.500 tentara Prancis'])).toBeCloseTo(0.8);
    expect(tokenF1('1.500 tentara', ['nothing', '1.500 tentara'])).toBe(1);
    expect(tokenF1('tentara tentara', ['tentara'])).toBeCloseTo(2 / 3);
    expect(tokenF1('Prancis', ['1.500'])).toBe(0);
  });
});
