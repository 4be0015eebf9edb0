import type { ChangeNotifier } from './change-notifier.js';
import type { Position, RecordedEvent, SubscribeOptions, Subscription, SubscriptionHandler } from './port.js';

export type ReadBatch = (after: Position | undefined, maxCount: number) => Promise<readonly RecordedEvent[]>;

/**
 * A catch-up subscription over a log that can be read by position: reads a batch after the last delivered
 * position, awaits the handler, repeats; at the end of the log it reports `onCaughtUp` and sleeps until the log
 * changes. Only one batch is ever held, so a slow handler slows reading down instead of growing memory.
 */
export function catchUpSubscription(
  read: ReadBatch,
  changes: ChangeNotifier,
  from: Position | undefined,
  handler: SubscriptionHandler,
  options: SubscribeOptions = {},
): Subscription {
  const maxBatchSize = options.maxBatchSize ?? 500;
  let closed = false;
  /** Ends the current wait for a change early (on close). A fresh one per wait: nothing piles up on a long-lived promise. */
  let interrupt: (() => void) | undefined;

  const run = async (): Promise<void> => {
    let after = from;
    let reportedCaughtUp = false;
    await Promise.resolve();
    while (!closed) {
      const seen = changes.current;
      const batch = await read(after, maxBatchSize);
      if (closed) return;
      const last = batch.at(-1);
      if (last) {
        await handler(batch);
        after = last.position;
        reportedCaughtUp = false;
        // Reads and handlers may complete synchronously (SQLite): let I/O in between batches, so a long catch-up
        // never starves the process's requests.
        await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      if (!reportedCaughtUp) {
        reportedCaughtUp = true;
        options.onCaughtUp?.(after);
      }
      await new Promise<void>((resolve) => {
        interrupt = resolve;
        void changes.changedSince(seen).then(resolve);
      });
      interrupt = undefined;
    }
  };

  const running = run().catch((error: unknown) => {
    if (!closed) options.onError?.(error);
  });

  return {
    async close() {
      closed = true;
      interrupt?.();
      await running;
    },
  };
}

/**
 * The live subscriptions of one store: opens catch-up subscriptions over its log, knows how many are open (the
 * SQLite store only watches for other processes' writes while someone listens) and closes them all with the store.
 */
export class SubscriptionSet {
  private readonly open = new Set<Subscription>();

  constructor(
    private readonly read: ReadBatch,
    private readonly changes: ChangeNotifier,
    private readonly onCountChange: (count: number) => void = () => undefined,
  ) {}

  subscribe(after: Position | undefined, handler: SubscriptionHandler, options?: SubscribeOptions): Subscription {
    const subscription = catchUpSubscription(this.read, this.changes, after, handler, options);
    this.open.add(subscription);
    this.onCountChange(this.open.size);
    return {
      close: async () => {
        if (this.open.delete(subscription)) this.onCountChange(this.open.size);
        await subscription.close();
      },
    };
  }

  async closeAll(): Promise<void> {
    const all = [...this.open];
    this.open.clear();
    this.onCountChange(0);
    await Promise.all(all.map((subscription) => subscription.close()));
  }
}
