import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { ProjectionRunner } from '#projections';
import { PROJECTION_RUNNER } from '#platform';
import { Metrics } from './metrics.js';

/** Connects the projection lag gauge to the runner once both exist. */
@Injectable()
export class ProjectionMetrics implements OnModuleInit {
  constructor(
    @Inject(Metrics) private readonly metrics: Metrics,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
  ) {}

  onModuleInit(): void {
    this.metrics.observeProjections(() => this.runner.status());
  }
}
