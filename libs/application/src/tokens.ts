/** Injection tokens of the ports the handlers need; the api and the CLI bind them. */
export const EVENT_STORE = Symbol('EVENT_STORE');
export const CLOCK = Symbol('CLOCK');
export const GRANTS = Symbol('GRANTS');
export const PARTICIPANTS = Symbol('PARTICIPANTS');

export interface Clock {
  now(): Date;
}
