/**
 * A deliberately naive model of the tracking rules ("The rules behind every figure", test/model/README.md).
 *
 * Every fact the platform recorded is kept as plain data with the day it happened. Every figure is computed from
 * scratch from the facts recorded up to day `t` (`Model.at(t)`): no counters, no caches. Read it next to the rules.
 */

export type Day = string;
export type Cycle = 'ANNUAL' | 'SEMI_ANNUAL';
export type CommitmentStatus = 'PROPOSED' | 'ACTIVE' | 'COMPLETED' | 'WITHDRAWN';
export type DeadlineStatus = 'DONE' | 'DONE_LATE' | 'OVERDUE' | 'DUE_SOON' | 'UPCOMING';
export type EvidenceType = 'SELF_REPORTED' | 'INDEPENDENTLY_VERIFIED' | 'INSPECTION';
export type Verification = 'UNVERIFIED' | 'VERIFIED' | 'DISPUTED';
export interface Assignee {
  readonly kind: 'PARTICIPANT' | 'STAKEHOLDER';
  readonly id: string;
}

/** What the platform recorded. `type` is the name of the event the platform records for it. */
export type Fact =
  | { type: 'StakeholderRegistered'; stakeholderId: string; kind: string }
  | { type: 'ParticipantRegistered'; participantId: string }
  | { type: 'PlanDrafted'; planId: string; periodStart: Day; periodEnd: Day; defaultDeadline: Day | null; cycle: Cycle }
  | { type: 'ThematicAreaDefined'; planId: string; code: string; title: string }
  | { type: 'StakeholderAdmitted'; planId: string; stakeholderId: string }
  | { type: 'PlanAdopted'; planId: string }
  | { type: 'PlanClosed'; planId: string }
  | { type: 'ReportingPeriodClosed'; planId: string; period: string }
  /** `dueDate` null: the plan's default deadline. */
  | {
      type: 'CommitmentMade';
      commitmentId: string;
      planId: string;
      area: string;
      ownerId: string;
      coOwnerIds: string[];
      title: string;
      dueDate: Day | null;
    }
  | { type: 'CommitmentActivated'; commitmentId: string }
  | { type: 'CommitmentRevised'; commitmentId: string; dueDate?: Day; coOwnerIds?: string[] }
  | { type: 'CommitmentWithdrawn'; commitmentId: string }
  | { type: 'CommitmentCompleted'; commitmentId: string; completedOn: Day }
  | { type: 'MilestoneScheduled'; commitmentId: string; milestoneId: string; title: string; dueDate: Day }
  | { type: 'MilestoneRescheduled'; commitmentId: string; milestoneId: string; dueDate: Day }
  | { type: 'MilestoneCompleted'; commitmentId: string; milestoneId: string; completedOn: Day }
  | { type: 'MilestoneReopened'; commitmentId: string; milestoneId: string }
  | { type: 'TaskAdded'; commitmentId: string; taskId: string; title: string; dueDate: Day }
  | { type: 'TaskAssigned'; commitmentId: string; taskId: string; assignee: Assignee }
  | { type: 'TaskCompleted'; commitmentId: string; taskId: string; completedOn: Day }
  | { type: 'TaskReopened'; commitmentId: string; taskId: string }
  | {
      type: 'ProgressReported';
      commitmentId: string;
      reportId: string;
      period: string;
      percent: number | null;
      indicator: number | null;
      evidenceType: EvidenceType;
      corrects: string | null;
    }
  | { type: 'ProgressReportVerified'; commitmentId: string; reportId: string }
  | { type: 'ProgressReportDisputed'; commitmentId: string; reportId: string };

/** A fact as recorded: `seq` orders facts recorded on the same day. */
export type Recorded = Fact & { readonly seq: number; readonly day: Day };

