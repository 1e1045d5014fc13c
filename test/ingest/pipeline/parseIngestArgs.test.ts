import { describe, expect, it } from 'vitest';
import { parseIngestArgs } from '../../../ingest/pipeline/parseIngestArgs.js';

describe('parseIngestArgs', () => {
  it('GIVEN no arguments THEN one ingest run', () => {
    expect(parseIngestArgs([])).toMatchObject({ watch: false });
  });

  it('GIVEN --watch THEN watch mode with a 2 s debounce, or the one given', () => {
    expect(parseIngestArgs(['--watch'])).toEqual({ watch: true, debounceMs: 2000, maxWaitMs: 30_000 });
    expect(parseIngestArgs(['--watch', '--debounce-ms', '500'])).toMatchObject({ watch: true, debounceMs: 500 });
  });

  it('GIVEN a bad or unknown option THEN the error shows the usage', () => {
    expect(() => parseIngestArgs(['--watch', '--debounce-ms', 'soon'])).toThrow(/usage: npm run ingest/);
    expect(() => parseIngestArgs(['--debounce-ms', '500'])).toThrow(/only applies with --watch/);
    expect(() => parseIngestArgs(['--wacth'])).toThrow(/usage: npm run ingest/);
  });
});
