import { z } from 'zod';
import { createError } from '../errors.js';

/** `.env` files keep unused variables as `NAME=`: an empty value means "not set". */
const unsetIfEmpty = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const metricsEnvSchema = z.object({
  METRICS_PORT: z.preprocess(unsetIfEmpty, z.coerce.number().int().min(1).max(65_535).optional()),
  /** Loopback by default: exposing metrics beyond the machine is a deliberate choice (e.g. 0.0.0.0 in a container). */
  METRICS_HOST: z.preprocess(unsetIfEmpty, z.string().min(1).default('127.0.0.1')),
});

export type MetricsConfig = { port: number; host: string };

/** The metrics endpoint's address, or null when METRICS_PORT is not set (no endpoint). */
export function loadMetricsConfig(env: NodeJS.ProcessEnv = process.env): MetricsConfig | null {
  const parsed = metricsEnvSchema.safeParse(env);
  if (!parsed.success) throw createError('CONFIG_INVALID', { detail: z.prettifyError(parsed.error) });
  const { METRICS_PORT: port, METRICS_HOST: host } = parsed.data;
  return port === undefined ? null : { port, host };
}
