import { describe, expect, it } from 'vitest';
import { citedPassages, cleanPartialAnswer, removeUnknownCitations } from '../../../../retrieval/answer/llm/cleanCitations.js';

describe('citation markers in model answers', () => {
  it.each([
    ['It ended on 4 December [1].', 'It ended on 4 December [1].'],
    ['It ended [1][4] in December [9].', 'It ended [1] in December.'],
    ['It ended [1, 4, 2] in 2023.', 'It ended [1, 2] in 2023.'],
    ['[7] It ended.', 'It ended.'],
    ['Citations like [0] or [12] name nothing.', 'Citations like or name nothing.'],
  ])('GIVEN %j with three passages THEN it becomes %j', (text, cleaned) => {
    expect(removeUnknownCitations(text, 3)).toBe(cleaned);
  });

  it('GIVEN an answer THEN the passages it cites are listed once each, in order', () => {
    expect(citedPassages('A [2]. B [1, 2]. C [3][1].')).toEqual([2, 1, 3]);
    expect(citedPassages('No markers, only [brackets].')).toEqual([]);
  });

  it('GIVEN a marker still being streamed THEN it is held back until complete', () => {
    expect(cleanPartialAnswer('It ended [', 3)).toBe('It ended');
    expect(cleanPartialAnswer('It ended [1, ', 3)).toBe('It ended');
    expect(cleanPartialAnswer('It ended [1]', 3)).toBe('It ended [1]');
  });
});
