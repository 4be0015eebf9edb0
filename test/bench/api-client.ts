/**
 * What the api benchmarks share: a plan with a stakeholder, its focal point and active commitments set up through
 * the real api's GraphQL, the bodies of the requests they send, and the api process's memory.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { RunningApi } from '../support/api-process.js';
import { tokenFor } from '../support/tokens.js';

export const ADMIN = 'admin@secretariat.example';
export const FOCAL = 'focal@ministry.example';

/** Plan period: every milestone's due date falls inside it. */
const PERIOD_START = '2025-01-01';
const PERIOD_END = '2029-12-31';

export interface BenchPlan {
  readonly planId: string;
  readonly ownerId: string;
  readonly commitmentIds: readonly string[];
  /** Bearer token of the owner's focal point, who may track every commitment of the plan. */
  readonly focalToken: string;
  readonly adminToken: string;
}

async function ok<T>(api: RunningApi, token: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await api.graphql<T>(query, variables, token);
  if (res.errors || !res.data) throw new Error(`${query.slice(0, 60)}…: ${res.status} ${JSON.stringify(res.errors)}`);
  return res.data;
}

/**
 * One plan (one thematic area), one stakeholder admitted to it, its focal point, and `commitments` commitments
 * made by the focal point and activated by the admin, `parallel` at a time. The api must run with
 * `BOOTSTRAP_ADMIN=ADMIN`.
 */
export async function setUpPlan(api: RunningApi, commitments: number, parallel = 8): Promise<BenchPlan> {
  const adminToken = await tokenFor(api.dataDir, ADMIN);
  const focalToken = await tokenFor(api.dataDir, FOCAL);
  const admin = <T>(query: string, input: Record<string, unknown>) =>
    ok<T>(api, adminToken, query, { input: { commandId: randomUUID(), ...input } });
  const focal = <T>(query: string, input: Record<string, unknown>) =>
    ok<T>(api, focalToken, query, { input: { commandId: randomUUID(), ...input } });

  const planId = (
    await admin<{ draftPlan: { plan: { id: string } } }>(
      'mutation ($input: DraftPlanInput!) { draftPlan(input: $input) { plan { id } } }',
      {
        country: 'KE',
        title: 'Benchmark plan',
        periodStart: PERIOD_START,
        periodEnd: PERIOD_END,
        defaultDeadline: PERIOD_END,
      },
    )
  ).draftPlan.plan.id;
  await admin('mutation ($input: DefineThematicAreaInput!) { defineThematicArea(input: $input) { version } }', {
    planId,
    code: 'PREV',
    title: 'Prevention',
  });
  await admin('mutation ($input: PlanLifecycleInput!) { adoptPlan(input: $input) { version } }', { planId }); // drafts are not public
  const ownerId = (
    await admin<{ registerStakeholder: { stakeholder: { id: string } } }>(
      'mutation ($input: RegisterStakeholderInput!) { registerStakeholder(input: $input) { stakeholder { id } } }',
      { name: 'Ministry of Interior', kind: 'GOVERNMENT', sector: 'justice', country: 'KE' },
    )
  ).registerStakeholder.stakeholder.id;
  await admin('mutation ($input: AdmitStakeholderInput!) { admitStakeholder(input: $input) { version } }', {
    planId,
    stakeholderId: ownerId,
  });
  await admin('mutation ($input: RegisterParticipantInput!) { registerParticipant(input: $input) { version } }', {
    subject: FOCAL,
    displayName: 'Focal point',
    kind: 'ADULT',
  });
  await admin('mutation ($input: GrantRoleInput!) { grantRole(input: $input) { version } }', {
    subject: FOCAL,
    role: 'FOCAL_POINT',
    scope: ownerId,
  });

  const commitmentIds: string[] = new Array<string>(commitments);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, commitments) }, async () => {
      for (let n = next++; n < commitments; n = next++) {
        const made = await focal<{ makeCommitment: { commitment: { id: string } } }>(
          'mutation ($input: MakeCommitmentInput!) { makeCommitment(input: $input) { commitment { id } } }',
          {
            planId,
            thematicAreaCode: 'PREV',
            ownerId,
            title: `Commitment ${n}`,
            description: 'Train officers',
            target: { indicator: 'officers trained', unit: 'officers', baseline: 0, targetValue: 100 },
          },
        );
        const commitmentId = made.makeCommitment.commitment.id;
        await admin('mutation ($input: CommitmentLifecycleInput!) { activateCommitment(input: $input) { version } }', { commitmentId });
        commitmentIds[n] = commitmentId;
      }
    }),
  );
  return { planId, ownerId, commitmentIds, focalToken, adminToken };
}