/** The entity whose stream the fact belongs to (its version counts these). */
export function streamOf(fact: Fact): string {
  if ('commitmentId' in fact) return fact.commitmentId;
  if ('planId' in fact) return fact.planId;
  if ('stakeholderId' in fact) return fact.stakeholderId;
  return fact.participantId;
}

const DAY_MS = 86_400_000;
export const addDays = (day: Day, days: number): Day => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
export const daysFrom = (from: Day, to: Day): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);

/** Every fact, in the order recorded. */
export class Model {
  readonly facts: Recorded[] = [];

  record(day: Day, fact: Fact): void {
    const last = this.facts.at(-1);
    if (last && last.day > day) throw new Error(`The model records in day order (${last.day} then ${day})`);
    this.facts.push({ ...fact, seq: this.facts.length, day });
  }

  /** What the platform knew at the end of day `t`, with `t` as today. */
  at(t: Day): AsOf {
    return new AsOf(
      this.facts.filter((fact) => fact.day <= t),
      t,
    );
  }
}

export interface ReportingPeriod {
  readonly id: string;
  readonly start: Day;
  readonly end: Day;
}

/** Calendar years (`2010`) or halves (`2010-H1`, `2010-H2`), clipped to the plan period. */
export function reportingPeriods(plan: { periodStart: Day; periodEnd: Day; cycle: Cycle }): ReportingPeriod[] {
  const halves =
    plan.cycle === 'ANNUAL'
      ? [{ suffix: '', from: '01-01', to: '12-31' }]
      : [
          { suffix: '-H1', from: '01-01', to: '06-30' },
          { suffix: '-H2', from: '07-01', to: '12-31' },
        ];
  const periods: ReportingPeriod[] = [];
  for (let year = Number(plan.periodStart.slice(0, 4)); year <= Number(plan.periodEnd.slice(0, 4)); year++) {
    for (const half of halves) {
      const start = `${year}-${half.from}`;
      const end = `${year}-${half.to}`;
      if (end < plan.periodStart || start > plan.periodEnd) continue;
      periods.push({
        id: `${year}${half.suffix}`,
        start: start < plan.periodStart ? plan.periodStart : start,
        end: end > plan.periodEnd ? plan.periodEnd : end,
      });
    }
  }
  return periods;
}

/** The deadline rule: completed on `c` or not, due on `d`, asked on day `t`. */
export function deadlineStatus(d: Day, c: Day | null, t: Day): DeadlineStatus {
  if (c !== null) return c <= d ? 'DONE' : 'DONE_LATE';
  if (t > d) return 'OVERDUE';
  return daysFrom(t, d) <= 30 ? 'DUE_SOON' : 'UPCOMING';
}

export interface PlanState {
  id: string;
  status: 'DRAFT' | 'ADOPTED' | 'CLOSED';
  periodStart: Day;
  periodEnd: Day;
  defaultDeadline: Day | null;
  cycle: Cycle;
  areas: { code: string; title: string }[];
  admitted: string[];
  /** Closed reporting periods, with the `seq` of the closing. */
  closed: { period: string; seq: number }[];
}

export interface MilestoneState {
  id: string;
  title: string;
  dueDate: Day;
  originalDueDate: Day;
  moves: number;
  daysMoved: number;
  completedOn: Day | null;
  scheduledOn: Day;
}

export interface TaskState {
  id: string;
  title: string;
  dueDate: Day;
  assignee: Assignee | null;
  completedOn: Day | null;
  addedOn: Day;
}

export interface ReportState {
  id: string;
  seq: number;
  period: string;
  percent: number | null;
  indicator: number | null;
  evidenceType: EvidenceType;
  corrects: string | null;
  reportedOn: Day;
  verification: Verification;
  supersededBy: string | null;
}

