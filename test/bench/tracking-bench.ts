/**
 * Query latency on a large plan: 2,000 commitments, 10,000 milestones and 20,000 progress reports, served by the real
 * api (in this process, on SQLite files) over HTTP. Prints p50/p99 of `deadlines` and `plan.summary` (`plan.asOf` is
 * measured on the larger log of cold-start-bench.ts).
 */
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { EVENT_STORE } from '#application';
import type { EventStore, NewEvent } from '#eventstore';
import type { ProjectionRunner } from '#projections';
import { createLogger, loadConfig, PROJECTION_RUNNER } from '#platform';
import { AppModule } from '../../apps/api/src/app.module.js';

const COMMITMENTS = 2000;
const MILESTONES_PER_COMMITMENT = 5;
const REPORTS_PER_COMMITMENT = 10;
const STAKEHOLDERS = 50;
const KINDS = ['GOVERNMENT', 'PRIVATE_SECTOR', 'NGO', 'YOUTH_PANEL', 'INTERGOVERNMENTAL', 'LAW_ENFORCEMENT', 'ACADEMIC', 'OTHER'];

const event = (type: string, data: object, occurredAt: string): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: { correlationId: randomUUID(), actor: 'bench', occurredAt, schemaVersion: 1 },
});

export async function seedLargePlan(store: EventStore): Promise<string> {
  const planId = randomUUID();
  const at = (year: number) => `${year}-02-01T10:00:00.000Z`;
  const plan: NewEvent[] = [
    event(
      'PlanDrafted',
      {
        planId,
        country: 'NL',
        title: 'Large plan',
        periodStart: '2010-01-01',
        periodEnd: '2019-12-31',
        defaultDeadline: '2019-12-31',
        reportingCycle: 'ANNUAL',
      },
      at(2010),
    ),
    ...['PREV', 'PROT', 'RECOV', 'PART', 'COORD'].map((code) => event('ThematicAreaDefined', { planId, code, title: code }, at(2010))),
  ];
  const stakeholders = Array.from({ length: STAKEHOLDERS }, () => randomUUID());
  for (const [n, stakeholderId] of stakeholders.entries()) {
    await store.append(`stakeholder-${stakeholderId}`, [
      event(
        'StakeholderRegistered',
        { stakeholderId, name: `Organisation ${n}`, kind: KINDS[n % KINDS.length], sector: 'tourism', country: 'NL' },
        at(2010),
      ),
    ]);
    plan.push(event('StakeholderAdmitted', { planId, stakeholderId }, at(2010)));
  }
  for (let year = 2010; year <= 2018; year++)
    plan.push(
      event('ReportingPeriodClosed', { planId, period: String(year), closedOn: `${year + 1}-01-31` }, `${year + 1}-01-31T10:00:00.000Z`),
    );
  await store.append(`plan-${planId}`, plan);
  for (let n = 0; n < COMMITMENTS; n++) {
    const commitmentId = randomUUID();
    const c = { commitmentId };
    const events: NewEvent[] = [
      event(
        'CommitmentMade',
        {
          ...c,
          planId,
          thematicAreaCode: ['PREV', 'PROT', 'RECOV', 'PART', 'COORD'][n % 5],
          ownerId: stakeholders[n % STAKEHOLDERS],
          coOwnerIds: [],
          title: `Commitment ${n}`,
          description: 'd',
          sourceReference: null,
          target: { indicator: 'i', unit: 'u', baseline: 0, targetValue: 100 },
          dueDate: '2019-12-31',
          dueDateInherited: true,
        },
        at(2010),
      ),
      event('CommitmentActivated', { ...c, activatedOn: '2010-03-01' }, at(2010)),
    ];
    for (let m = 0; m < MILESTONES_PER_COMMITMENT; m++) {
      const milestoneId = randomUUID();
      const due = `${2011 + m}-${String(1 + ((n + m) % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
      events.push(event('MilestoneScheduled', { ...c, milestoneId, title: `Milestone ${m}`, dueDate: due }, at(2010)));
      if ((n + m) % 3 === 0)
        events.push(event('MilestoneCompleted', { ...c, milestoneId, completedOn: n % 2 ? due : `${2011 + m}-12-31` }, at(2011 + m)));
    }
    for (let r = 0; r < REPORTS_PER_COMMITMENT; r++) {
      const year = 2010 + r;
      events.push(
        event(
          'ProgressReported',
          {
            ...c,
            reportId: randomUUID(),
            period: String(year),
            percentComplete: Math.min(100, r * 9 + (n % 7)),
            indicatorValue: null,
            narrative: 'n',
            visibility: 'PUBLIC',
            evidenceLinks: [],
            evidenceType: r % 4 === 0 ? 'INSPECTION' : 'SELF_REPORTED',
            reportedOn: `${year + 1}-01-15`,
            corrects: null,
            late: n % 10 === 0,
          },
          `${year + 1}-01-15T10:00:00.000Z`,
        ),
      );
    }
    await store.append(`commitment-${commitmentId}`, events);
  }
  return planId;
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export interface TrackingFigures {
  deadlines_p50_ms: number;
  deadlines_p99_ms: number;
  summary_p50_ms: number;
  summary_p99_ms: number;
}

export async function trackingBench(dir: string): Promise<TrackingFigures> {
  const config = loadConfig({ DATA_DIR: join(dir, 'tracking'), LOG_LEVEL: 'silent' });
  const app = await NestFactory.create(AppModule.forRoot(config, createLogger('silent')), { logger: false });
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/graphql`;
  const store = app.get<EventStore>(EVENT_STORE);
  const planId = await seedLargePlan(store);
  const head = (await store.headPosition())!;
  await app.get<ProjectionRunner>(PROJECTION_RUNNER).waitFor(head, 600_000);
  console.log(
    `\nlarge plan: ${COMMITMENTS} commitments, ${COMMITMENTS * MILESTONES_PER_COMMITMENT} milestones, ${COMMITMENTS * REPORTS_PER_COMMITMENT} progress reports (${head} events)`,
  );

  const time = async (query: string, variables: object): Promise<number> => {
    const started = performance.now();
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return performance.now() - started;
  };
  const sample = async (query: string, variables: object, runs = 200) => {
    for (let n = 0; n < 10; n++) await time(query, variables);
    const samples: number[] = [];
    for (let n = 0; n < runs; n++) samples.push(await time(query, variables));
    return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
  };
  const deadlines = await sample(
    'query ($plan: ID!) { deadlines(planId: $plan, from: "2014-04-01", to: "2014-06-30", statuses: [OVERDUE, DONE_LATE]) { kind id title dueDate status moves daysMoved } }',
    { plan: planId },
  );
  const summary = await sample(
    `query ($plan: ID!) { plan(id: $plan) { summary { total byStatus { status count }
       byThematicAreaTracking { thematicArea { code } figures { milestonesOnTime milestonesLate milestonesOverdue verifiedShare atRisk } }
       byOwnerKind { kind figures { milestonesOnTime milestonesLate milestonesOverdue verifiedShare atRisk } } } } }`,
    { plan: planId },
  );
  await app.close();
  const round = (ms: number) => Number(ms.toFixed(1));
  console.log(
    `deadlines (a quarter of a plan, filtered)  p50 ${deadlines.p50.toFixed(1)} ms  p99 ${deadlines.p99.toFixed(1)} ms  target p99 <= 20 ms`,
  );
  console.log(
    `plan.summary (by area and by owner kind)   p50 ${summary.p50.toFixed(1)} ms  p99 ${summary.p99.toFixed(1)} ms  target p99 <= 20 ms`,
  );
  return {
    deadlines_p50_ms: round(deadlines.p50),
    deadlines_p99_ms: round(deadlines.p99),
    summary_p50_ms: round(summary.p50),
    summary_p99_ms: round(summary.p99),
  };
}
