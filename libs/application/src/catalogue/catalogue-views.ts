import type { CommitmentStatus, CommitmentTerms, ReportingCycle, StakeholderKind } from '#domain';
import type { FieldChange } from './projections/describe-event.js';

export interface PlanView {
  readonly id: string;
  readonly country: string;
  readonly title: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly defaultDeadline: string | null;
  readonly reportingCycle: ReportingCycle;
  readonly status: 'DRAFT' | 'ADOPTED' | 'CLOSED';
  readonly version: number;
}

export interface ThematicAreaView {
  readonly planId: string;
  readonly code: string;
  readonly title: string;
}

export interface StakeholderView {
  readonly id: string;
  readonly name: string;
  readonly kind: StakeholderKind;
  readonly sector: string;
  readonly country: string;
  readonly version: number;
}

export interface CommitmentView extends CommitmentTerms {
  readonly id: string;
  readonly planId: string;
  readonly dueDate: string;
  readonly dueDateInherited: boolean;
  readonly status: CommitmentStatus;
  readonly version: number;
  readonly completedOn: string | null;
  readonly withdrawalReason: string | null;
}

export interface HistoryEntryView {
  readonly position: bigint;
  readonly at: string;
  readonly type: string;
  /** The actor's display name (youth appear under their pseudonym), `system` or `operator`. */
  readonly actor: string;
  readonly changes: readonly FieldChange[];
  readonly reason: string | null;
}

export interface PlanSummaryView {
  readonly total: number;
  readonly byStatus: readonly { readonly status: CommitmentStatus; readonly count: number }[];
  readonly byThematicArea: readonly { readonly code: string; readonly title: string; readonly count: number }[];
}

/** A page of a list, Relay style: cursors are opaque strings. */
export interface Page<T> {
  readonly items: readonly { readonly cursor: string; readonly node: T }[];
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
  readonly totalCount: number;
}

export interface PageRequest {
  readonly first: number;
  readonly after: string | null;
}

/**
 * The draft plans a reader may see (DOMAIN.md: drafts are read by admins and the plan's coordinators): every one, or
 * those listed. Adopted and closed plans are public.
 */
export type DraftsVisible = 'all' | readonly string[];

export interface PlanFilter {
  readonly country?: string | null;
  readonly status?: string | null;
  readonly drafts?: DraftsVisible;
}

export interface StakeholderFilter {
  readonly kind?: string | null;
  readonly sector?: string | null;
  readonly country?: string | null;
}

export interface CommitmentFilter {
  readonly planId?: string | null;
  readonly ownerId?: string | null;
  readonly thematicAreaCode?: string | null;
  readonly ownerKind?: string | null;
  readonly status?: string | null;
  /** Only commitments of plans the reader may see (unset: of every plan). */
  readonly drafts?: DraftsVisible;
}
