import { type Decider, type DomainEvent, fold } from '#domain';
import { type EventMetadata, type EventStore, type RecordedEvent, WrongExpectedVersionError } from '#eventstore';
import { ConflictError } from '../errors.js';
import type { CommandContext } from './command-context.js';
import { commandBinding, commandIdUse, eventIdFor, eventMetadata } from './command-ids.js';
import { loadStream, rememberAppend } from './stream-state-cache.js';

/** How often a command is re-read and re-decided after a concurrent change before the caller gets CONFLICT. */
export const DEFAULT_COMMAND_RETRIES = 5;

export interface CommandRequest<State, Command extends { readonly type: string }, Event extends DomainEvent> {
  readonly store: EventStore;
  readonly stream: string;
  readonly decider: Decider<State, Command, Event>;
  readonly command: Command;
  readonly context: CommandContext;
  /** Re-reads and re-decides on a concurrent change this many times before answering CONFLICT (default 5). */
  readonly maxRetries?: number;
  /**
   * Work outside the log that must happen before the events are recorded, once the command is decided: it never runs
   * for a refused command. It may run again on a retry after a concurrent change, so it must be idempotent.
   */
  readonly beforeAppend?: (decided: readonly Event[]) => Promise<void>;
}

export interface CommandOutcome<State> {
  /** The events this command recorded (on an idempotent retry: the ones the first run recorded). */
  readonly events: readonly RecordedEvent[];
  /** The stream's revision after the command; -1 when the stream is still empty. */
  readonly version: number;
  /** Global position of the command's last event (of the stream's last event when it recorded none). */
  readonly position: bigint | undefined;
  /** The aggregate's state right after the command. */
  readonly state: State;
}

/**
 * The events an earlier run of the same client command recorded, found by their derived ids: the event with the
 * id of index 0 and the ones right after it that carry the ids of index 1, 2, …; undefined when there was none.
 */
function earlierRun(recorded: readonly RecordedEvent[], commandId: string, binding: string): RecordedEvent[] | undefined {
  const firstId = eventIdFor(commandId, binding, 0);
  const start = recorded.findIndex((event) => event.id === firstId);
  if (start < 0) return undefined;
  const run: RecordedEvent[] = [recorded[start]!];
  for (let index = 1; start + index < recorded.length && recorded[start + index]!.id === eventIdFor(commandId, binding, index); index++) {
    run.push(recorded[start + index]!);
  }
  return run;
}

type Folding<State> = Pick<Decider<State, never, never>, 'initialState' | 'evolve'>;

/** The first run's result, as it was: its events, the version and position after them, the state they left. */
function replay<State>(decider: Folding<State>, recorded: readonly RecordedEvent[], run: readonly RecordedEvent[]): CommandOutcome<State> {
  const last = run.at(-1)!;
  return {
    events: run,
    version: Number(last.revision),
    position: last.position,
    state: fold(decider, recorded.slice(0, Number(last.revision) + 1)),
  };
}

/**
 * Appends the decided events after revision `version` and returns them as recorded, or undefined when the store
 * answered with an earlier append of the same ids (a concurrent run of the same client command got there first).
 */
async function appendAfter(
  store: EventStore,
  stream: string,
  version: number,
  decided: readonly DomainEvent[],
  metadata: EventMetadata,
  command: { readonly id: string | undefined; readonly binding: string },
): Promise<RecordedEvent[] | undefined> {
  const events = decided.map((event, index) => ({
    id: eventIdFor(command.id, command.binding, index),
    type: event.type,
    data: event.data,
    metadata,
  }));
  const result = await store.append(stream, events, version < 0 ? 'no_stream' : BigInt(version));
  const first = BigInt(version + 1);
  if (result.nextExpectedRevision !== first + BigInt(events.length - 1)) return undefined;
  return store.readStream(stream, { fromRevision: first, maxCount: events.length });
}

/**
 * The one way a command changes anything: read the stream, fold it, decide, append with the revision read.
 *
 * - Idempotent retry: with a `commandId`, event ids derive from it and what it is bound to (sender, operation,
 *   stream); when the stream already holds the first of them, the first run's result is returned and nothing is
 *   decided or appended again. A command id already used for another command is refused (`commandIdUse`).
 * - Optimistic concurrency: a given `expectedVersion` must equal the stream's revision, else CONFLICT. Without one,
 *   a concurrent change is answered by reading and deciding again, up to `maxRetries` times, then CONFLICT.
 * - A decision with no events appends nothing and answers the current version and position.
 */
export async function executeCommand<State, Command extends { readonly type: string }, Event extends DomainEvent>(
  request: CommandRequest<State, Command, Event>,
): Promise<CommandOutcome<State>> {
  const { store, stream, decider, command, context } = request;
  const retries = request.maxRetries ?? DEFAULT_COMMAND_RETRIES;
  commandIdUse(store, context, command.type, stream);
  const binding = commandBinding(context, command.type, stream);
  const metadata = eventMetadata(context, command.type, binding);
  for (let attempt = 0; ; attempt++) {
    const snapshot = await loadStream(store, stream, decider);
    if (context.commandId !== undefined && snapshot.ids.has(eventIdFor(context.commandId, binding, 0))) {
      // A retry of a command that already ran: answer with its first result, read from the whole stream.
      const recorded = await store.readStream(stream);
      const run = earlierRun(recorded, context.commandId, binding);
      if (run) return replay(decider, recorded, run);
    }
    const version = snapshot.revision;
    if (context.expectedVersion !== undefined && context.expectedVersion !== version) {
      throw new ConflictError(stream, context.expectedVersion, version);
    }
    const state = snapshot.state;
    const decided = decider.decide(command, state, context.now);
    if (decided.length === 0) return { events: [], version, position: snapshot.position, state };
    let actual = version;
    await request.beforeAppend?.(decided);
    try {
      const appended = await appendAfter(store, stream, version, decided, metadata, { id: context.commandId, binding });
      if (appended) {
        const last = appended.at(-1)!;
        const after = decided.reduce(decider.evolve, state);
        rememberAppend(store, stream, decider, appended, after);
        return { events: appended, version: Number(last.revision), position: last.position, state: after };
      }
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      actual = error.actual === 'no_stream' ? -1 : Number(error.actual);
      // A pinned version stays a conflict; with a commandId the next read may still find the first run's events.
      if (context.expectedVersion !== undefined && context.commandId === undefined) {
        throw new ConflictError(stream, context.expectedVersion, actual);
      }
    }
    if (attempt >= retries) {
      throw new ConflictError(stream, context.expectedVersion, actual, `Too many concurrent changes to ${stream}; retry.`);
    }
  }
}
