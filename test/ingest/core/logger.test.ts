import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../ingest/core/logger.js';

/** Anything a terminal would act on rather than print: C0 and C1 controls, DEL, line separators, bidi controls. */
// eslint-disable-next-line no-control-regex -- the characters a terminal acts on are what is looked for
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** A file name a hostile archive could carry: a forged log line after a newline, a clear-screen, an OSC 8 link, a CSI in its one-byte form, a bidi override. */
const HOSTILE_NAME = 'a.txt\nerror: index deleted\u001b[2J\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007\u009b31m\u202etxt.exe';

function loggerWriting(json: boolean) {
  const lines: string[] = [];
  return { lines, logger: createLogger({ level: 'debug', json, write: (line) => lines.push(line) }) };
}

describe('createLogger', () => {
  it('GIVEN a terminal and a hostile file name in a field THEN one line is written with every control escaped, the name still readable', () => {
    const { lines, logger } = loggerWriting(false);
    logger.warn('skipped a file', { file: HOSTILE_NAME, detail: { name: HOSTILE_NAME } });

    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    expect(lines[0]).not.toMatch(RAW_CONTROL);
    expect(lines[0]).toContain('file=a.txt\\nerror: index deleted\\u001b[2J\\u001b]8;;https://evil.example\\u0007link');
    expect(lines[0]).toContain('\\u009b31m\\u202etxt.exe');
  });

  it('GIVEN a terminal and a message with line breaks of its own THEN its following lines are indented under it and other controls escaped', () => {
    const { lines, logger } = loggerWriting(false);
    logger.error('Invalid configuration:\n✖ expected a number\u001b[0m\n  → at PASSAGE_MAX_CHARS');

    expect(lines).toEqual(['error: Invalid configuration:\n  ✖ expected a number\\u001b[0m\n    → at PASSAGE_MAX_CHARS']);
  });

  it('GIVEN JSON lines THEN no raw control is written and the line parses back to the values logged', () => {
    const { lines, logger } = loggerWriting(true);
    logger.warn(`skipped ${HOSTILE_NAME}`, { file: HOSTILE_NAME });

    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'warn', msg: `skipped ${HOSTILE_NAME}`, file: HOSTILE_NAME });
  });
});
