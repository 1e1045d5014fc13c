import { z } from 'zod';
import { createError } from './errors.js';

/**
 * True when an environment variable has a value. `.env` files keep unused variables as `NAME=`
 * (`.env.example` says "empty values count as unset"), so an empty or blank value is not one.
 */
export function isEnvSet(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

/**
 * Validates the environment against one settings schema, the only way newsdesk reads its
 * settings: empty values are dropped first, so every variable's default applies to `NAME=` as it
 * does to a missing `NAME`. Throws CONFIG_INVALID naming every bad variable.
 */
export function readEnv<Schema extends z.ZodType>(schema: Schema, env: NodeJS.ProcessEnv): z.output<Schema> {
  const present = Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => isEnvSet(entry[1])));
  const parsed = schema.safeParse(present);
  if (!parsed.success) throw createError('CONFIG_INVALID', { detail: z.prettifyError(parsed.error) });
  return parsed.data;
}