export interface CommitmentState {
  id: string;
  planId: string;
  area: string;
  ownerId: string;
  coOwnerIds: string[];
  title: string;
  status: CommitmentStatus;
  dueDate: Day;
  dueDateInherited: boolean;
  originalDueDate: Day;
  moves: number;
  daysMoved: number;
  madeOn: Day;
  activatedOn: Day | null;
  completedOn: Day | null;
  withdrawnOn: Day | null;
  milestones: MilestoneState[];
  tasks: TaskState[];
  reports: ReportState[];
}

export interface TrackingFigures {
  commitmentsByStatus: { status: CommitmentStatus; count: number }[];
  milestonesOnTime: number;
  milestonesLate: number;
  milestonesOverdue: number;
  verifiedShare: number | null;
  atRisk: number;
  atRiskCommitments: { commitment: { id: string }; expectedPercent: number; reportedPercent: number | null }[];
}

export interface DeadlineRow {
  kind: 'COMMITMENT' | 'MILESTONE' | 'TASK';
  id: string;
  title: string;
  commitment: { id: string };
  dueDate: Day;
  originalDueDate: Day;
  completedOn: Day | null;
  moves: number;
  daysMoved: number;
  status: DeadlineStatus;
}

const STATUSES: CommitmentStatus[] = ['ACTIVE', 'COMPLETED', 'PROPOSED', 'WITHDRAWN'];

/** Counts by status, the statuses that occur only, in alphabetical order. */
function countByStatus(commitments: CommitmentState[]): { status: CommitmentStatus; count: number }[] {
  return STATUSES.map((status) => ({ status, count: commitments.filter((c) => c.status === status).length })).filter(
    (row) => row.count > 0,
  );
}

/** The facts recorded up to the end of `today`, and every figure computed from them. */
export class AsOf {
  constructor(
    readonly facts: readonly Recorded[],
    readonly today: Day,
  ) {}

  /** The number of events in the entity's stream, minus one (-1: none). */
  version(id: string): number {
    return this.facts.filter((fact) => streamOf(fact) === id).length - 1;
  }

  /** The types of the entity's facts, oldest first. */
  history(id: string): string[] {
    return this.facts.filter((fact) => streamOf(fact) === id).map((fact) => fact.type);
  }

  stakeholderKind(stakeholderId: string): string | undefined {
    const registered = this.facts.find((fact) => fact.type === 'StakeholderRegistered' && fact.stakeholderId === stakeholderId);
    return registered?.type === 'StakeholderRegistered' ? registered.kind : undefined;
  }

  plan(planId: string): PlanState | null {
    let plan: PlanState | null = null;
    for (const fact of this.facts) {
      if (streamOf(fact) !== planId) continue;
      if (fact.type === 'PlanDrafted') {
        const { periodStart, periodEnd, defaultDeadline, cycle } = fact;
        plan = { id: planId, status: 'DRAFT', periodStart, periodEnd, defaultDeadline, cycle, areas: [], admitted: [], closed: [] };
      }
      if (!plan) continue;
      if (fact.type === 'ThematicAreaDefined') plan.areas.push({ code: fact.code, title: fact.title });
      if (fact.type === 'StakeholderAdmitted') plan.admitted.push(fact.stakeholderId);
      if (fact.type === 'PlanAdopted') plan.status = 'ADOPTED';
      if (fact.type === 'PlanClosed') plan.status = 'CLOSED';
      if (fact.type === 'ReportingPeriodClosed') plan.closed.push({ period: fact.period, seq: fact.seq });
    }
    return plan;
  }

  commitmentIds(planId: string): string[] {
    return this.facts.flatMap((fact) => (fact.type === 'CommitmentMade' && fact.planId === planId ? [fact.commitmentId] : []));
  }

