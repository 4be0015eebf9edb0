/** Who asked, within which request, as which client command, against which version, and when. */
export interface CommandContext {
  /** The participant id of the authenticated caller (`unregistered` when they are not one), `system`, or `cli:<user>`. */
  readonly actor: string;
  readonly correlationId: string;
  /** Client-chosen UUID: a retried command with the same id appends nothing and returns the first result. */
  readonly commandId?: string;
  /** Version (stream revision) the client read; a different current version is a CONFLICT. */
  readonly expectedVersion?: number;
  readonly now: Date;
  /** Set only by operator tools (start-up bootstrap, the CLI): no role check, the actor names the tool. */
  readonly asOperator?: boolean;
}
