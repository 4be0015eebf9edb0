import { randomUUID } from 'node:crypto';
import { type BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock, EVENT_STORE, type ReminderPassReport, Reminders } from '#application';
import { dateOf } from '#domain';
import type { EventStore } from '#eventstore';
import type { ProjectionRunner } from '#projections';
import { LOGGER, type Logger, PLATFORM_CONFIG, type PlatformConfig, PROJECTION_RUNNER } from '#platform';

/**
 * Runs the reminder pass (`runReminderPass`) once the api is up and then every REMINDERS_INTERVAL_MINUTES, one pass
 * at a time. A pass reads the read models once they include the whole log; a failed pass is logged and the next one
 * records what it missed (a pass records each notification once, whichever instance runs it).
 */
@Injectable()
export class ReminderScheduler implements BeforeApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<ReminderPassReport | undefined> | undefined;
  private readonly stopping = new AbortController();

  constructor(
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(Reminders) private readonly reminders: Reminders,
  ) {}

  start(): void {
    const minutes = this.config.remindersIntervalMinutes;
    if (minutes === 0 || this.timer) return;
    void this.pass();
    this.timer = setInterval(() => void this.pass(), minutes * 60_000);
    this.timer.unref();
  }

  /** One pass (or the one already under way). */
  pass(): Promise<ReminderPassReport | undefined> {
    if (this.stopping.signal.aborted) return Promise.resolve(undefined);
    this.running ??= this.runOnce().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async runOnce(): Promise<ReminderPassReport | undefined> {
    try {
      if (!(await this.caughtUp())) return undefined;
      const now = this.clock.now();
      const report = await this.reminders.run(
        dateOf(now),
        { actor: 'system', correlationId: randomUUID(), now, asOperator: true },
        this.stopping.signal,
      );
      this.logger.info(report, 'reminder pass');
      return report;
    } catch (error) {
      this.logger.error({ err: error }, 'reminder pass failed; the next one records what it missed');
      return undefined;
    }
  }

  /** Whether the read models include the whole log, waiting up to a minute (a second at a time, so a shutdown is not held up). */
  private async caughtUp(): Promise<boolean> {
    const head = await this.store.headPosition();
    if (head === undefined) return true;
    for (let waited = 0; waited < 60 && !this.stopping.signal.aborted; waited++) {
      if (await this.runner.waitFor(head, 1_000)) return true;
    }
    if (!this.stopping.signal.aborted) this.logger.warn('reminder pass put off: the read models have not caught up with the log');
    return false;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    clearInterval(this.timer);
    await this.running;
  }
}