  commitment(commitmentId: string): CommitmentState | null {
    let c: CommitmentState | null = null;
    for (const fact of this.facts) {
      if (streamOf(fact) !== commitmentId) continue;
      if (fact.type === 'CommitmentMade') {
        const inherited = fact.dueDate === null;
        const dueDate = fact.dueDate ?? this.plan(fact.planId)!.defaultDeadline!;
        c = {
          id: commitmentId,
          planId: fact.planId,
          area: fact.area,
          ownerId: fact.ownerId,
          coOwnerIds: [...fact.coOwnerIds],
          title: fact.title,
          status: 'PROPOSED',
          dueDate,
          dueDateInherited: inherited,
          originalDueDate: dueDate,
          moves: 0,
          daysMoved: 0,
          madeOn: fact.day,
          activatedOn: null,
          completedOn: null,
          withdrawnOn: null,
          milestones: [],
          tasks: [],
          reports: [],
        };
      }
      if (!c) continue;
      const milestone = 'milestoneId' in fact ? c.milestones.find((m) => m.id === fact.milestoneId) : undefined;
      const task = 'taskId' in fact ? c.tasks.find((t) => t.id === fact.taskId) : undefined;
      const report = 'reportId' in fact ? c.reports.find((r) => r.id === fact.reportId) : undefined;
      switch (fact.type) {
        case 'CommitmentActivated':
          c.status = 'ACTIVE';
          c.activatedOn = fact.day;
          break;
        case 'CommitmentRevised':
          if (fact.dueDate !== undefined) {
            c.moves += 1;
            c.daysMoved += Math.abs(daysFrom(c.dueDate, fact.dueDate));
            c.dueDate = fact.dueDate;
            c.dueDateInherited = false;
          }
          if (fact.coOwnerIds !== undefined) c.coOwnerIds = [...fact.coOwnerIds];
          break;
        case 'CommitmentWithdrawn':
          c.status = 'WITHDRAWN';
          c.withdrawnOn = fact.day;
          break;
        case 'CommitmentCompleted':
          c.status = 'COMPLETED';
          c.completedOn = fact.completedOn;
          break;
        case 'MilestoneScheduled':
          c.milestones.push({
            id: fact.milestoneId,
            title: fact.title,
            dueDate: fact.dueDate,
            originalDueDate: fact.dueDate,
            moves: 0,
            daysMoved: 0,
            completedOn: null,
            scheduledOn: fact.day,
          });
          break;
        case 'MilestoneRescheduled':
          milestone!.moves += 1;
          milestone!.daysMoved += Math.abs(daysFrom(milestone!.dueDate, fact.dueDate));
          milestone!.dueDate = fact.dueDate;
          break;
        case 'MilestoneCompleted':
          milestone!.completedOn = fact.completedOn;
          break;
        case 'MilestoneReopened':
          milestone!.completedOn = null;
          break;
        case 'TaskAdded':
          c.tasks.push({ id: fact.taskId, title: fact.title, dueDate: fact.dueDate, assignee: null, completedOn: null, addedOn: fact.day });
          break;
        case 'TaskAssigned':
          task!.assignee = fact.assignee;
          break;
        case 'TaskCompleted':
          task!.completedOn = fact.completedOn;
          break;
        case 'TaskReopened':
          task!.completedOn = null;
          break;
        case 'ProgressReported':
          c.reports.push({
            id: fact.reportId,
            seq: fact.seq,
            period: fact.period,
            percent: fact.percent,
            indicator: fact.indicator,
            evidenceType: fact.evidenceType,
            corrects: fact.corrects,
            reportedOn: fact.day,
            verification: 'UNVERIFIED',
            supersededBy: null,
          });
          if (fact.corrects !== null) c.reports.find((r) => r.id === fact.corrects)!.supersededBy = fact.reportId;
          break;
        case 'ProgressReportVerified':
          report!.verification = 'VERIFIED';
          break;
        case 'ProgressReportDisputed':
          report!.verification = 'DISPUTED';
          break;
      }
    }
    return c;
  }

  commitments(planId: string): CommitmentState[] {
    return this.commitmentIds(planId).map((id) => this.commitment(id)!);
  }

