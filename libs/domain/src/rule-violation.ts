/** A domain rule said no. `rule` is a stable identifier clients may rely on; the message is for people. */
export class RuleViolation extends Error {
  readonly code = 'RULE_VIOLATION';
  constructor(
    readonly rule: string,
    message: string,
  ) {
    super(message);
    this.name = 'RuleViolation';
  }
}
