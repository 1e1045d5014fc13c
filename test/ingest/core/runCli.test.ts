import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createError } from '../../../ingest/core/errors.js';
import { parseCommandLine, runCli, UsageError } from '../../../ingest/core/runCli.js';

const SECRET = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.Gfake.cli-secret-value';

describe('runCli, the command lines’ error boundary', () => {
  let dir: string;
  let envFile: string;
  const saved = { ...process.env };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'newsdesk-cli-'));
    envFile = join(dir, '.env');
    await writeFile(envFile, `NEWSDESK_CLI_TEST=from-dotenv\nDISCORD_TOKEN=${SECRET}\nLOG_LEVEL=info\n`);
  });
  afterAll(async () => {
    for (const name of ['NEWSDESK_CLI_TEST', 'DISCORD_TOKEN', 'LOG_LEVEL']) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    await rm(dir, { recursive: true, force: true });
  });

  /** Runs `main` through the boundary and returns its exit code and every line it printed. */
  async function run(main: Parameters<typeof runCli>[0]) {
    const lines: string[] = [];
    const code = await runCli(main, { failure: 'test failed', envFile, write: (line) => lines.push(line) });
    return { code, output: lines.join('\n') };
  }

  it('GIVEN a main that finishes THEN its exit code is returned and it saw the settings of .env', async () => {
    const { code } = await run(async (logger) => {
      logger.info(`setting ${process.env.NEWSDESK_CLI_TEST}`);
      return process.env.NEWSDESK_CLI_TEST === 'from-dotenv' ? 0 : 3;
    });
    expect(code).toBe(0);
  });

  it('GIVEN a usage error THEN exit code 2 and its message as it is', async () => {
    const { code, output } = await run(async () => {
      throw new UsageError('--since: expected a date as YYYY-MM-DD\nusage: npm run ask -- …');
    });
    expect(code).toBe(2);
    expect(output).toBe('--since: expected a date as YYYY-MM-DD\nusage: npm run ask -- …');
  });

  it('GIVEN a user-facing error THEN exit code 1 and its message and code, without a stack', async () => {
    const { code, output } = await run(async () => {
      throw createError('NOTHING_INGESTED', { dir: 'seeds' });
    });
    expect(code).toBe(1);
    expect(output).toContain('Nothing usable was found in seeds: every file was skipped.');
    expect(output).toContain('NOTHING_INGESTED');
    expect(output).not.toContain('stack');
    expect(output).not.toMatch(/runCli\.(test\.)?ts/);
  });

  it('GIVEN any other error THEN exit code 1, the failure line and the stack', async () => {
    const { code, output } = await run(async () => {
      throw new TypeError('cannot read properties of undefined');
    });
    expect(code).toBe(1);
    expect(output).toContain('test failed');
    expect(output).toContain('cannot read properties of undefined');
    expect(output).toMatch(/runCli\.test\.ts/);
  });

  it('GIVEN an error whose message quotes the bot token THEN the token is never printed', async () => {
    const { output } = await run(async (logger) => {
      logger.warn(`request with Authorization: Bot ${SECRET}`);
      throw new Error(`401 for token ${SECRET}`);
    });
    expect(output).toContain('[redacted]');
    expect(output).not.toContain(SECRET);
  });

  it('GIVEN an invalid LOG_LEVEL THEN exit code 1 with a message naming it', async () => {
    process.env.LOG_LEVEL = 'verbose';
    const lines: string[] = [];
    const code = await runCli(async () => 0, { failure: 'test failed', envFile: join(dir, 'none.env'), write: (line) => lines.push(line) });
    process.env.LOG_LEVEL = 'info';
    expect(code).toBe(1);
    expect(lines.join('\n')).toContain('LOG_LEVEL');
  });
});

describe('parseCommandLine', () => {
  const schema = z.object({ since: z.iso.date({ error: 'expected a date as YYYY-MM-DD' }).optional() });

  it('GIVEN valid options THEN their values', () => {
    expect(parseCommandLine(schema, 'usage: x', () => ({ since: '2024-05-05' }))).toEqual({ since: '2024-05-05' });
  });

  it.each([
    ['a value the schema refuses', () => ({ since: 'yesterday' }), /YYYY-MM-DD\n.*at since\nusage: x$/],
    [
      'an option parseArgs refuses',
      () => {
        throw new TypeError("Unknown option '--bogus'");
      },
      /^Unknown option '--bogus'\nusage: x$/,
    ],
  ])('GIVEN %s THEN a UsageError naming it, then the usage', (_, read, message) => {
    expect(() => parseCommandLine(schema, 'usage: x', read)).toThrow(UsageError);
    expect(() => parseCommandLine(schema, 'usage: x', read)).toThrow(message);
  });
});
