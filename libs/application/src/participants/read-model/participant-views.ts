import type { AgeBand, ParticipantKind, RoleGrant } from '#domain';

/** A participant as the read models know them: by an id that reveals nothing, and the name shown beside their actions. */
export interface ParticipantView {
  readonly id: string;
  readonly displayName: string;
  readonly kind: ParticipantKind;
  readonly ageBand: AgeBand;
  /** The participant stream's revision. */
  readonly version: number;
  readonly roles: readonly RoleGrant[];
}

/** Who holds which role: what authorisation decisions read (by participant id: a command's actor). */
export interface GrantsReader {
  rolesOf(participantId: string): RoleGrant[];
  adminCount(): number;
}

export interface ParticipantsReader {
  byId(participantId: string): ParticipantView | undefined;
  /** Everyone registered, by display name (for the demo sign-in page; at most `limit`). */
  list(limit: number): ParticipantView[];
}
