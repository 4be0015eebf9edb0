import type { ReportingCycle, StakeholderKind, Target } from '#domain';

/** The shapes of the demo data (demo-data.ts, demo-stakeholders.ts, demo-people.ts). */
export interface DemoStakeholder {
  readonly key: string;
  readonly name: string;
  readonly kind: StakeholderKind;
  readonly sector: string;
  readonly country: string;
}

/** Something that happens to a commitment on a given day (the demo replays a plan's history). */
export type DemoStep =
  | { readonly on: string; readonly do: 'milestone'; readonly key: string; readonly title: string; readonly due: string }
  | { readonly on: string; readonly do: 'reschedule'; readonly key: string; readonly due: string; readonly reason: string }
  | { readonly on: string; readonly do: 'complete-milestone'; readonly key: string }
  | {
      readonly on: string;
      readonly do: 'task';
      readonly key: string;
      readonly title: string;
      readonly due: string;
      readonly assignee?: string;
    }
  | { readonly on: string; readonly do: 'complete-task'; readonly key: string }
  | {
      readonly on: string;
      readonly do: 'report';
      readonly key: string;
      readonly period: string;
      readonly percent: number;
      readonly narrative: string;
      readonly visibility: 'PUBLIC' | 'PARTNERS' | 'RESTRICTED';
      readonly evidence: 'SELF_REPORTED' | 'INDEPENDENTLY_VERIFIED' | 'INSPECTION';
      readonly corrects?: string;
    }
  | { readonly on: string; readonly do: 'verify'; readonly key: string; readonly note: string }
  | { readonly on: string; readonly do: 'dispute'; readonly key: string; readonly reason: string }
  | { readonly on: string; readonly do: 'complete' };

export interface DemoCommitment {
  readonly key: string;
  readonly owner: string;
  readonly area: string;
  readonly title: string;
  readonly description: string;
  readonly sourceReference: string;
  readonly target: Target;
  /** null: inherits the plan's default deadline. */
  readonly dueDate: string | null;
  readonly activate: boolean;
  readonly steps?: readonly DemoStep[];
}

export interface DemoPlan {
  readonly key: string;
  readonly country: string;
  readonly title: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly defaultDeadline: string;
  readonly reportingCycle: ReportingCycle;
  readonly areas: readonly { readonly code: string; readonly title: string }[];
  readonly stakeholders: readonly string[];
  readonly commitments: readonly DemoCommitment[];
  readonly adopt: boolean;
  /** The day the plan was drafted; admission, adoption and commitments follow in the next weeks. */
  readonly drafted: string;
  /** Reporting periods the coordinator closed, and when. */
  readonly closePeriods: readonly { readonly period: string; readonly on: string }[];
}
