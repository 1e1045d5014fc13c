import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from './parseBenchArgs.js';

describe('parseBenchArgs', () => {
  it('GIVEN no options WHEN parsed THEN the three sizes run locally with the 30-minute budget per phase', () => {
    expect(parseBenchArgs([])).toEqual({
      sizes: [1_000, 10_000, 100_000],
      budgetMinutes: 30,
      backend: 'local',
      systems: ['ours', 'langchain', 'lancedb'],
      json: false,
    });
  });

  it('GIVEN a million passages, a budget and the PostgreSQL backend WHEN parsed THEN one size runs with them and ours alone', () => {
    expect(
      parseBenchArgs(['--passages', '1000000', '--budget-minutes', '90', '--backend', 'postgres', '--systems', 'ours', '--json']),
    ).toEqual({
      sizes: [1_000_000],
      budgetMinutes: 90,
      backend: 'postgres',
      systems: ['ours'],
      json: true,
    });
  });

  it('GIVEN a budget of zero or an unknown backend WHEN parsed THEN the error names the option and shows the usage', () => {
    expect(() => parseBenchArgs(['--budget-minutes', '0'])).toThrow(/budget-minutes[\s\S]*usage: npm run bench/);
    expect(() => parseBenchArgs(['--backend', 'sqlite'])).toThrow(/backend[\s\S]*usage: npm run bench/);
  });

  it('GIVEN --systems with an unknown peer or without ours WHEN parsed THEN the error names the option', () => {
    expect(() => parseBenchArgs(['--systems', 'ours,chroma'])).toThrow(/systems[\s\S]*usage: npm run bench/);
    expect(() => parseBenchArgs(['--systems', 'langchain'])).toThrow(/ours is always measured/);
  });
});
