import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { EventStore } from '#eventstore';
import type { ProjectionRunner } from '#projections';
import { EVENT_STORE } from '#application';
import { PROJECTION_RUNNER } from '#platform';

/** `/health`: green when the event store answers and no read model has failed. Red (503) otherwise. */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      async () => {
        const indicator = this.indicators.check('eventStore');
        try {
          await this.store.ping();
          return indicator.up({ kind: this.store.kind });
        } catch (error) {
          return indicator.down({ kind: this.store.kind, message: (error as Error).message });
        }
      },
      async () => {
        const indicator = this.indicators.check('projections');
        const projections = await this.runner.status();
        const details = Object.fromEntries(
          projections.map((p) => [
            p.name,
            {
              state: p.state,
              position: p.position?.toString() ?? null,
              lag: Number(p.lag),
              ...(p.error ? { error: p.error } : {}),
            },
          ]),
        );
        return projections.some((p) => p.state === 'failed') ? indicator.down(details) : indicator.up(details);
      },
    ]);
  }
}
