import { checkExpectedRevision, findEarlierAppend, validateAppend } from '../append-rules.js';
import { SubscriptionSet } from '../catch-up-subscription.js';
import { ChangeNotifier } from '../change-notifier.js';
import {
  type AppendResult,
  type EventStore,
  EventStoreUnavailableError,
  type ExpectedRevision,
  type NewEvent,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
  type SubscriptionHandler,
} from '../port.js';
import { NO_UPCASTERS, type UpcasterRegistry } from '../upcasting.js';

interface MemoryStream {
  readonly events: RecordedEvent[];
  readonly revisionById: Map<string, bigint>;
}

export interface MemoryEventStoreOptions {
  /** Applied to every event read, so that readers see current shapes only (none by default). */
  readonly upcasters?: UpcasterRegistry;
}

/**
 * The port in memory, with the same rules as the durable adapters; for unit tests. Positions start at 1. Events are
 * kept as appended, and upcast where they are read, as the durable adapters do.
 */
export class MemoryEventStore implements EventStore {
  readonly kind = 'memory';
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, MemoryStream>();
  private readonly changes = new ChangeNotifier();
  private readonly subscriptions = new SubscriptionSet((after, maxCount) => this.readAll({ after, maxCount }), this.changes);
  private closed = false;
  private readonly upcasters: UpcasterRegistry;

  constructor(options: MemoryEventStoreOptions = {}) {
    this.upcasters = options.upcasters ?? NO_UPCASTERS;
  }

  async append(stream: string, events: readonly NewEvent[], expected: ExpectedRevision = 'any'): Promise<AppendResult> {
    this.assertOpen();
    validateAppend(stream, events, expected);
    const existing = this.streams.get(stream);
    const current = existing ? BigInt(existing.events.length - 1) : undefined;
    const earlier = findEarlierAppend(stream, events, expected, current, {
      revisionOf: (id) => existing?.revisionById.get(id),
      idAt: (revision) => existing?.events[Number(revision)]?.id,
    });
    if (earlier !== undefined && existing) {
      return { nextExpectedRevision: earlier, position: existing.events[Number(earlier)]!.position };
    }
    checkExpectedRevision(stream, expected, current);
    const target = existing ?? { events: [], revisionById: new Map<string, bigint>() };
    const copies = events.map((event) => structuredClone({ id: event.id, type: event.type, data: event.data, metadata: event.metadata }));
    for (const copy of copies) {
      const recorded: RecordedEvent = {
        ...copy,
        stream,
        revision: BigInt(target.events.length),
        position: BigInt(this.log.length + 1),
      };
      target.events.push(recorded);
      target.revisionById.set(recorded.id, recorded.revision);
      this.log.push(recorded);
    }
    this.streams.set(stream, target);
    this.changes.notify();
    const last = target.events.at(-1)!;
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const events = this.streams.get(stream)?.events ?? [];
    const max = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    if (options.direction === 'backwards') {
      const from = options.fromRevision === undefined ? events.length - 1 : Math.min(Number(options.fromRevision), events.length - 1);
      return this.current(events.slice(Math.max(0, from - max + 1), from + 1).reverse());
    }
    const from = Number(options.fromRevision ?? 0n);
    return this.current(events.slice(from, from + max));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const start = Number(options.after ?? 0n);
    return this.current(this.log.slice(start, start + (options.maxCount ?? Number.MAX_SAFE_INTEGER)));
  }

  async headPosition(): Promise<Position | undefined> {
    return this.log.at(-1)?.position;
  }

  subscribeToAll(after: Position | undefined, handler: SubscriptionHandler, options?: SubscribeOptions): Subscription {
    this.assertOpen();
    return this.subscriptions.subscribe(after, handler, options);
  }

  async ping(): Promise<void> {
    this.assertOpen();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.subscriptions.closeAll();
  }

  /** The events read, in their current shapes. */
  private current(events: RecordedEvent[]): RecordedEvent[] {
    return this.upcasters.size === 0 ? events : events.map((event) => this.upcasters.upcast(event));
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreUnavailableError('The event store is closed');
  }
}
