import { z } from 'zod';
import { loadDotEnv } from './config.js';
import { isUserFacingError } from './errors.js';
import { createLogger, secretValuesOf, type Logger } from './logger.js';

/** A command line that cannot run as typed; its message (with the usage, where that helps) is printed as it is. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Validates the options a command line was given: `read` runs node's `parseArgs` (which throws on
 * an unknown option), `schema` checks the values. Either failure is a UsageError naming the
 * option, followed by `usage`.
 */
export function parseCommandLine<Schema extends z.ZodType>(schema: Schema, usage: string, read: () => unknown): z.output<Schema> {
  let values: unknown;
  try {
    values = read();
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${usage}`);
  }
  const parsed = schema.safeParse(values);
  if (!parsed.success) throw new UsageError(`${z.prettifyError(parsed.error)}\n${usage}`);
  return parsed.data;
}

export type CliOptions = {
  /** The log line of an unexpected failure ("ingest failed"), logged with the error and its stack. */
  failure: string;
  /** Where lines go; stderr by default. */
  write?: (line: string) => void;
  /** The settings file read first when it exists; `.env` in the working directory by default. */
  envFile?: string;
};

/**
 * The one error boundary of newsdesk's command lines. Loads `.env`, runs `main` with a logger,
 * and returns the exit code: `main`'s own (0 when done), 2 for a UsageError (its message, as it
 * is), 1 for a failure — a user-facing NewsdeskError as its message and code without a stack,
 * anything else as `failure` with the error's stack. The values of secret-looking variables
 * (DISCORD_TOKEN, …) are never written, whatever the error says.
 */
export async function runCli(main: (logger: Logger) => Promise<number>, { failure, write, envFile = '.env' }: CliOptions): Promise<number> {
  const print = write ?? ((line: string) => process.stderr.write(`${line}\n`));
  let logger: Logger | undefined;
  try {
    loadDotEnv(envFile);
    const secrets = secretValuesOf(process.env);
    logger = createLogger({ secrets, write: print });
    return await main(logger);
  } catch (error) {
    if (error instanceof UsageError) {
      print(error.message);
      return 2;
    }
    // A bad LOG_LEVEL fails before there is a logger; the message that names it still needs one.
    logger ??= createLogger({ level: 'info', secrets: secretValuesOf(process.env), write: print });
    if (isUserFacingError(error)) logger.error(error.message, { code: error.code });
    else logger.error(failure, { error });
    return 1;
  }
}
