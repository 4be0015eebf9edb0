/**
 * Injection tokens of the ports the handlers need; the api and the CLI bind them.
 * - EVENT_STORE: the `EventStore` port from `#eventstore`.
 * - CLOCK: a `Clock`; handlers never call `new Date()`.
 * - GRANTS: a `GrantsReader` (who holds which role), what authorisation reads.
 * - PARTICIPANTS: a `ParticipantsReader`, what the participant queries read.
 */
export const EVENT_STORE = Symbol('EVENT_STORE');
export const CLOCK = Symbol('CLOCK');
export const GRANTS = Symbol('GRANTS');
export const PARTICIPANTS = Symbol('PARTICIPANTS');

export interface Clock {
  now(): Date;
}