  periodsOf(planId: string): (ReportingPeriod & { closed: boolean })[] {
    const plan = this.plan(planId);
    if (!plan) return [];
    return reportingPeriods(plan).map((period) => ({ ...period, closed: plan.closed.some((closed) => closed.period === period.id) }));
  }

  /** The standing report of a period: the one no later report corrects. */
  standingReport(c: CommitmentState, period: string): ReportState | undefined {
    return c.reports.find((r) => r.period === period && r.supersededBy === null);
  }

  /** Came in after its period was closed; a correction keeps the standing of the report it corrects. */
  isLate(c: CommitmentState, report: ReportState): boolean {
    let first = report;
    while (first.corrects !== null) first = c.reports.find((r) => r.id === first.corrects)!;
    const closing = this.plan(c.planId)!.closed.find((closed) => closed.period === report.period);
    return closing !== undefined && closing.seq < first.seq;
  }

  isIndependentlyVerified(report: ReportState): boolean {
    if (report.verification === 'VERIFIED') return true;
    return (report.evidenceType === 'INDEPENDENTLY_VERIFIED' || report.evidenceType === 'INSPECTION') && report.verification !== 'DISPUTED';
  }

  /** The at-risk rule for one commitment, with the expectation and the percent it was measured against. */
  risk(c: CommitmentState): { atRisk: boolean; expectedPercent: number; reportedPercent: number | null } {
    const start = c.activatedOn ?? c.madeOn;
    const span = daysFrom(start, c.dueDate);
    const expectedPercent = span <= 0 ? 100 : (100 * clamp(daysFrom(start, this.today), 0, span)) / span;
    const periods = this.periodsOf(c.planId);
    const withPercent = periods.map((p) => this.standingReport(c, p.id)).filter((r) => r !== undefined && r.percent !== null);
    const reportedPercent = withPercent.at(-1)?.percent ?? null;
    const open = c.status === 'PROPOSED' || c.status === 'ACTIVE';
    return { atRisk: open && (reportedPercent ?? 0) < expectedPercent - 20, expectedPercent, reportedPercent };
  }

  /** Commitments, milestones and tasks of the plan with their deadline status; withdrawn commitments are no deadlines. */
  deadlines(planId: string): DeadlineRow[] {
    const rows: DeadlineRow[] = [];
    for (const c of this.commitments(planId)) {
      if (c.status === 'WITHDRAWN') continue;
      const commitment = { id: c.id };
      const status = deadlineStatus(c.dueDate, c.completedOn, this.today);
      rows.push({
        kind: 'COMMITMENT',
        id: c.id,
        title: c.title,
        commitment,
        dueDate: c.dueDate,
        originalDueDate: c.originalDueDate,
        completedOn: c.completedOn,
        moves: c.moves,
        daysMoved: c.daysMoved,
        status,
      });
      for (const m of c.milestones) {
        const status = deadlineStatus(m.dueDate, m.completedOn, this.today);
        rows.push({
          kind: 'MILESTONE',
          id: m.id,
          title: m.title,
          commitment,
          dueDate: m.dueDate,
          originalDueDate: m.originalDueDate,
          completedOn: m.completedOn,
          moves: m.moves,
          daysMoved: m.daysMoved,
          status,
        });
      }
      for (const t of c.tasks) {
        const status = deadlineStatus(t.dueDate, t.completedOn, this.today);
        rows.push({
          kind: 'TASK',
          id: t.id,
          title: t.title,
          commitment,
          dueDate: t.dueDate,
          originalDueDate: t.dueDate,
          completedOn: t.completedOn,
          moves: 0,
          daysMoved: 0,
          status,
        });
      }
    }
    return rows;
  }

