/**
 * What a history is made of: the set-up (a plan with its areas, stakeholders, roles, adopted), then steps. A step is
 * three random numbers: `kind` chooses what happens (weighted, among what is possible today), `pick` the target,
 * `seed` the details. The model decides whether the command must be accepted or refused, and why.
 */
import {
  addDays,
  type AsOf,
  type CommitmentState,
  type Cycle,
  daysFrom,
  type Day,
  type PlanState,
  type ReportingPeriod,
  type ReportState,
} from './model.js';
import { type Action, ADMIN, CONFLICTED, COORDINATOR, focalPoint, MONITOR, OUTSIDER, type Refusal, type World } from './world.js';

export interface Setup {
  /** Plan period: 2009-01-01 to the end of 2009 + years - 1. */
  readonly years: number;
  readonly cycle: Cycle;
  readonly defaultDeadline: boolean;
  readonly areas: number;
  readonly kinds: readonly string[];
  /** Days before the plan period starts that the history starts. */
  readonly lead: number;
}

export interface Step {
  readonly kind: number;
  readonly pick: number;
  readonly seed: number;
}

export const KINDS = ['GOVERNMENT', 'PRIVATE_SECTOR', 'NGO', 'YOUTH_PANEL', 'INTERGOVERNMENTAL', 'LAW_ENFORCEMENT', 'ACADEMIC', 'OTHER'];
export const PERIOD_START = '2009-01-01';
export const startDay = (setup: Setup): Day => addDays(PERIOD_START, -setup.lead);

/** A small deterministic generator (mulberry32) for the details of one step. */
export function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (n: number) => Math.floor(next() * n),
    chance: (p: number) => next() < p,
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
  };
}
type Random = ReturnType<typeof random>;

// ---------------------------------------------------------------------------------------------------------------
// Set-up.

