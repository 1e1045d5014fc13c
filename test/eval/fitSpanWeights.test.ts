import { describe, expect, it } from 'vitest';
import { fitSpanWeights, type CandidateGroup } from './fitSpanWeights.js';

/** A question with three candidates of two features: [marks the answer, noise]. */
function group(answer: number, noise: readonly number[]): CandidateGroup {
  const features = new Float64Array(6);
  const gains = new Float64Array(3);
  for (let i = 0; i < 3; i++) {
    features[i * 2] = i === answer ? 1 : 0;
    features[i * 2 + 1] = noise[i]!;
    gains[i] = i === answer ? 0.8 : 0.1;
  }
  return { features, gains, width: 2 };
}

describe('fitSpanWeights', () => {
  it('GIVEN a feature that marks the best candidate of every question THEN it gets the larger weight', () => {
    const groups = [group(0, [1, 0, 1]), group(2, [0, 1, 0]), group(1, [1, 0, 0]), group(1, [0, 0, 1])];
    const [answer, noise] = fitSpanWeights(groups, 2);
    expect(answer).toBeGreaterThan(1);
    expect(Math.abs(noise!)).toBeLessThan(answer! / 4);
  });

  it('GIVEN questions where no candidate scores any F1 THEN the weights stay at the prior', () => {
    const none = { ...group(0, [1, 0, 1]), gains: new Float64Array(3) };
    const prior = Float64Array.from([0.5, -0.25]);
    expect([...fitSpanWeights([none, none], 2, { prior })]).toEqual([0.5, -0.25]);
  });
});
