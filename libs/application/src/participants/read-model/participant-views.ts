import type { AgeBand, ParticipantKind, RoleGrant } from '#domain';

export interface ParticipantView {
  readonly id: string;
  readonly subject: string;
  readonly displayName: string;
  readonly kind: ParticipantKind;
  readonly ageBand: AgeBand;
  /** The participant stream's revision. */
  readonly version: number;
  readonly roles: readonly RoleGrant[];
}

/** Who holds which role: what authorisation decisions read. */
export interface GrantsReader {
  rolesOf(subject: string): RoleGrant[];
  adminCount(): number;
}

export interface ParticipantsReader {
  byId(participantId: string): ParticipantView | undefined;
  bySubject(subject: string): ParticipantView | undefined;
  /** Everyone registered, by display name (for the demo sign-in page; at most `limit`). */
  list(limit: number): ParticipantView[];
}
