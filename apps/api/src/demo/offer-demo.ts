import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CLOCK, type Clock, DemoCalendarError, EVENT_STORE, seedDemo } from '#application';
import type { EventStore } from '#eventstore';
import { ConfigError, type Logger, type PlatformConfig } from '#platform';

/**
 * With SEED_DEMO=true, seeds the demo plans (idempotent). With `ifEmpty` (`npm start` passes
 * `--seed-demo-if-empty`), seeds them when the log is empty, so a fresh clone shows the demo; otherwise, on an empty
 * log, says how to.
 */
export async function offerDemo(app: INestApplication, config: PlatformConfig, logger: Logger, ifEmpty = false): Promise<void> {
  const empty = async () => (await app.get<EventStore>(EVENT_STORE).headPosition()) === undefined;
  if (config.seedDemo || (ifEmpty && (await empty()))) {
    const report = await seedDemo(app.get(CommandBus), app.get<EventStore>(EVENT_STORE), 'system', app.get<Clock>(CLOCK).now()).catch(
      (error: unknown) => {
        throw error instanceof DemoCalendarError ? new ConfigError(`Invalid configuration: ${error.message}`) : error;
      },
    );
    logger.info({ ...report, position: report.position?.toString() ?? null }, 'demo plans seeded');
    return;
  }
  if (await empty()) {
    logger.info('the event log is empty: seed the demo plans with `npm run cli -- seed-demo`, or start with SEED_DEMO=true');
  }
}
