import { createMetrics } from './createMetrics.js';

/** The process-wide metrics, served on METRICS_PORT by `serveMetrics`. */
export const metrics = createMetrics();
