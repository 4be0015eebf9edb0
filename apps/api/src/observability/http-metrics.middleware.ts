import type { NextFunction, Request, Response } from 'express';
import type { Metrics } from './metrics.js';

/** Times every HTTP request into `http_request_duration_seconds`. */
export function httpMetricsMiddleware(metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const end = metrics.httpRequestDuration.startTimer();
    res.on('finish', () => {
      const route = req.path === '/graphql' || req.path === '/health' || req.path === '/metrics' ? req.path : 'other';
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };
}
