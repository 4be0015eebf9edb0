import { type Decider, type DomainEvent, fold } from '#domain';
import type { EventStore, Position, RecordedEvent } from '#eventstore';

type Folding<State> = Pick<Decider<State, never, DomainEvent>, 'initialState' | 'evolve'>;

/** What is known of a stream as of one revision: the folded state and every event id in it. */
export interface StreamSnapshot<State> {
  readonly revision: number;
  readonly state: State;
  readonly position: Position | undefined;
  readonly ids: ReadonlySet<string>;
}

interface Entry {
  revision: number;
  state: unknown;
  position: Position | undefined;
  ids: Set<string>;
}

/** Streams kept per store and decider; the least recently used go first. */
const CAPACITY = 2_000;
const caches = new WeakMap<EventStore, WeakMap<object, Map<string, Entry>>>();

function cacheFor(store: EventStore, decider: object): Map<string, Entry> {
  let byDecider = caches.get(store);
  if (!byDecider) caches.set(store, (byDecider = new WeakMap()));
  let streams = byDecider.get(decider);
  if (!streams) byDecider.set(decider, (streams = new Map()));
  return streams;
}

/**
 * A stream's current state, folded from a cached state and only the events appended after it: events never
 * change, so a command reads the tail of its stream instead of all of it. Another writer's appends (another
 * process, another api instance) are simply part of the tail. Deciders are pure, so a cached state is never
 * mutated by anyone.
 */
export async function loadStream<State>(store: EventStore, stream: string, decider: Folding<State>): Promise<StreamSnapshot<State>> {
  const cache = cacheFor(store, decider);
  const cached = cache.get(stream);
  const tail = await store.readStream(stream, cached ? { fromRevision: BigInt(cached.revision + 1) } : {});
  const entry: Entry = cached ?? { revision: -1, state: decider.initialState, position: undefined, ids: new Set() };
  if (tail.length > 0) {
    entry.state = fold({ initialState: entry.state as State, evolve: decider.evolve }, tail);
    for (const event of tail) entry.ids.add(event.id);
    entry.revision = Number(tail.at(-1)!.revision);
    entry.position = tail.at(-1)!.position;
  }
  cache.delete(stream);
  cache.set(stream, entry);
  if (cache.size > CAPACITY) cache.delete(cache.keys().next().value!);
  return { revision: entry.revision, state: entry.state as State, position: entry.position, ids: entry.ids };
}

/** Records a command's own append, when the cache still stands right before it. */
export function rememberAppend<State>(store: EventStore, stream: string, decider: Folding<State>, appended: readonly RecordedEvent[], state: State): void {
  const entry = cacheFor(store, decider).get(stream);
  const first = appended[0];
  if (!entry || !first || entry.revision !== Number(first.revision) - 1) return;
  for (const event of appended) entry.ids.add(event.id);
  entry.revision = Number(appended.at(-1)!.revision);
  entry.position = appended.at(-1)!.position;
  entry.state = state;
}