/** A due date inside the plan period, spread over its days by `n`. */
export function dueDate(n: number): string {
  const start = Date.parse(`${PERIOD_START}T00:00:00Z`);
  const days = (Date.parse(`${PERIOD_END}T00:00:00Z`) - start) / 86_400_000 + 1;
  return new Date(start + (n % days) * 86_400_000).toISOString().slice(0, 10);
}

export const SCHEDULE_MILESTONE = 'mutation ($input: ScheduleMilestoneInput!) { scheduleMilestone(input: $input) { itemId version } }';

/** The body of a `scheduleMilestone` request with its own title and commandId. */
export function scheduleMilestoneBody(commitmentId: string, n: number): string {
  return JSON.stringify({
    query: SCHEDULE_MILESTONE,
    variables: {
      input: { commandId: randomUUID(), commitmentId, title: `Milestone ${n} ${randomUUID().slice(0, 8)}`, dueDate: dueDate(n) },
    },
  });
}

export const TRIVIAL_QUERY = JSON.stringify({ query: '{ serverInfo { version } }' });

/** What the plan dashboard asks for: the plan with its figures by thematic area and by owner kind. */
export const DASHBOARD_QUERY = `query ($planId: ID!) { plan(id: $planId) { id title status thematicAreas { code title }
  summary { total
    byThematicAreaTracking { thematicArea { code title } figures { commitmentsByStatus { status count } milestonesOnTime milestonesLate milestonesOverdue verifiedShare atRisk } }
    byOwnerKind { kind figures { commitmentsByStatus { status count } milestonesOnTime milestonesLate milestonesOverdue verifiedShare atRisk } } } } }`;

/** The first page of the plan's commitments, as the dashboard lists them. */
export const COMMITMENTS_QUERY = `query ($planId: ID!) { plan(id: $planId) { id commitments(first: 20) { totalCount pageInfo { hasNextPage endCursor }
  edges { node { id title status dueDate thematicArea { code } owner { name kind } } } } } }`;

/** The plan's deadlines in one week, filtered as the dashboard filters them. */
export const DEADLINES_QUERY = `query ($planId: ID!) { deadlines(planId: $planId, from: "2027-03-01", to: "2027-03-07") { kind id title dueDate status moves daysMoved commitment { id title } } }`;

export const JSON_HEADERS = { 'content-type': 'application/json', 'apollo-require-preflight': 'true' } as const;

/** Resident memory of a process in MB (VmRSS in /proc), or undefined when it cannot be read. */
export function rssMb(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

export interface HeapReading {
  /** `nodejs_heap_size_used_bytes`, in MB: live objects and the garbage not yet collected. */
  readonly heapUsedMb: number;
  /** `nodejs_heap_used_after_major_gc_bytes`, in MB: the live heap as the latest major collection left it (0 before the first). */
  readonly liveHeapMb: number;
  /** Major (mark-compact) garbage collections so far: `nodejs_gc_duration_seconds_count{kind="major"}`. */
  readonly majorGcs: number;
}

/** Heap used by the api process and its major garbage collections so far, from its Prometheus metrics (`/metrics`). */
export async function heapReading(api: Pick<RunningApi, 'metrics'>): Promise<HeapReading> {
  const text = await api.metrics();
  const metric = (pattern: RegExp): number | undefined => {
    const match = pattern.exec(text);
    return match ? Number(match[1]) : undefined;
  };
  const heap = metric(/^nodejs_heap_size_used_bytes\s+(\S+)$/m);
  const live = metric(/^nodejs_heap_used_after_major_gc_bytes\s+(\S+)$/m);
  if (heap === undefined || live === undefined)
    throw new Error('nodejs_heap_size_used_bytes or nodejs_heap_used_after_major_gc_bytes is not in /metrics');
  const major = metric(/^nodejs_gc_duration_seconds_count\{kind="major"\}\s+(\S+)$/m);
  return { heapUsedMb: heap / 1024 / 1024, liveHeapMb: live / 1024 / 1024, majorGcs: major ?? 0 };
}
