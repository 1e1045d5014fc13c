import type { LiveIndex } from '../../retrieval/open/liveIndex.js';
import type { Metrics } from '../../ingest/core/metrics/createMetrics.js';

/** What the gauges are read from: the index being served and, on Discord, the gateway's heartbeat. */
export type GaugeSources = { live: LiveIndex; gatewayPing?: () => number };

/**
 * Keeps the gauges current by reading them every `intervalMs` (and at once): index size follows
 * the live index through its swaps; gateway latency is discord.js's last heartbeat round trip.
 * Returns a function that stops the sampling.
 */
export function sampleGauges(
  metrics: Pick<Metrics, 'setIndexSize' | 'setGatewayLatency'>,
  sources: GaugeSources,
  intervalMs = 15_000,
): () => void {
  const sample = () => {
    const { store } = sources.live.current();
    metrics.setIndexSize({ passages: store.passageCount, articles: store.sources.size });
    if (sources.gatewayPing) metrics.setGatewayLatency(sources.gatewayPing());
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
