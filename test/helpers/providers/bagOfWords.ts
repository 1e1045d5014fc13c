import { tokenVector, wordsOf } from './writeTinyModel.js';

/** What the fake providers embed a text as: the normalised sum of its words' vectors, so similar texts are near. */
export function bagOfWordsVector(text: string, dimensions: number): number[] {
  const sum = new Array<number>(dimensions).fill(0);
  for (const word of wordsOf(text)) tokenVector(word, dimensions).forEach((v, i) => (sum[i]! += v));
  const norm = Math.hypot(...sum) || 1;
  return sum.map((v) => v / norm);
}
