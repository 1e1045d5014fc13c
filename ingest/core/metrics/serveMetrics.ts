import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

/** What `/healthz` reports: `ok` decides 200 or 503; the other fields are shown as they are. */
export type HealthReport = { ok: boolean } & Record<string, unknown>;

export type MetricsServer = { port: number; close(): Promise<void> };

export type ServeMetricsOptions = { port: number; host: string; registry: Registry; health: () => HealthReport };

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}

async function handle(request: IncomingMessage, response: ServerResponse, options: ServeMetricsOptions): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain', 'method not allowed\n');
  if (path === '/healthz') {
    const report = options.health();
    return send(
      response,
      report.ok ? 200 : 503,
      'application/json',
      `${JSON.stringify({ status: report.ok ? 'ok' : 'unhealthy', ...report })}\n`,
    );
  }
  if (path === '/metrics') return send(response, 200, options.registry.contentType, await options.registry.metrics());
  send(response, 404, 'text/plain', 'not found: try /healthz or /metrics\n');
}

/** Serves `/healthz` and Prometheus `/metrics` over HTTP; resolves once listening (`port` is the real one when 0 was asked). */
export async function serveMetrics(options: ServeMetricsOptions): Promise<MetricsServer> {
  const server = createServer((request, response) => {
    handle(request, response, options).catch((error: unknown) => send(response, 500, 'text/plain', `${(error as Error).message}\n`));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // A scrape must never keep the process alive on shutdown.
  server.unref();
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
