import type { AppendResult, EventStore, ExpectedRevision, NewEvent } from '#eventstore';
import type { Metrics } from './metrics.js';

/** Decorates an event store with append latency metrics; every other call passes straight through. */
export function instrumentEventStore(store: EventStore, metrics: Metrics): EventStore {
  return {
    get kind() {
      return store.kind;
    },
    async append(stream: string, events: readonly NewEvent[], expected?: ExpectedRevision): Promise<AppendResult> {
      const end = metrics.appendDuration.startTimer();
      try {
        const result = await store.append(stream, events, expected);
        end({ outcome: 'ok' });
        return result;
      } catch (error) {
        end({ outcome: (error as { code?: string }).code ?? 'error' });
        throw error;
      }
    },
    readStream: (stream, options) => store.readStream(stream, options),
    readAll: (options) => store.readAll(options),
    headPosition: () => store.headPosition(),
    subscribeToAll: (after, handler, options) => store.subscribeToAll(after, handler, options),
    ping: () => store.ping(),
    close: () => store.close(),
  };
}