export async function setUp(w: World, setup: Setup): Promise<void> {
  const periodEnd = `${2008 + setup.years}-12-31`;
  const draft = await w.perform({
    name: 'draftPlan',
    actor: ADMIN,
    text: `draft a plan 2009-01-01..${periodEnd}, ${setup.cycle}${setup.defaultDeadline ? `, default deadline ${2008 + setup.years}-06-30` : ''}`,
    input: {
      country: 'NL',
      title: 'Model-test plan',
      periodStart: PERIOD_START,
      periodEnd,
      reportingCycle: setup.cycle,
      ...(setup.defaultDeadline ? { defaultDeadline: `${2008 + setup.years}-06-30` } : {}),
    },
    facts: (p) => [
      {
        type: 'PlanDrafted',
        planId: p.plan!.id,
        periodStart: PERIOD_START,
        periodEnd,
        defaultDeadline: setup.defaultDeadline ? `${2008 + setup.years}-06-30` : null,
        cycle: setup.cycle,
      },
    ],
  });
  w.planId = draft!.plan!.id;
  w.call(w.planId, 'P');
  for (const [n, kind] of setup.kinds.entries()) {
    const registered = await w.perform({
      name: 'registerStakeholder',
      actor: ADMIN,
      text: `register stakeholder S${n + 1} (${kind})`,
      input: { name: `Stakeholder ${n + 1}`, kind, sector: 'tourism', country: 'NL' },
      facts: (p) => [{ type: 'StakeholderRegistered', stakeholderId: p.stakeholder!.id, kind }],
    });
    w.stakeholders.push({ id: registered!.stakeholder!.id, kind });
    w.name(registered!.stakeholder!.id, 'S');
  }
  const people: [string, string][] = [
    [COORDINATOR, 'Coordinator'],
    [MONITOR, 'Monitor'],
    [CONFLICTED, 'Monitor and focal point'],
    [OUTSIDER, 'Outsider'],
    ...setup.kinds.map((_, n): [string, string] => [focalPoint(n), `Focal point ${n + 1}`]),
  ];
  for (const [subject, displayName] of people) {
    const registered = await w.perform({
      name: 'registerParticipant',
      actor: ADMIN,
      text: `register participant ${displayName}`,
      input: { subject, displayName, kind: 'ADULT' },
      facts: (p) => [{ type: 'ParticipantRegistered', participantId: p.participant!.id }],
    });
    w.participants.push(registered!.participant!.id);
    w.call(registered!.participant!.id, `participant(${w.actorName(subject)})`);
  }
  const grants: [string, string, string][] = [
    [COORDINATOR, 'COORDINATOR', w.planId],
    [MONITOR, 'MONITOR', w.planId],
    [CONFLICTED, 'MONITOR', w.planId],
    [CONFLICTED, 'FOCAL_POINT', w.stakeholders[0]!.id],
    ...w.stakeholders.map((s, n): [string, string, string] => [focalPoint(n), 'FOCAL_POINT', s.id]),
  ];
  for (const [subject, role, scope] of grants) {
    await w.perform({
      name: 'grantRole',
      actor: ADMIN,
      text: `grant ${role} of ${scope} to ${w.actorName(subject)}`,
      input: { subject, role, scope },
      facts: () => [],
    });
  }
  for (let n = 0; n < setup.areas; n++) {
    const code = ['PREV', 'PROT', 'RECOV'][n]!;
    const title = ['Prevention', 'Protection', 'Recovery and reintegration'][n]!;
    await w.perform({
      name: 'defineThematicArea',
      actor: COORDINATOR,
      text: `define thematic area ${code}`,
      input: { planId: w.planId, code, title },
      facts: () => [{ type: 'ThematicAreaDefined', planId: w.planId, code, title }],
    });
  }
  await w.compareDraftHidden();
  for (const s of w.stakeholders) {
    await w.perform({
      name: 'admitStakeholder',
      actor: COORDINATOR,
      text: `admit ${s.id}`,
      input: { planId: w.planId, stakeholderId: s.id },
      facts: () => [{ type: 'StakeholderAdmitted', planId: w.planId, stakeholderId: s.id }],
    });
  }
  await w.perform({
    name: 'adoptPlan',
    actor: COORDINATOR,
    text: 'adopt the plan',
    input: { planId: w.planId },
    facts: () => [{ type: 'PlanAdopted', planId: w.planId }],
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The commands of a step, built only when chosen.

/** A command that could happen now: `what` it is (for its weight), and how to build it with the step's details. */
interface Build {
  readonly what: string;
  readonly action: (rnd: Random) => Action;
}

interface Ctx {
  readonly w: World;
  readonly now: AsOf;
  readonly plan: PlanState;
}

const MAX_COMMITMENTS = 10;
const MAX_ITEMS = 5;
const EVIDENCE = ['SELF_REPORTED', 'INDEPENDENTLY_VERIFIED', 'INSPECTION'] as const;
const VISIBILITY = ['PUBLIC', 'PARTNERS', 'RESTRICTED'] as const;

const isOpen = (c: CommitmentState) => c.status === 'PROPOSED' || c.status === 'ACTIVE';

/** A day inside the plan period, between `from` and `to` where possible. */
function someDay(ctx: Ctx, rnd: Random, from: Day, to: Day): Day {
  const high = to > ctx.plan.periodEnd ? ctx.plan.periodEnd : to;
  let low = from < ctx.plan.periodStart ? ctx.plan.periodStart : from;
  if (low > high) low = high;
  return addDays(low, rnd.int(daysFrom(low, high) + 1));
}

/** A day inside the plan period other than `current`, often near today. */
function otherDay(ctx: Ctx, rnd: Random, current: Day): Day {
  const near = rnd.chance(0.5);
  const day = near
    ? someDay(ctx, rnd, addDays(ctx.w.today, -60), addDays(ctx.w.today, 120))
    : someDay(ctx, rnd, ctx.plan.periodStart, ctx.plan.periodEnd);
  return day !== current ? day : day < ctx.plan.periodEnd ? addDays(day, 1) : addDays(day, -1);
}

/** A due date: near today (so that it soon comes due) or anywhere in the plan period. */
function dueDay(ctx: Ctx, rnd: Random): Day {
  return rnd.chance(0.6)
    ? someDay(ctx, rnd, addDays(ctx.w.today, -30), addDays(ctx.w.today, 150))
    : someDay(ctx, rnd, ctx.plan.periodStart, ctx.plan.periodEnd);
}

/**
 * Today (undefined: the api's default), or now and then an earlier day, never before `earliest`: any day of the last
 * three months, or one on an edge (the due date, the day after it, the first day of a reporting period).
 */
function completionDay(ctx: Ctx, rnd: Random, earliest: Day, due: Day): Day | undefined {
  if (!rnd.chance(0.35)) return undefined;
  const edges = [due, addDays(due, 1), ...ctx.now.periodsOf(ctx.w.planId).map((p) => p.start)].filter(
    (day) => day >= earliest && day <= ctx.w.today,
  );
  if (edges.length > 0 && rnd.chance(0.5)) return rnd.pick(edges);
  const from = addDays(ctx.w.today, -rnd.int(90));
  return from < earliest ? earliest : from;
}

/** How far the clock moves: 1 to 200 days, or to the next day on an edge (a period's first or last day, a due date, a month before one). */
export function advanceBy(w: World, step: Step): number {
  const rnd = random(step.seed);
  const now = w.model.at(w.today);
  const dues = now.deadlines(w.planId).flatMap((d) => [d.dueDate, addDays(d.dueDate, 1), addDays(d.dueDate, -30), addDays(d.dueDate, -31)]);
  const edges = [...now.periodsOf(w.planId).flatMap((p) => [p.start, p.end, addDays(p.end, 1)]), ...dues].filter(
    (day) => day > w.today && daysFrom(w.today, day) <= 200,
  );
  return edges.length > 0 && rnd.chance(0.3) ? daysFrom(w.today, rnd.pick(edges)) : 1 + rnd.int(200);
}

const ownerOf = (ctx: Ctx, c: CommitmentState) => ctx.w.focalOf(c.ownerId);
const coOwnerFocalPoints = (ctx: Ctx, c: CommitmentState) => c.coOwnerIds.map((id) => ctx.w.focalOf(id));
/** The owner's focal point, or now and then a co-owner's (for what co-owners may do too). */
const ownerOrCoOwner = (ctx: Ctx, c: CommitmentState, rnd: Random) =>
  c.coOwnerIds.length > 0 && rnd.chance(0.4) ? rnd.pick(coOwnerFocalPoints(ctx, c)) : ownerOf(ctx, c);

function make(ctx: Ctx, ownerId: string, actor?: string): Build {
  return {
    what: 'make',
    action: (rnd) => {
      const { plan, w } = ctx;
      const others = plan.admitted.filter((id) => id !== ownerId);
      const coOwnerIds = others.length > 0 && rnd.chance(0.4) ? [rnd.pick(others)] : [];
      const inherit = plan.defaultDeadline !== null && rnd.chance(0.25);
      const dueDate = inherit ? null : rnd.chance(0.3) ? dueDay(ctx, rnd) : someDay(ctx, rnd, w.today, plan.periodEnd);
      const area = rnd.pick(plan.areas).code;
      const title = `Commitment ${ctx.now.commitmentIds(w.planId).length + 1}`;
      return {
        name: 'makeCommitment',
        actor: actor ?? w.focalOf(ownerId),
        text: `make "${title}" owned by ${ownerId}${coOwnerIds.length ? ` with ${coOwnerIds.join(', ')}` : ''} in ${area}, due ${dueDate ?? '(default)'}`,
        input: {
          ...{ planId: w.planId, thematicAreaCode: area, ownerId, coOwnerIds, title, description: 'Made by the model test' },
          ...{
            target: { indicator: 'criteria implemented', unit: 'criteria', baseline: 0, targetValue: 6 },
            ...(dueDate ? { dueDate } : {}),
          },
        },
        facts: (p) => [
          { type: 'CommitmentMade', commitmentId: p.commitment!.id, planId: w.planId, area, ownerId, coOwnerIds, title, dueDate },
        ],
      };
    },
  };
}

const activate = (c: CommitmentState, actor = COORDINATOR): Build => ({
  what: 'activate',
  action: () => ({
    name: 'activateCommitment',
    actor,
    text: `activate ${c.id}`,
    input: { commitmentId: c.id },
    facts: () => [{ type: 'CommitmentActivated', commitmentId: c.id }],
    commitmentId: c.id,
  }),
});

function revise(ctx: Ctx, c: CommitmentState, actor: string): Build {
  return {
    what: 'revise',
    action: (rnd) => {
      const choice = rnd.int(4);
      let coOwnerIds = choice === 0 ? ctx.plan.admitted.filter((id) => id !== c.ownerId && rnd.chance(0.5)) : undefined;
      if (coOwnerIds && JSON.stringify(coOwnerIds) === JSON.stringify(c.coOwnerIds)) coOwnerIds = undefined;
      const dueDate = choice !== 0 || !coOwnerIds ? otherDay(ctx, rnd, c.dueDate) : undefined;
      return {
        name: 'reviseCommitment',
        actor,
        text: `revise ${c.id}:${dueDate ? ` due ${c.dueDate} -> ${dueDate}` : ''}${coOwnerIds ? ` co-owners [${coOwnerIds.join(', ')}]` : ''}`,
        input: {
          commitmentId: c.id,
          reason: 'Revised by the model test',
          ...(dueDate ? { dueDate } : {}),
          ...(coOwnerIds ? { coOwnerIds } : {}),
        },
        facts: () => [
          { type: 'CommitmentRevised', commitmentId: c.id, ...(dueDate ? { dueDate } : {}), ...(coOwnerIds ? { coOwnerIds } : {}) },
        ],
        commitmentId: c.id,
      };
    },
  };
}

/** What only the owner's focal points may do to an open commitment, each as a command by `actor`. */
function ownerOnly(ctx: Ctx, c: CommitmentState, actor = ownerOf(ctx, c)): Build[] {
  if (!isOpen(c)) return [];
  const builds: Build[] = [revise(ctx, c, actor)];
  builds.push({
    what: 'withdraw',
    action: () => ({
      name: 'withdrawCommitment',
      actor,
      text: `withdraw ${c.id}`,
      input: { commitmentId: c.id, reason: 'Withdrawn by the model test' },
      facts: () => [{ type: 'CommitmentWithdrawn', commitmentId: c.id }],
      commitmentId: c.id,
    }),
  });
  if (c.status === 'ACTIVE') {
    builds.push({
      what: 'complete',
      action: (rnd) => {
        const completedOn = completionDay(ctx, rnd, c.activatedOn!, c.dueDate);
        return {
          name: 'completeCommitment',
          actor,
          text: `complete ${c.id} (due ${c.dueDate})${completedOn ? ` on ${completedOn}` : ''}`,
          input: { commitmentId: c.id, ...(completedOn ? { completedOn } : {}) },
          facts: () => [{ type: 'CommitmentCompleted', commitmentId: c.id, completedOn: completedOn ?? ctx.w.today }],
          commitmentId: c.id,
        };
      },
    });
  }
  if (c.milestones.length < MAX_ITEMS) {
    builds.push({
      what: 'schedule milestone',
      action: (rnd) => {
        const dueDate = dueDay(ctx, rnd);
        const title = `Milestone ${c.milestones.length + 1} of ${c.title}`;
        return {
          name: 'scheduleMilestone',
          actor,
          text: `schedule a milestone of ${c.id} due ${dueDate}`,
          input: { commitmentId: c.id, title, dueDate },
          facts: (p) => [{ type: 'MilestoneScheduled', commitmentId: c.id, milestoneId: p.itemId!, title, dueDate }],
          commitmentId: c.id,
        };
      },
    });
  }
  for (const m of c.milestones.filter((milestone) => milestone.completedOn === null)) {
    builds.push({
      what: 'reschedule milestone',
      action: (rnd) => {
        const dueDate = otherDay(ctx, rnd, m.dueDate);
        return {
          name: 'rescheduleMilestone',
          actor,
          text: `reschedule ${m.id} of ${c.id}: ${m.dueDate} -> ${dueDate}`,
          input: { commitmentId: c.id, milestoneId: m.id, dueDate, reason: 'Rescheduled by the model test' },
          facts: () => [{ type: 'MilestoneRescheduled', commitmentId: c.id, milestoneId: m.id, dueDate }],
          commitmentId: c.id,
        };
      },
    });
    builds.push({
      what: 'complete milestone',
      action: (rnd) => {
        const completedOn = completionDay(ctx, rnd, m.scheduledOn, m.dueDate);
        return {
          name: 'completeMilestone',
          actor,
          text: `complete ${m.id} of ${c.id} (due ${m.dueDate})${completedOn ? ` on ${completedOn}` : ''}`,
          input: { commitmentId: c.id, milestoneId: m.id, ...(completedOn ? { completedOn } : {}) },
          facts: () => [{ type: 'MilestoneCompleted', commitmentId: c.id, milestoneId: m.id, completedOn: completedOn ?? ctx.w.today }],
          commitmentId: c.id,
        };
      },
    });
  }
  for (const m of c.milestones.filter((milestone) => milestone.completedOn !== null)) {
    builds.push({
      what: 'reopen milestone',
      action: () => ({
        name: 'reopenMilestone',
        actor,
        text: `reopen ${m.id} of ${c.id}`,
        input: { commitmentId: c.id, milestoneId: m.id, reason: 'Reopened by the model test' },
        facts: () => [{ type: 'MilestoneReopened', commitmentId: c.id, milestoneId: m.id }],
        commitmentId: c.id,
      }),
    });
  }
  for (const t of c.tasks.filter((task) => task.completedOn === null)) builds.push(assign(ctx, c, t.id, actor, false));
  for (const t of c.tasks.filter((task) => task.completedOn !== null)) {
    builds.push({
      what: 'reopen task',
      action: () => ({
        name: 'reopenTask',
        actor,
        text: `reopen ${t.id} of ${c.id}`,
        input: { commitmentId: c.id, taskId: t.id, reason: 'Reopened by the model test' },
        facts: () => [{ type: 'TaskReopened', commitmentId: c.id, taskId: t.id }],
        commitmentId: c.id,
      }),
    });
  }
  return builds;
}

function assign(ctx: Ctx, c: CommitmentState, taskId: string, actor: string, nobody: boolean): Build {
  return {
    what: 'assign task',
    action: (rnd) => {
      const kind = rnd.chance(0.5) ? 'PARTICIPANT' : 'STAKEHOLDER';
      const known = kind === 'PARTICIPANT' ? ctx.w.participants : ctx.w.stakeholders.map((s) => s.id);
      const id = nobody ? `00000000-0000-4000-8000-${String(rnd.int(1e12)).padStart(12, '0')}` : rnd.pick(known);
      return {
        name: 'assignTask',
        actor,
        text: `assign ${taskId} of ${c.id} to ${kind.toLowerCase()} ${id}${nobody ? ' (no such one)' : ''}`,
        input: { commitmentId: c.id, taskId, assigneeKind: kind, assigneeId: id },
        facts: () => [{ type: 'TaskAssigned', commitmentId: c.id, taskId, assignee: { kind, id } }],
        commitmentId: c.id,
      };
    },
  };
}

/** The periods the commitment may report for: begun by today, and the commitment was active at some point in them. */
const reportable = (ctx: Ctx, c: CommitmentState): ReportingPeriod[] =>
  ctx.now.periodsOf(c.planId).filter((p) => p.start <= ctx.w.today && ctx.now.owesReport(c, p));

function report(ctx: Ctx, c: CommitmentState, period: string, corrects: string | null, actor?: string): Build {
  return {
    what: 'report',
    action: (rnd) => {
      const mode = rnd.int(4);
      const percent = mode === 1 ? null : rnd.chance(0.2) ? rnd.int(1001) / 10 : rnd.int(101);
      const indicator = mode === 0 ? null : rnd.int(60);
      const evidenceType = rnd.pick(EVIDENCE);
      return {
        name: 'reportProgress',
        actor: actor ?? ownerOrCoOwner(ctx, c, rnd),
        text: `report on ${c.id} for ${period}: ${percent ?? '-'}%, indicator ${indicator ?? '-'}, ${evidenceType}${corrects ? `, correcting ${corrects}` : ''}`,
        input: {
          ...{ commitmentId: c.id, period, narrative: `Progress in ${period}`, visibility: rnd.pick(VISIBILITY), evidenceType },
          ...(percent !== null ? { percentComplete: percent } : {}),
          ...(indicator !== null ? { indicatorValue: indicator } : {}),
          ...(rnd.chance(0.3) ? { evidenceLinks: ['https://evidence.example/report'] } : {}),
          ...(corrects ? { corrects } : {}),
        },
        facts: (p) => [
          { type: 'ProgressReported', commitmentId: c.id, reportId: p.itemId!, period, percent, indicator, evidenceType, corrects },
        ],
        commitmentId: c.id,
      };
    },
  };
}

/** What the owner's and the co-owners' focal points may do: add and complete tasks, report progress. */
function sharedWork(ctx: Ctx, c: CommitmentState, actor?: string): Build[] {
  const builds: Build[] = [];
  if (isOpen(c) && c.tasks.length < MAX_ITEMS) {
    builds.push({
      what: 'add task',
      action: (rnd) => {
        const dueDate = dueDay(ctx, rnd);
        const title = `Task ${c.tasks.length + 1} of ${c.title}`;
        return {
          name: 'addTask',
          actor: actor ?? ownerOrCoOwner(ctx, c, rnd),
          text: `add a task to ${c.id} due ${dueDate}`,
          input: { commitmentId: c.id, title, dueDate },
          facts: (p) => [{ type: 'TaskAdded', commitmentId: c.id, taskId: p.itemId!, title, dueDate }],
          commitmentId: c.id,
        };
      },
    });
  }
  for (const t of isOpen(c) ? c.tasks.filter((task) => task.completedOn === null) : []) {
    builds.push({
      what: 'complete task',
      action: (rnd) => {
        const completedOn = completionDay(ctx, rnd, t.addedOn, t.dueDate);
        return {
          name: 'completeTask',
          actor: actor ?? ownerOrCoOwner(ctx, c, rnd),
          text: `complete ${t.id} of ${c.id} (due ${t.dueDate})${completedOn ? ` on ${completedOn}` : ''}`,
          input: { commitmentId: c.id, taskId: t.id, ...(completedOn ? { completedOn } : {}) },
          facts: () => [{ type: 'TaskCompleted', commitmentId: c.id, taskId: t.id, completedOn: completedOn ?? ctx.w.today }],
          commitmentId: c.id,
        };
      },
    });
  }
  for (const period of reportable(ctx, c)) builds.push(report(ctx, c, period.id, ctx.now.standingReport(c, period.id)?.id ?? null, actor));
  return builds;
}

function judge(c: CommitmentState, r: ReportState, monitors: readonly string[]): Build {
  return {
    what: 'judge',
    action: (rnd) => {
      const verify = rnd.chance(0.6);
      return {
        name: verify ? 'verifyProgressReport' : 'disputeProgressReport',
        actor: rnd.pick(monitors),
        text: `${verify ? 'verify' : 'dispute'} ${r.id} (${r.period}, ${r.evidenceType}) of ${c.id}`,
        input: {
          commitmentId: c.id,
          reportId: r.id,
          ...(verify ? { note: 'Checked by the model test' } : { reason: 'Disputed by the model test' }),
        },
        facts: () => [{ type: verify ? 'ProgressReportVerified' : 'ProgressReportDisputed', commitmentId: c.id, reportId: r.id }],
        commitmentId: c.id,
      };
    },
  };
}

const standingReports = (c: CommitmentState) => c.reports.filter((r) => r.supersededBy === null);

const closePeriod = (ctx: Ctx, period: ReportingPeriod, actor = COORDINATOR): Build => ({
  what: 'close period',
  action: () => ({
    name: 'closeReportingPeriod',
    actor,
    text: `close reporting period ${period.id}`,
    input: { planId: ctx.w.planId, period: period.id },
    facts: () => [{ type: 'ReportingPeriodClosed', planId: ctx.w.planId, period: period.id }],
  }),
});

const closePlan = (ctx: Ctx): Build => ({
  what: 'close plan',
  action: () => ({
    name: 'closePlan',
    actor: COORDINATOR,
    text: 'close the plan',
    input: { planId: ctx.w.planId, reason: 'Closed by the model test' },
    facts: () => [{ type: 'PlanClosed', planId: ctx.w.planId }],
  }),
});

// ---------------------------------------------------------------------------------------------------------------
// The menu of a step.

/** How often each kind of command comes up, when it can. */
const WEIGHTS: Record<string, number> = {
  advance: 15,
  make: 4,
  activate: 6,
  revise: 3,
  withdraw: 1,
  complete: 2,
  'schedule milestone': 5,
  'reschedule milestone': 3,
  'complete milestone': 5,
  'reopen milestone': 1.5,
  'add task': 3,
  'assign task': 2,
  'complete task': 3,
  'reopen task': 1,
  report: 12,
  judge: 6,
  'close period': 5,
  'close plan': 0.3,
};

interface Choice {
  readonly what: string;
  readonly weight: number;
  readonly builds: Build[];
  /** Why the rules refuse every command of this choice. */
  readonly refusal?: Refusal;
}

const FORBIDDEN = (why: string): Refusal => ({ code: 'FORBIDDEN', why });

/** Everything that may happen on this step, by weight; a closed plan turns every change into a refusal. */
function menu(ctx: Ctx): Choice[] {
  const { w, now, plan } = ctx;
  const commitments = now.commitments(w.planId);
  const first = w.stakeholders[0]!.id;
  const overPeriods = now.periodsOf(w.planId).filter((p) => !p.closed && p.end < w.today);
  const valid: Build[] = [
    ...(commitments.length < MAX_COMMITMENTS ? plan.admitted.map((id) => make(ctx, id)) : []),
    ...commitments.filter((c) => c.status === 'PROPOSED').map((c) => activate(c)),
    ...commitments.flatMap((c) => [...ownerOnly(ctx, c), ...sharedWork(ctx, c)]),
    ...commitments.flatMap((c) => {
      const conflictFree = c.ownerId !== first && !c.coOwnerIds.includes(first);
      return standingReports(c).map((r) => judge(c, r, conflictFree ? [MONITOR, CONFLICTED] : [MONITOR]));
    }),
    ...overPeriods.map((p) => closePeriod(ctx, p)),
    closePlan(ctx),
  ];
  /** On a period's first or last day, what starts or ends a commitment comes up more often (the edges of what is owed). */
  const edgeDay = now.periodsOf(w.planId).some((p) => p.start === w.today || p.end === w.today);
  const weight = (what: string) => {
    if (what === 'make' && commitments.length < 3) return 14;
    if (edgeDay && ['activate', 'complete', 'withdraw'].includes(what)) return 4 * WEIGHTS[what]!;
    if (what === 'close plan' && w.today >= addDays(plan.periodEnd, -90)) return 6;
    return WEIGHTS[what]!;
  };
  const byWhat = Object.keys(WEIGHTS).map((what) => ({ what, weight: weight(what), builds: valid.filter((build) => build.what === what) }));
  if (plan.status === 'CLOSED')
    return byWhat.map((choice) => ({ ...choice, refusal: { code: 'RULE_VIOLATION', rule: 'plan.closed', why: 'the plan is closed' } }));
  const unrelated = (c: CommitmentState) => plan.admitted.filter((id) => id !== c.ownerId && !c.coOwnerIds.includes(id));
  return [
    ...byWhat,
    {
      what: 'conflicted monitor judges',
      weight: 1,
      builds: commitments.filter((c) => c.ownerId === first).flatMap((c) => standingReports(c).map((r) => judge(c, r, [CONFLICTED]))),
      refusal: FORBIDDEN('the monitor is a focal point of the owner'),
    },
    {
      what: 'co-owner does owner work',
      weight: 2,
      builds: commitments.flatMap((c) => coOwnerFocalPoints(ctx, c).flatMap((fp) => ownerOnly(ctx, c, fp))),
      refusal: FORBIDDEN('only the owner’s focal points may'),
    },
    {
      what: 'report twice',
      weight: 1.5,
      builds: commitments.flatMap((c) =>
        reportable(ctx, c)
          .filter((p) => now.standingReport(c, p.id))
          .map((p) => report(ctx, c, p.id, null)),
      ),
      refusal: { code: 'RULE_VIOLATION', why: 'the period has a report; a second one must correct it' },
    },
    {
      what: 'assign to no one',
      weight: 0.7,
      builds: commitments
        .filter(isOpen)
        .flatMap((c) => c.tasks.filter((t) => t.completedOn === null).map((t) => assign(ctx, c, t.id, ownerOf(ctx, c), true))),
      refusal: { code: 'NOT_FOUND', why: 'the assignee does not exist' },
    },
    {
      what: 'unrelated focal point',
      weight: 1,
      builds: [
        ...commitments.flatMap((c) =>
          unrelated(c).flatMap((id) => [...ownerOnly(ctx, c, w.focalOf(id)), ...sharedWork(ctx, c, w.focalOf(id))]),
        ),
        ...plan.admitted.flatMap((owner) => plan.admitted.filter((id) => id !== owner).map((id) => make(ctx, owner, w.focalOf(id)))),
      ],
      refusal: FORBIDDEN('a focal point of neither the owner nor a co-owner'),
    },
    {
      what: 'monitor acts as coordinator',
      weight: 0.7,
      builds: [
        ...commitments.filter((c) => c.status === 'PROPOSED').map((c) => activate(c, MONITOR)),
        ...overPeriods.map((p) => closePeriod(ctx, p, MONITOR)),
      ],
      refusal: FORBIDDEN('only coordinators may'),
    },
  ];
}

export type Chosen = { advance: number } | Action;

/** What the step does: advance the clock, or one command (with the refusal the rules call for, if any). */
export function choose(w: World, step: Step): Chosen {
  const now = w.model.at(w.today);
  const ctx: Ctx = { w, now, plan: now.plan(w.planId)! };
  const rnd = random(step.seed);
  const choices = menu(ctx).filter((choice) => choice.what === 'advance' || (choice.builds.length > 0 && choice.weight > 0));
  const total = choices.reduce((sum, choice) => sum + choice.weight, 0);
  let point = (step.kind / 10_000) * total;
  const chosen = choices.find((choice) => (point -= choice.weight) < 0) ?? choices[0]!;
  if (chosen.what === 'advance') return { advance: advanceBy(w, step) };
  const action = chosen.builds[step.pick % chosen.builds.length]!.action(rnd);
  return chosen.refusal ? { ...action, refusal: chosen.refusal } : action;
}