  /** The tracking figures of a group of commitments; withdrawn ones count in `commitmentsByStatus` only. */
  figures(group: CommitmentState[]): TrackingFigures {
    const live = group.filter((c) => c.status !== 'WITHDRAWN');
    const milestoneStatuses = live.flatMap((c) => c.milestones.map((m) => deadlineStatus(m.dueDate, m.completedOn, this.today)));
    const standing = live.flatMap((c) => c.reports.filter((r) => r.supersededBy === null));
    const atRisk = live.flatMap((c) => {
      const risk = this.risk(c);
      return risk.atRisk
        ? [{ commitment: { id: c.id }, expectedPercent: risk.expectedPercent, reportedPercent: risk.reportedPercent }]
        : [];
    });
    return {
      commitmentsByStatus: countByStatus(group),
      milestonesOnTime: milestoneStatuses.filter((s) => s === 'DONE').length,
      milestonesLate: milestoneStatuses.filter((s) => s === 'DONE_LATE').length,
      milestonesOverdue: milestoneStatuses.filter((s) => s === 'OVERDUE').length,
      verifiedShare: standing.length === 0 ? null : standing.filter((r) => this.isIndependentlyVerified(r)).length / standing.length,
      atRisk: atRisk.length,
      atRiskCommitments: atRisk,
    };
  }

  summary(planId: string) {
    const plan = this.plan(planId)!;
    const all = this.commitments(planId);
    const areas = plan.areas.filter((area) => all.some((c) => c.area === area.code));
    const kinds = [...new Set(all.map((c) => this.stakeholderKind(c.ownerId)!))].sort();
    return {
      total: all.length,
      byStatus: countByStatus(all),
      byThematicArea: plan.areas.map((area) => ({
        thematicArea: { code: area.code },
        count: all.filter((c) => c.area === area.code).length,
      })),
      byThematicAreaTracking: areas.map((area) => ({
        thematicArea: { code: area.code },
        figures: this.figures(all.filter((c) => c.area === area.code)),
      })),
      byOwnerKind: kinds.map((kind) => ({ kind, figures: this.figures(all.filter((c) => this.stakeholderKind(c.ownerId) === kind)) })),
    };
  }

  /** Was the commitment active at some point in the period: activated by its last day, not completed or withdrawn before its first. */
  owesReport(c: CommitmentState, period: ReportingPeriod): boolean {
    if (c.activatedOn === null || c.activatedOn > period.end) return false;
    if (c.completedOn !== null && c.completedOn < period.start) return false;
    if (c.withdrawnOn !== null && c.withdrawnOn < period.start) return false;
    return true;
  }

  scorecard(stakeholderId: string, planId: string) {
    const own = this.commitments(planId).filter((c) => c.ownerId === stakeholderId);
    const milestones = own.filter((c) => c.status !== 'WITHDRAWN').flatMap((c) => c.milestones);
    const compliance = this.periodsOf(planId)
      .filter((period) => period.closed)
      .map((period) => {
        const owing = own.filter((c) => this.owesReport(c, period));
        const standing = owing.map((c) => ({ c, report: this.standingReport(c, period.id) }));
        return {
          period: period.id,
          owed: owing.length,
          onTime: standing.filter(({ c, report }) => report && !this.isLate(c, report)).length,
          late: standing.filter(({ c, report }) => report && this.isLate(c, report)).length,
          missing: standing.filter(({ report }) => !report).map(({ c }) => ({ commitment: { id: c.id } })),
        };
      });
    const owed = compliance.reduce((sum, p) => sum + p.owed, 0);
    return {
      made: own.length,
      active: own.filter((c) => c.status === 'ACTIVE').length,
      completed: own.filter((c) => c.status === 'COMPLETED').length,
      withdrawn: own.filter((c) => c.status === 'WITHDRAWN').length,
      milestonesOnTime: milestones.filter((m) => deadlineStatus(m.dueDate, m.completedOn, this.today) === 'DONE').length,
      milestonesDue: milestones.filter((m) => m.dueDate <= this.today).length,
      compliance,
      complianceRate: owed === 0 ? null : compliance.reduce((sum, p) => sum + p.onTime, 0) / owed,
    };
  }
}
