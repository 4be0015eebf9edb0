import { createHash, timingSafeEqual } from 'node:crypto';
import type { PlatformConfig } from '#platform';

/** What a request for `/metrics` gets: the metrics, a request for the token, or the same 404 as any unknown path. */
export type MetricsAccess = 'allowed' | 'unauthorized' | 'not-found';

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/**
 * Who may read `/metrics` (never the public: it shows traffic, errors and memory). On the main port only with
 * `METRICS_TOKEN` set and no `METRICS_PORT`, to `Authorization: Bearer <METRICS_TOKEN>`; on the metrics port to
 * anyone who can reach it, or to the token when one is set too. Tokens are compared in constant time.
 */
export function metricsAccess(
  metrics: PlatformConfig['metrics'],
  where: 'main-port' | 'metrics-port',
  authorization: string | undefined,
): MetricsAccess {
  if (where === 'main-port' && (metrics.port !== undefined || metrics.token === undefined)) return 'not-found';
  if (metrics.token === undefined) return 'allowed';
  const presented = /^Bearer +(\S+)\s*$/i.exec(authorization ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(presented), digest(metrics.token)) ? 'allowed' : 'unauthorized';
}

/** The challenge sent with a 401 from `/metrics`. */
export const METRICS_CHALLENGE = 'Bearer realm="metrics"';
