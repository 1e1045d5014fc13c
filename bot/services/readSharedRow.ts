import { z } from 'zod';
import { createError } from '../../ingest/core/errors.js';

/** A row of a shared table, checked like any outside input: another process, or a person, may have written it. */
export function readSharedRow<Schema extends z.ZodType>(schema: Schema, row: unknown, table: string): z.output<Schema> {
  const parsed = schema.safeParse(row);
  if (!parsed.success) throw createError('SHARED_STATE_INVALID', { table, detail: z.prettifyError(parsed.error) });
  return parsed.data;
}
