import { type Decider, type DomainEvent, fold } from '#domain';
import { type EventStore, type RecordedEvent, WrongExpectedVersionError } from '#eventstore';
import { ConflictError } from '../errors.js';
import type { CommandContext } from './command-context.js';
import { eventIdFor } from './event-ids.js';

export interface CommandRequest<State, Command extends { readonly type: string }, Event extends DomainEvent> {
  readonly store: EventStore;
  readonly stream: string;
  readonly decider: Decider<State, Command, Event>;
  readonly command: Command;
  readonly context: CommandContext;
  /** Re-reads and re-decides on a concurrent change this many times before answering CONFLICT (default 5). */
  readonly maxAttempts?: number;
}

export interface CommandOutcome<State> {
  /** The events this command recorded (on an idempotent retry: the ones the first attempt recorded). */
  readonly events: readonly DomainEvent[];
  /** The stream's revision after the command; -1 when the stream is still empty. */
  readonly version: number;
  /** Global position of the command's last event (or of the stream's last event when it recorded none). */
  readonly position: bigint | undefined;
  /** The aggregate's state after the command. */
  readonly state: State;
}

const versionOf = (events: readonly RecordedEvent[]): number => Number(events.at(-1)?.revision ?? -1n);

/** Events of an earlier run of the same client command, found by their derived ids. */
function earlierRun(recorded: readonly RecordedEvent[], commandId: string): RecordedEvent[] | undefined {
  const start = recorded.findIndex((event) => event.id === eventIdFor(commandId, 0));
  if (start < 0) return undefined;
  const run: RecordedEvent[] = [];
  for (let i = start; i < recorded.length && recorded[i]!.id === eventIdFor(commandId, i - start); i++) run.push(recorded[i]!);
  return run;
}

/**
 * The one way a command changes anything: read the stream, fold it, decide, append with the revision read.
 * A concurrent change is retried (re-read, re-decide) unless the caller pinned `expectedVersion`.
 */
export async function executeCommand<State, Command extends { readonly type: string }, Event extends DomainEvent>(
  request: CommandRequest<State, Command, Event>,
): Promise<CommandOutcome<State>> {
  const { store, stream, decider, command, context } = request;
  const attempts = request.maxAttempts ?? 5;
  let actual = -1;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const recorded = await store.readStream(stream);
    actual = versionOf(recorded);
    if (context.commandId) {
      const earlier = earlierRun(recorded, context.commandId);
      if (earlier) {
        const last = earlier.at(-1)!;
        return { events: earlier, version: Number(last.revision), position: last.position, state: fold(decider, recorded) };
      }
    }
    if (context.expectedVersion !== undefined && context.expectedVersion !== actual) {
      throw new ConflictError(stream, context.expectedVersion, actual);
    }
    const state = fold(decider, recorded);
    const decided = decider.decide(command, state, context.now);
    if (decided.length === 0) return { events: [], version: actual, position: recorded.at(-1)?.position, state };
    const metadata = {
      correlationId: context.correlationId,
      causationId: context.commandId ?? context.correlationId,
      actor: context.actor,
      occurredAt: context.now.toISOString(),
      schemaVersion: 1,
      commandType: command.type,
    };
    try {
      const result = await store.append(
        stream,
        decided.map((event, index) => ({ id: eventIdFor(context.commandId, index), type: event.type, data: event.data, metadata })),
        actual < 0 ? 'no_stream' : BigInt(actual),
      );
      return {
        events: decided,
        version: Number(result.nextExpectedRevision),
        position: result.position,
        state: decided.reduce<State>(decider.evolve, state),
      };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      if (context.expectedVersion !== undefined) {
        throw new ConflictError(stream, context.expectedVersion, error.actual === 'no_stream' ? -1 : Number(error.actual));
      }
    }
  }
  throw new ConflictError(stream, undefined, actual, `Too many concurrent changes to ${stream}; retry.`);
}
