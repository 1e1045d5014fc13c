import { z } from 'zod';
import { createError } from '../../../ingest/core/errors.js';

/** Validates a command's options; a bad value becomes the user-facing INVALID_OPTION naming the option. */
export function parseOptions<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw createError('INVALID_OPTION', { detail: z.prettifyError(parsed.error) });
  return parsed.data;
}
