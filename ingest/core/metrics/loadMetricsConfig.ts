import { z } from 'zod';
import { readEnv } from '../readEnv.js';

const metricsEnvSchema = z.object({
  METRICS_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
  /** Loopback by default: exposing metrics beyond the machine is a deliberate choice (e.g. 0.0.0.0 in a container). */
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
});

export type MetricsConfig = { port: number; host: string };

/** The metrics endpoint's address, or null when METRICS_PORT is not set (no endpoint). */
export function loadMetricsConfig(env: NodeJS.ProcessEnv = process.env): MetricsConfig | null {
  const { METRICS_PORT: port, METRICS_HOST: host } = readEnv(metricsEnvSchema, env);
  return port === undefined ? null : { port, host };
}
