import { type Decider, type DomainEvent, fold } from '#domain';
import type { EventStore } from '#eventstore';

/** An aggregate as its stream tells it now (another aggregate's rules depend on it). */
export async function currentState<State>(store: EventStore, stream: string, decider: Pick<Decider<State, never, DomainEvent>, 'initialState' | 'evolve'>): Promise<State> {
  return fold(decider, await store.readStream(stream));
}
