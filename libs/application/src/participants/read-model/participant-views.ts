import type { AgeBand, ParticipantKind, RoleGrant } from '#domain';
import type { Page, PageRequest } from '../../catalogue/catalogue-views.js';

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

/** Those holding `role` (on `scope` when given), or everyone. */
export interface ParticipantFilter {
  readonly role?: string | null;
  readonly scope?: string | null;
}

export interface ParticipantsReader {
  byId(participantId: string): ParticipantView | undefined;
  /** Everyone registered, by display name (for the demo sign-in page; at most `limit`). */
  list(limit: number): ParticipantView[];
  /** A page of participants by display name, then id (keyset: a cursor is the last row's pair). */
  page(filter: ParticipantFilter, request: PageRequest): Page<ParticipantView>;
}
