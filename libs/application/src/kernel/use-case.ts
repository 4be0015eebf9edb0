import type { Decider, DomainEvent } from '#domain';
import type { CommandContext } from './command-context.js';
import { newEntityId } from './entity-id.js';
import { currentState } from './current-state.js';
import type { CommandOutcome } from './execute-command.js';
import type { Ports } from './ports.js';
import { type EntityResult, runCommand } from './run-command.js';

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
  const { outcome, ...entity } = await runCommand(id, { store: ports.store, stream, decider, command, context, beforeAppend }, useCase.notFound);
  return useCase.result ? useCase.result(entity, command, outcome, run) : (entity as EntityResult as Result);
}
