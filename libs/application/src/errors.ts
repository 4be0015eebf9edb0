export { RuleViolation } from '#domain';

/** The caller is known but may not do this. */
export class ForbiddenError extends Error {
  readonly code = 'FORBIDDEN';
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

export class NotFoundError extends Error {
  readonly code = 'NOT_FOUND';
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** The stream changed since the caller read it (a stale `expectedVersion`, or too many concurrent changes). */
export class ConflictError extends Error {
  readonly code = 'CONFLICT';
  constructor(
    readonly stream: string,
    readonly expected: number | undefined,
    readonly actual: number,
    message = `It changed since you read it (expected version ${expected ?? 'any'}, now ${actual}); read it again and retry.`,
  ) {
    super(message);
    this.name = 'ConflictError';
  }
}

export interface FieldError {
  readonly field: string;
  readonly message: string;
  /**
   * What is wrong, as a stable name a client can translate: a class-validator constraint (`isNotEmpty`, `maxLength`,
   * `isDateString`…), `invalid` for a value of the wrong type or shape, `required` for a missing one.
   */
  readonly constraint?: string;
}

/** Input that cannot be a command: `fields` names each offending field. */
export class ValidationError extends Error {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    message: string,
    readonly fields: readonly FieldError[],
  ) {
    super(message);
    this.name = 'ValidationError';
  }
}

/** The platform cannot answer right now (its event store is unreachable, or its read models lag): retry. */
export class UnavailableError extends Error {
  readonly code = 'UNAVAILABLE';
  constructor(message: string) {
    super(message);
    this.name = 'UnavailableError';
  }
}
