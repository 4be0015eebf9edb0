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
  /** Events this entry adds to its cache's total, as of the last time it was kept. */
  counted: number;
  state: unknown;
  position: Position | undefined;
  ids: Set<string>;
}

/**
 * What is kept per store and decider: at most this many streams, and at most this many events folded into them
 * all (each cached stream holds its state and every event id: memory grows with events, not with streams). The
 * least recently used streams go first.
 */
export const streamCacheLimits = { streams: 2_000, events: 250_000 };

interface Cache {
  readonly streams: Map<string, Entry>;
  /** Events folded into the cached states (the sum of their revisions + 1). */
  events: number;
}

const caches = new WeakMap<EventStore, WeakMap<object, Cache>>();

/**
 * The cache of one way of folding streams: keyed by `evolve`, so deciders that fold the same stream the same way
 * (a commitment's and its tracking's) share one state per stream.
 */
function cacheFor<State>(store: EventStore, decider: Folding<State>): Cache {
  let byFolding = caches.get(store);
  if (!byFolding) caches.set(store, (byFolding = new WeakMap()));
  let cache = byFolding.get(decider.evolve);
  if (!cache) byFolding.set(decider.evolve, (cache = { streams: new Map(), events: 0 }));
  return cache;
}

/** Puts `entry` last (most recently used) and evicts from the front until the cache is within its limits. */
function keep(cache: Cache, stream: string, entry: Entry): void {
  const replaced = cache.streams.get(stream);
  if (replaced) {
    cache.events -= replaced.counted;
    cache.streams.delete(stream);
  }
  entry.counted = entry.revision + 1;
  cache.events += entry.counted;
  cache.streams.set(stream, entry);
  for (const [oldest, evicted] of cache.streams) {
    if (oldest === stream || (cache.streams.size <= streamCacheLimits.streams && cache.events <= streamCacheLimits.events)) break;
    cache.streams.delete(oldest);
    cache.events -= evicted.counted;
  }
}

/**
 * A stream's current state, folded from a cached state and only the events appended after it: events never
 * change, so a command reads the tail of its stream instead of all of it. Another writer's appends (another
 * process, another api instance) are simply part of the tail. Deciders are pure, so a cached state is never
 * mutated by anyone.
 */
export async function loadStream<State>(store: EventStore, stream: string, decider: Folding<State>): Promise<StreamSnapshot<State>> {
  const cache = cacheFor(store, decider);
  const cached = cache.streams.get(stream);
  const tail = await store.readStream(stream, cached ? { fromRevision: BigInt(cached.revision + 1) } : {});
  const entry: Entry = cached ?? { revision: -1, counted: 0, state: decider.initialState, position: undefined, ids: new Set() };
  if (tail.length > 0) {
    entry.state = fold({ initialState: entry.state as State, evolve: decider.evolve }, tail);
    for (const event of tail) entry.ids.add(event.id);
    entry.revision = Number(tail.at(-1)!.revision);
    entry.position = tail.at(-1)!.position;
  }
  keep(cache, stream, entry);
  return { revision: entry.revision, state: entry.state as State, position: entry.position, ids: entry.ids };
}

/** Records a command's own append, when the cache still stands right before it. */
export function rememberAppend<State>(
  store: EventStore,
  stream: string,
  decider: Folding<State>,
  appended: readonly RecordedEvent[],
  state: State,
): void {
  const cache = cacheFor(store, decider);
  const entry = cache.streams.get(stream);
  const first = appended[0];
  if (!entry || !first || entry.revision !== Number(first.revision) - 1) return;
  for (const event of appended) entry.ids.add(event.id);
  entry.revision = Number(appended.at(-1)!.revision);
  entry.position = appended.at(-1)!.position;
  entry.state = state;
  keep(cache, stream, entry);
}

/** An aggregate as its stream tells it now (another aggregate's rules depend on it). */
export async function currentState<State>(
  store: EventStore,
  stream: string,
  decider: Pick<Decider<State, never, DomainEvent>, 'initialState' | 'evolve'>,
): Promise<State> {
  return (await loadStream(store, stream, decider)).state;
}
