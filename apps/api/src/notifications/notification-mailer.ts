import { randomUUID } from 'node:crypto';
import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import {
  CLOCK,
  type Clock,
  EVENT_STORE,
  mailNotifications,
  NOTIFICATIONS,
  PersonalDataVault,
  type SqliteNotificationsReader,
} from '#application';
import type { EventStore } from '#eventstore';
import { LOGGER, type Logger, openMailTransport, PLATFORM_CONFIG, type PlatformConfig } from '#platform';
import { Metrics } from '../observability/metrics.js';

/** How long a failed e-mail waits before it is tried again: 5 s, doubling, at most an hour. */
const retryDelayMs = (attempts: number): number => Math.min(5_000 * 2 ** (attempts - 1), 3_600_000);

/**
 * Sends the e-mail of each new notification (`mailNotifications`), every second, one round at a time: never in the way
 * of a mutation. A failed send is tried again after a growing delay; `/health` and `/metrics` show the failures.
 */
@Injectable()
export class NotificationMailer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly transport: ReturnType<typeof openMailTransport>;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private readonly failing = new Map<string, { attempts: number; next: number; error: string }>();
  /** This instance, as the sender its claims name. */
  private readonly sender = randomUUID();

  constructor(
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PersonalDataVault) private readonly vault: PersonalDataVault,
    @Inject(NOTIFICATIONS) private readonly notifications: SqliteNotificationsReader,
    @Inject(Metrics) private readonly metrics: Metrics,
  ) {
    this.transport = openMailTransport(config);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.round(), 1_000);
    this.timer.unref();
  }

  /** What `/health` shows: where mail goes, and the e-mails failing now (with the latest error). */
  status(): { transport: 'smtp' | 'outbox'; failing: number; lastError: string | null } {
    const last = [...this.failing.values()].at(-1);
    return { transport: this.transport.kind, failing: this.failing.size, lastError: last?.error ?? null };
  }

  /** One round (or the one under way). */
  round(): Promise<void> {
    this.running ??= this.send().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async send(): Promise<void> {
    const now = Date.now();
    const notNow = new Set([...this.failing].filter(([, f]) => f.next > now).map(([id]) => id));
    try {
      const report = await mailNotifications(
        {
          sender: this.sender,
          store: this.store,
          vault: this.vault,
          notifications: this.notifications,
          transport: this.transport,
          appUrl: this.config.mail.appUrl,
        },
        { actor: 'system', correlationId: randomUUID(), now: this.clock.now(), asOperator: true },
        50,
        notNow,
        (id, error) => {
          const attempts = (this.failing.get(id)?.attempts ?? 0) + 1;
          this.failing.set(id, { attempts, next: Date.now() + retryDelayMs(attempts), error: error.message });
          this.logger.warn({ notificationId: id, attempts, err: error }, 'notification e-mail failed; it will be tried again');
        },
      );
      for (const id of report.done) this.failing.delete(id);
      this.metrics.notificationMail.inc({ outcome: 'sent' }, report.sent);
      this.metrics.notificationMail.inc({ outcome: 'no_address' }, report.noAddress);
      this.metrics.notificationMail.inc({ outcome: 'failed' }, report.failed.length);
    } catch (error) {
      this.logger.error({ err: error }, 'notification e-mail round failed');
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
    this.transport.close();
  }
}
