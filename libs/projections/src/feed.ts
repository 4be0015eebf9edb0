import type { EventStore, Position, RecordedEvent, Subscription } from '#eventstore';
import type { GroupMember } from './batch-applier.js';
import type { RunnerLogger } from './runner-logger.js';

const LONGEST_RETRY_DELAY_MS = 30_000;

export interface FeedOptions {
  readonly store: EventStore;
  readonly logger: RunnerLogger;
  readonly batchSize: number;
  /** First wait before following the log again after the event store failed the subscription; it doubles up to 30 s. */
  readonly retryDelayMs: number;
  /** The projections to feed now: the subscription starts from the earliest of their positions. */
  members(): readonly GroupMember[];
  /** Applies a batch the subscription delivered. */
  deliver(batch: readonly RecordedEvent[]): void;
}

/**
 * The one catch-up subscription that feeds the live projections, and its backoff: when the event store ends it (not
 * a projector), it follows the log again after a growing delay. Everything it does ends when the `AbortSignal` given
 * to `follow` aborts (the runner stopped).
 */
export class Feed {
  /** Position of the last event delivered by the current subscription (where it started, before the first). */
  delivered: Position | undefined;
  /** The current subscription has delivered the whole log once. */
  caughtUp = false;
  private subscription: Subscription | undefined;
  /** Subscriptions being closed; `unfollow()` waits for them. */
  private closing: Promise<void> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryDelayMs: number;

  constructor(private readonly options: FeedOptions) {
    this.retryDelayMs = options.retryDelayMs;
  }

  get following(): boolean {
    return this.subscription !== undefined;
  }

  /** Starts the subscription, unless it runs, nobody is to be fed or `signal` has aborted. */
  follow(signal: AbortSignal): void {
    if (this.subscription || signal.aborted) return;
    const members = this.options.members();
    if (members.length === 0) return;
    const from = earliestPosition(members);
    this.caughtUp = false;
    this.delivered = from;
    // The handlers may only act while their subscription is the current one.
    const own: { subscription?: Subscription } = {};
    const current = () => own.subscription !== undefined && this.subscription === own.subscription;
    own.subscription = this.options.store.subscribeToAll(
      from,
      (batch) => {
        if (!current()) return;
        this.delivered = batch.at(-1)!.position;
        this.retryDelayMs = this.options.retryDelayMs;
        this.options.deliver(batch);
      },
      {
        maxBatchSize: this.options.batchSize,
        onCaughtUp: () => {
          if (current()) this.caughtUp = true;
        },
        onError: (error) => {
          if (current()) this.resubscribeLater(error, signal);
        },
      },
    );
    this.subscription = own.subscription;
  }

  /** Ends the subscription without waiting (safe inside its own handler); `unfollow()` waits for it. */
  unsubscribe(): void {
    const subscription = this.subscription;
    this.subscription = undefined;
    this.caughtUp = false;
    if (!subscription) return;
    const previous = this.closing;
    this.closing = Promise.all([previous, subscription.close().catch(() => undefined)]).then(() => undefined);
  }

  /** Ends the subscription and any retry pending, and waits until every subscription has closed. */
  async unfollow(): Promise<void> {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.unsubscribe();
    const closing = this.closing;
    await closing;
    if (this.closing === closing) this.closing = undefined;
  }

  /** The event store ended the subscription: follow the log again after a growing delay. */
  private resubscribeLater(error: unknown, signal: AbortSignal): void {
    this.unsubscribe();
    if (signal.aborted) return;
    const delay = this.retryDelayMs;
    this.retryDelayMs = Math.min(delay * 2, LONGEST_RETRY_DELAY_MS);
    this.options.logger.error(
      { position: this.delivered?.toString() ?? null, retryInMs: delay, err: error },
      'event store subscription failed; following the log again shortly',
    );
    const cancel = () => clearTimeout(this.retryTimer);
    signal.addEventListener('abort', cancel, { once: true });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      signal.removeEventListener('abort', cancel);
      if (signal.aborted || this.subscription) return;
      try {
        this.follow(signal);
      } catch (followError) {
        this.resubscribeLater(followError, signal);
      }
    }, delay);
    this.retryTimer.unref?.();
  }
}

/** The earliest position among the members; undefined when one of them has applied nothing yet. */
export function earliestPosition(members: readonly GroupMember[]): Position | undefined {
  let earliest = members[0]?.position;
  for (const { position } of members) {
    if (position === undefined) return undefined;
    if (earliest === undefined || position < earliest) earliest = position;
  }
  return earliest;
}
