import { Controller, Get, Headers, Inject, NotFoundException, Res, UnauthorizedException } from '@nestjs/common';
import type { Response } from 'express';
import { PLATFORM_CONFIG, type PlatformConfig } from '#platform';
import { METRICS_CHALLENGE, metricsAccess } from './metrics-access.js';
import { Metrics } from './metrics.js';

/**
 * `/metrics` on the main port, in the Prometheus text format: only to `Authorization: Bearer <METRICS_TOKEN>`, and
 * only when the metrics have no port of their own (`METRICS_PORT`, see `metrics-server.ts`); otherwise a 404 like any
 * unknown path.
 */
@Controller('metrics')
export class MetricsController {
  constructor(
    @Inject(Metrics) private readonly metrics: Metrics,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  @Get()
  async scrape(@Headers('authorization') authorization: string | undefined, @Res({ passthrough: true }) res: Response): Promise<string> {
    const access = metricsAccess(this.config.metrics, 'main-port', authorization);
    if (access === 'not-found') throw new NotFoundException('Cannot GET /metrics');
    if (access === 'unauthorized') {
      res.setHeader('WWW-Authenticate', METRICS_CHALLENGE);
      throw new UnauthorizedException('/metrics needs Authorization: Bearer <METRICS_TOKEN>');
    }
    res.setHeader('Content-Type', this.metrics.registry.contentType);
    res.setHeader('Cache-Control', 'no-store');
    return this.metrics.registry.metrics();
  }
}
