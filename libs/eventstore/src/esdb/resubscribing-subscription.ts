import { type AllStreamResolvedEvent, type EventStoreDBClient, START, excludeSystemEvents } from '@eventstore/db-client';
import {
  EventStoreUnavailableError,
  type Position,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
  type SubscriptionHandler,
} from '../port.js';
import type { UpcasterRegistry } from '../upcasting.js';
import { describeError, isSystem, isTransient, toEsdbPosition } from './connection.js';
import { toRecorded } from './decode.js';

/**
 * A catch-up subscription to `$all` that survives dropped connections: it resubscribes from the last event it
 * received, with backoff, so the handler sees no gap and no duplicate. Events are handed over in batches; the
 * client's stream is paused while a batch is handled, so a slow handler holds back the server instead of memory.
 */
export class ResubscribingSubscription implements Subscription {
  private closed = false;
  private current: ReturnType<EventStoreDBClient['subscribeToAll']> | undefined;
  private readonly queue: RecordedEvent[] = [];
  private lastReceived: Position | undefined;
  private lastDelivered: Position | undefined;
  private caughtUp = false;
  private draining: Promise<void> | undefined;
  private drainScheduled = false;
  private failures = 0;
  private readonly maxBatchSize: number;

  constructor(
    private readonly client: EventStoreDBClient,
    after: Position | undefined,
    private readonly handler: SubscriptionHandler,
    private readonly options: SubscribeOptions,
    private readonly maxDelayMs: number,
    private readonly upcasters: UpcasterRegistry,
    private readonly onClosed: () => void,
  ) {
    this.lastReceived = after;
    this.lastDelivered = after;
    this.maxBatchSize = options.maxBatchSize ?? 500;
    this.open();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.onClosed();
    const current = this.current;
    this.current = undefined;
    await current?.unsubscribe().catch(() => undefined);
    await this.draining;
  }

  private open(): void {
    if (this.closed) return;
    const subscription = this.client.subscribeToAll({
      fromPosition: this.lastReceived === undefined ? START : toEsdbPosition(this.lastReceived),
      filter: excludeSystemEvents(),
    });
    this.current = subscription;
    subscription.on('data', (resolved: AllStreamResolvedEvent) => {
      if (this.current !== subscription || this.closed) return;
      const event = resolved.event;
      if (!event?.position) return;
      // A resubscription starts after the last event received; guard against a server that repeats it.
      if (this.lastReceived !== undefined && event.position.commit <= this.lastReceived) return;
      this.lastReceived = event.position.commit;
      this.failures = 0;
      if (isSystem(event.type, event.streamId)) return;
      this.queue.push(toRecorded(event, this.upcasters));
      if (this.queue.length >= this.maxBatchSize) subscription.pause();
      this.scheduleDrain();
    });
    subscription.on('caughtUp', () => {
      if (this.current !== subscription) return;
      this.caughtUp = true;
      this.scheduleDrain();
    });
    subscription.on('error', (error: unknown) => this.dropped(subscription, error));
    subscription.on('end', () => this.dropped(subscription, undefined));
  }

  private dropped(subscription: ReturnType<EventStoreDBClient['subscribeToAll']>, error: unknown): void {
    if (this.current !== subscription || this.closed) return;
    this.current = undefined;
    void subscription.unsubscribe().catch(() => undefined);
    if (error !== undefined && !isTransient(error)) {
      this.fail(new EventStoreUnavailableError(`EventStoreDB ended the subscription to $all: ${describeError(error)}`, { cause: error }));
      return;
    }
    const delay = Math.min(100 * 2 ** this.failures, this.maxDelayMs);
    this.failures++;
    setTimeout(() => this.open(), delay).unref();
  }

  private scheduleDrain(): void {
    if (this.drainScheduled || this.draining) return;
    this.drainScheduled = true;
    setImmediate(() => {
      this.drainScheduled = false;
      this.draining = this.drain().finally(() => {
        this.draining = undefined;
        if (this.queue.length > 0 && !this.closed) this.scheduleDrain();
      });
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0 && !this.closed) {
      const batch = this.queue.splice(0, this.maxBatchSize);
      try {
        await this.handler(batch);
      } catch (error) {
        this.fail(error);
        return;
      }
      this.lastDelivered = batch.at(-1)!.position;
    }
    if (this.closed) return;
    const current = this.current;
    if (this.caughtUp && (!current || current.readableLength === 0)) this.options.onCaughtUp?.(this.lastDelivered);
    if (current?.isPaused()) current.resume();
  }

  private fail(error: unknown): void {
    if (this.closed) return;
    this.queue.length = 0;
    void this.close();
    this.options.onError?.(error);
  }
}
