import { type Decider, type DomainEvent, RuleViolation } from '#domain';
import type { EventStore } from '#eventstore';
import type { SqliteCatalogueReader } from '../catalogue/sqlite-catalogue-reader.js';
import type { CommentRateLimit } from '../discussions/comment-rate-limit.js';
import type { SqliteDiscussionReader } from '../discussions/sqlite-discussion-reader.js';
import { NotFoundError } from '../errors.js';
import type { Identities } from '../participants/identities.js';
import type { GrantsReader, ParticipantsReader } from '../participants/read-model/participant-views.js';
import type { SqliteNotificationsReader } from '../notifications/sqlite-notifications-reader.js';
import type { PersonalDataVault } from '../personal-data/personal-data-vault.js';
import type { CommandContext } from './command-context.js';
import { newEntityId } from './command-ids.js';
import { type CommandOutcome, type CommandRequest, executeCommand } from './execute-command.js';
import { currentState } from './stream-state-cache.js';

/**
 * What a use case may read or use besides its own stream: the event store, who holds which role, the read models
 * its rules consult, and the services around personal data. The one command handler gets them from the host.
 */
export interface Ports {
  readonly store: EventStore;
  readonly grants: GrantsReader;
  readonly participants: ParticipantsReader;
  readonly catalogue: SqliteCatalogueReader;
  readonly discussions: SqliteDiscussionReader;
  readonly notifications: SqliteNotificationsReader;
  readonly rateLimit: CommentRateLimit;
  readonly identities: Identities;
  readonly vault: PersonalDataVault;
}

/** What a command answers: the entity's id, its version after the command and where its events landed. */
export interface EntityResult {
  readonly id: string;
  readonly version: number;
  readonly position: bigint | undefined;
}

/**
 * executeCommand for a use case: a rule saying the entity does not exist (`*.not_found`, or the one given) becomes
 * NOT_FOUND.
 */
export async function runCommand<State, Command extends { readonly type: string }, Event extends DomainEvent>(
  id: string,
  request: CommandRequest<State, Command, Event> & { decider: Decider<State, Command, Event> },
  notFound?: { readonly rule: string; readonly message: string },
): Promise<EntityResult & { readonly outcome: CommandOutcome<State> }> {
  try {
    const outcome = await executeCommand(request);
    return { id, version: outcome.version, position: outcome.position, outcome };
  } catch (error) {
    if (error instanceof RuleViolation) {
      if (notFound) {
        if (error.rule === notFound.rule) throw new NotFoundError(notFound.message);
      } else if (error.rule.endsWith('.not_found')) throw new NotFoundError(error.message);
    }
    throw error;
  }
}

/** The aggregate a command changes: the id its result names, and its stream. */
export interface Target {
  readonly id: string;
  readonly stream: string;
}

/** One run of a use case: what it was given, by whom, and its aggregate and state, each read once when first asked. */
export interface Run<Input, State> {
  readonly input: Input;
  readonly context: CommandContext;
  readonly ports: Ports;
  /** The id of an entity this command creates, derived from the client's commandId, the use case and `target`. */
  newId(target?: string): string;
  target(): Promise<Target>;
  /** The aggregate's state before the command (what authorisation reads); the kernel reads it again to decide. */
  state(): Promise<State>;
}

/**
 * A mutation, declared: the aggregate it changes, the decider of that stream, who may run it and the command it
 * gives the decider. The kernel does the rest the same way for all (`runUseCase`).
 */
export interface UseCase<Input, State, Command extends { readonly type: string }, Event extends DomainEvent, Result = EntityResult> {
  /** The command's type: what the log records and what a client commandId is bound to. */
  readonly name: Command['type'];
  readonly decider: Decider<State, Command, Event> | ((input: Input) => Decider<State, Command, Event>);
  /** Which aggregate: an existing one from the input, or a new one (`run.newId`). */
  target(run: Run<Input, State>): Target | Promise<Target>;
  /** Who may run it (DOMAIN.md's permission table): throws FORBIDDEN, or NOT_FOUND for what the caller may not see. */
  authorize(run: Run<Input, State>): void | Promise<void>;
  /** The decider's command, with what the rules need (the plan, ids of new items). */
  command(run: Run<Input, State>): Command | Promise<Command>;
  /** Idempotent work outside the log, once the command is decided and before its events are recorded. */
  beforeAppend?(run: Run<Input, State>): Promise<void>;
  /** What the caller gets; by default `entity`: the target's id, its version and position after the command. */
  result?(entity: EntityResult, command: Command, outcome: CommandOutcome<State>, run: Run<Input, State>): Result;
  /** A rule of the decider that says the aggregate does not exist, and what NOT_FOUND says then (default: `*.not_found`). */
  readonly notFound?: { readonly rule: string; readonly message: string };
}

/** The target of a use case that creates its aggregate: a new id (derived from `parent`, if any) on `stream(id)`. */
export const newAggregate =
  <Input, State>(stream: (id: string) => string, parent?: (input: Input) => string) =>
  ({ input, newId }: Run<Input, State>): Target => {
    const id = newId(parent?.(input));
    return { id, stream: stream(id) };
  };

/** Any use case, whatever its types (what the command bus carries). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyUseCase<Input = any, Result = any> = UseCase<Input, any, any, any, Result>;

const once = <T>(load: () => Promise<T>): (() => Promise<T>) => {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
};

/**
 * Runs a use case: authorise, build the command, then `executeCommand` on the target's stream (idempotent retry by
 * commandId, expectedVersion, re-decide on a concurrent change) and NOT_FOUND for a rule saying there is no such thing.
 */
export async function runUseCase<Input, State, Command extends { readonly type: string }, Event extends DomainEvent, Result>(
  useCase: UseCase<Input, State, Command, Event, Result>,
  input: Input,
  context: CommandContext,
  ports: Ports,
): Promise<Result> {
  const decider = typeof useCase.decider === 'function' ? useCase.decider(input) : useCase.decider;
  const run: Run<Input, State> = {
    input,
    context,
    ports,
    newId: (target = '') => newEntityId(context, useCase.name, target),
    target: once(async () => useCase.target(run)),
    state: once(async () => currentState(ports.store, (await run.target()).stream, decider)),
  };
  await useCase.authorize(run);
  const command = await useCase.command(run);
  const { id, stream } = await run.target();
  const beforeAppend = useCase.beforeAppend && (() => useCase.beforeAppend!(run));
  const { outcome, ...entity } = await runCommand(
    id,
    { store: ports.store, stream, decider, command, context, beforeAppend },
    useCase.notFound,
  );
  return useCase.result ? useCase.result(entity, command, outcome, run) : (entity as EntityResult as Result);
}
