/** An event as the domain sees it: a plain readonly record with a past-tense, aggregate-qualified type. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/**
 * A decider: the whole behaviour of one aggregate as three pure values. `evolve` is total (an event it does not
 * know leaves the state unchanged); `decide` turns a command and the current state into new events or throws a
 * RuleViolation; time comes in as `now`.
 */
export interface Decider<State, Command, Event extends DomainEvent> {
  readonly initialState: State;
  evolve(state: State, event: DomainEvent): State;
  decide(command: Command, state: State, now: Date): readonly Event[];
}

/** Folds past events into the current state. */
export function fold<State>(decider: Pick<Decider<State, never, never>, 'initialState' | 'evolve'>, events: readonly DomainEvent[]): State {
  return events.reduce(decider.evolve, decider.initialState);
}

/** Compile-time exhaustiveness: a switch over a union that reaches this has missed a case. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
