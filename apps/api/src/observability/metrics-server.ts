import { createServer, type Server } from 'node:http';
import type { PlatformConfig } from '#platform';
import { METRICS_CHALLENGE, metricsAccess } from './metrics-access.js';
import type { Metrics } from './metrics.js';

export interface MetricsServer {
  close(): Promise<void>;
}

/**
 * `/metrics` on a port of its own (`METRICS_PORT`, on `HOST`), for a scraper on a network the public does not reach;
 * nothing else is served there. With `METRICS_TOKEN` set too, it asks for the token as the main port would.
 */
export async function startMetricsServer(metrics: Metrics, config: Pick<PlatformConfig, 'host' | 'metrics'>): Promise<MetricsServer> {
  const port = config.metrics.port;
  if (port === undefined) throw new Error('METRICS_PORT is not set');
  const server: Server = createServer((req, res) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found: this port serves GET /metrics only\n');
      return;
    }
    const access = metricsAccess(config.metrics, 'metrics-port', req.headers.authorization);
    if (access !== 'allowed') {
      res
        .writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8', 'WWW-Authenticate': METRICS_CHALLENGE })
        .end('/metrics needs Authorization: Bearer <METRICS_TOKEN>\n');
      return;
    }
    metrics.registry.metrics().then(
      (text) => res.writeHead(200, { 'Content-Type': metrics.registry.contentType }).end(req.method === 'HEAD' ? undefined : text),
      () => res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('metrics could not be collected\n'),
    );
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
