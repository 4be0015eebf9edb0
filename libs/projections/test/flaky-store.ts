import type { EventStore, Position, SubscribeOptions, Subscription, SubscriptionHandler } from '#eventstore';

/**
 * A real event store whose first `failures` subscriptions break down after delivering one batch, as a lost
 * connection to EventStoreDB would: the subscriber sees `onError` and must follow the log again by itself.
 */
export class FlakySubscriptionStore implements EventStore {
  readonly kind: string;
  subscriptions = 0;

  constructor(
    private readonly inner: EventStore,
    private failures = 1,
  ) {
    this.kind = inner.kind;
  }

  append: EventStore['append'] = (stream, events, expected) => this.inner.append(stream, events, expected);
  readStream: EventStore['readStream'] = (stream, options) => this.inner.readStream(stream, options);
  readAll: EventStore['readAll'] = (options) => this.inner.readAll(options);
  headPosition: EventStore['headPosition'] = () => this.inner.headPosition();
  ping: EventStore['ping'] = () => this.inner.ping();
  close: EventStore['close'] = () => this.inner.close();

  subscribeToAll(after: Position | undefined, handler: SubscriptionHandler, options?: SubscribeOptions): Subscription {
    this.subscriptions++;
    if (this.failures <= 0) return this.inner.subscribeToAll(after, handler, options);
    this.failures--;
    let delivered = 0;
    return this.inner.subscribeToAll(
      after,
      async (batch) => {
        if (delivered++ >= 1) throw new Error('connection to the event store lost');
        await handler(batch);
      },
      options,
    );
  }
}
