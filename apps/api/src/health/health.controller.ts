import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { EventStore } from '#eventstore';
import type { ProjectionRunner } from '#projections';
import { EVENT_STORE } from '#application';
import { PROJECTION_RUNNER } from '#platform';
import { NotificationMailer } from '../notifications/notification-mailer.js';

/**
 * `/health`: green when the event store answers, no read model has failed and every read model has a complete
 * version to answer from; `mail` says where notification e-mail goes and how many are failing. Red (503) otherwise: while a read model is built for the first time its readers get
 * `UNAVAILABLE`, and its details say `available: false` and how far the build is.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(NotificationMailer) private readonly mailer: NotificationMailer,
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
              phase: p.phase,
              available: p.available,
              position: p.position?.toString() ?? null,
              lag: Number(p.lag),
              ...(p.building ? { building: { version: p.building.version, position: p.building.position?.toString() ?? null } } : {}),
              ...(p.error ? { error: p.error } : {}),
            },
          ]),
        );
        return projections.some((p) => p.state === 'failed' || !p.available) ? indicator.down(details) : indicator.up(details);
      },
      // Failing e-mail is shown, never a reason to take the api out of service: it is tried again.
      async () => this.indicators.check('mail').up(this.mailer.status()),
    ]);
  }
}
