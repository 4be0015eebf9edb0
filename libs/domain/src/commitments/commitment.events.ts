import type { DomainEvent } from '../decider.js';
import type { CalendarDate } from '../shared/values.js';

/** What a commitment aims at: an indicator moving from a baseline to a target value. */
export interface Target {
  readonly indicator: string;
  readonly unit: string;
  readonly baseline: number;
  readonly targetValue: number;
}

/** What a stakeholder commits to, as given when the commitment is made. */
export interface CommitmentTerms {
  readonly thematicAreaCode: string;
  readonly ownerId: string;
  readonly coOwnerIds: readonly string[];
  readonly title: string;
  readonly description: string;
  readonly sourceReference: string | null;
  readonly target: Target;
}

export type CommitmentMade = DomainEvent<
  'CommitmentMade',
  CommitmentTerms & {
    readonly commitmentId: string;
    readonly planId: string;
    readonly dueDate: CalendarDate;
    /** True when the plan's default deadline was taken because none was given. */
    readonly dueDateInherited: boolean;
  }
>;

/** The fields a revision may change; only those that changed are recorded. */
export interface CommitmentChanges {
  readonly title?: string;
  readonly description?: string;
  readonly sourceReference?: string | null;
  readonly target?: Target;
  readonly dueDate?: CalendarDate;
  readonly coOwnerIds?: readonly string[];
}

export type CommitmentActivated = DomainEvent<'CommitmentActivated', { readonly commitmentId: string; readonly activatedOn: CalendarDate }>;
export type CommitmentRevised = DomainEvent<
  'CommitmentRevised',
  { readonly commitmentId: string; readonly changes: CommitmentChanges; readonly previous: CommitmentChanges; readonly reason: string }
>;
export type CommitmentWithdrawn = DomainEvent<
  'CommitmentWithdrawn',
  { readonly commitmentId: string; readonly withdrawnOn: CalendarDate; readonly reason: string }
>;
export type CommitmentCompleted = DomainEvent<'CommitmentCompleted', { readonly commitmentId: string; readonly completedOn: CalendarDate }>;

export type CommitmentEvent = CommitmentMade | CommitmentActivated | CommitmentRevised | CommitmentWithdrawn | CommitmentCompleted;

export const COMMITMENT_EVENT_TYPES = [
  'CommitmentMade',
  'CommitmentActivated',
  'CommitmentRevised',
  'CommitmentWithdrawn',
  'CommitmentCompleted',
] as const;

export const commitmentStream = (commitmentId: string): string => `commitment-${commitmentId}`;
