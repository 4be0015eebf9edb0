import type { Decider, DomainEvent } from '#domain';
import type { EventStore } from '#eventstore';
import { loadStream } from './stream-state-cache.js';

/** An aggregate as its stream tells it now (another aggregate's rules depend on it). */
export async function currentState<State>(store: EventStore, stream: string, decider: Pick<Decider<State, never, DomainEvent>, 'initialState' | 'evolve'>): Promise<State> {
  return (await loadStream(store, stream, decider)).state;
}
