import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from './parseBenchArgs.js';

describe('parseBenchArgs', () => {
  it('GIVEN no options WHEN parsed THEN the three sizes run locally with the 30-minute budget per phase', () => {
    expect(parseBenchArgs([])).toEqual({ sizes: [1_000, 10_000, 100_000], budgetMinutes: 30, backend: 'local', json: false });
  });

  it('GIVEN a million passages, a budget and the PostgreSQL backend WHEN parsed THEN one size runs with them', () => {
    expect(parseBenchArgs(['--passages', '1000000', '--budget-minutes', '90', '--backend', 'postgres', '--json'])).toEqual({
      sizes: [1_000_000],
      budgetMinutes: 90,
      backend: 'postgres',
      json: true,
    });
  });

  it('GIVEN a budget of zero or an unknown backend WHEN parsed THEN the error names the option and shows the usage', () => {
    expect(() => parseBenchArgs(['--budget-minutes', '0'])).toThrow(/budget-minutes[\s\S]*usage: npm run bench/);
    expect(() => parseBenchArgs(['--backend', 'sqlite'])).toThrow(/backend[\s\S]*usage: npm run bench/);
  });
});
