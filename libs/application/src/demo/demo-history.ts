import { activateCommitment, completeCommitment, makeCommitment } from '../commitments/index.js';
import type { CommandContext } from '../kernel/command-context.js';
import type { AnyUseCase } from '../kernel/use-case.js';
import { RunUseCase } from '../kernel/use-case.handler.js';
import { adoptPlan, admitStakeholder, closeReportingPeriod, defineThematicArea, draftPlan } from '../plans/index.js';
import { registerStakeholder } from '../stakeholders/index.js';
import {
  addTask,
  assignTask,
  completeMilestone,
  completeTask,
  disputeProgressReport,
  reportProgress,
  rescheduleMilestone,
  scheduleMilestone,
  verifyProgressReport,
} from '../tracking/index.js';
import { DEMO_PLANS } from './demo-data.js';
import { DEMO_STAKEHOLDERS } from './demo-stakeholders.js';
import type { DemoStep } from './demo-types.js';

export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** One dated step of the demo's history; `run` receives the ids created so far. */
export interface Step {
  readonly on: string;
  readonly key: string;
  /** Where to keep the id of the milestone, task or report this step creates. */
  readonly item?: string;
  readonly command: (context: CommandContext, ids: Map<string, string>) => RunUseCase<unknown, unknown>;
}

/** A use case to run on the command bus, as the api runs it. */
export const run = <Input>(useCase: AnyUseCase<Input>, input: Input, context: CommandContext): RunUseCase<unknown, unknown> =>
  new RunUseCase(useCase, input, context) as RunUseCase<unknown, unknown>;

/**
 * The demo plans' history as dated steps, in date order: stakeholders, plans, their areas, admissions, adoption,
 * closed periods, commitments and what tracked them. `day` turns a step's date (or `today+n`) into a day.
 */
export function demoHistory(day: (value: string) => string): { readonly steps: Step[]; readonly commitments: number } {
  const steps: Step[] = [];
  const id = (ids: Map<string, string>, key: string) => ids.get(key)!;

  for (const s of DEMO_STAKEHOLDERS) {
    steps.push({
      on: '2009-01-10',
      key: `stakeholder/${s.key}`,
      command: (c) => run(registerStakeholder, { name: s.name, kind: s.kind, sector: s.sector, country: s.country }, c),
    });
  }
  let commitments = 0;
  for (const plan of DEMO_PLANS) {
    const p = `plan/${plan.key}`;
    const planId = (ids: Map<string, string>) => id(ids, p);
    steps.push({
      on: plan.drafted,
      key: p,
      command: (c) =>
        run(
          draftPlan,
          {
            country: plan.country,
            title: plan.title,
            periodStart: plan.periodStart,
            periodEnd: plan.periodEnd,
            defaultDeadline: plan.defaultDeadline,
            reportingCycle: plan.reportingCycle,
          },
          c,
        ),
    });
    for (const area of plan.areas) {
      steps.push({
        on: plan.drafted,
        key: `${p}/area/${area.code}`,
        command: (c, ids) => run(defineThematicArea, { planId: planId(ids), ...area }, c),
      });
    }
    for (const key of plan.stakeholders) {
      steps.push({
        on: addDays(plan.drafted, 7),
        key: `${p}/admit/${key}`,
        command: (c, ids) => run(admitStakeholder, { planId: planId(ids), stakeholderId: id(ids, `stakeholder/${key}`) }, c),
      });
    }
    if (plan.adopt)
      steps.push({ on: addDays(plan.drafted, 17), key: `${p}/adopt`, command: (c, ids) => run(adoptPlan, { planId: planId(ids) }, c) });
    for (const closing of plan.closePeriods) {
      steps.push({
        on: closing.on,
        key: `${p}/close/${closing.period}`,
        command: (c, ids) => run(closeReportingPeriod, { planId: planId(ids), period: closing.period }, c),
      });
    }
    for (const commitment of plan.commitments) {
      commitments += 1;
      const k = `${p}/commitment/${commitment.key}`;
      const commitmentId = (ids: Map<string, string>) => id(ids, k);
      steps.push({
        on: addDays(plan.drafted, 31),
        key: k,
        command: (c, ids) =>
          run(
            makeCommitment,
            {
              planId: planId(ids),
              thematicAreaCode: commitment.area,
              ownerId: id(ids, `stakeholder/${commitment.owner}`),
              coOwnerIds: [],
              title: commitment.title,
              description: commitment.description,
              sourceReference: commitment.sourceReference,
              target: commitment.target,
              dueDate: commitment.dueDate,
            },
            c,
          ),
      });
      if (commitment.activate) {
        steps.push({
          on: addDays(plan.drafted, 45),
          key: `${k}/activate`,
          command: (c, ids) => run(activateCommitment, { commitmentId: commitmentId(ids) }, c),
        });
      }
      (commitment.steps ?? []).forEach((step, index) => {
        const creates = step.do === 'milestone' || step.do === 'task' || step.do === 'report';
        steps.push({
          on: day(step.on),
          key: `${k}/step-${index}-${step.do}`,
          ...(creates ? { item: `${k}/item/${step.key}` } : {}),
          command: (c, ids) => trackingCommand(step, commitmentId(ids), ids, k, day, c),
        });
        if (step.do === 'task' && step.assignee) {
          const assignee = step.assignee;
          steps.push({
            on: day(step.on),
            key: `${k}/assign/${step.key}`,
            command: (c, ids) =>
              run(
                assignTask,
                {
                  commitmentId: commitmentId(ids),
                  taskId: ids.get(`${k}/item/${step.key}`)!,
                  assignee: { kind: 'STAKEHOLDER', id: id(ids, `stakeholder/${assignee}`) },
                },
                c,
              ),
          });
        }
      });
    }
  }
  steps.sort((a, b) => a.on.localeCompare(b.on));
  return { steps, commitments };
}

function trackingCommand(
  step: DemoStep,
  commitmentId: string,
  ids: Map<string, string>,
  commitmentKey: string,
  day: (d: string) => string,
  context: CommandContext,
): RunUseCase<unknown, unknown> {
  const item = (key: string) => ids.get(`${commitmentKey}/item/${key}`)!;
  switch (step.do) {
    case 'milestone':
      return run(scheduleMilestone, { commitmentId, title: step.title, dueDate: day(step.due) }, context);
    case 'reschedule':
      return run(rescheduleMilestone, { commitmentId, milestoneId: item(step.key), dueDate: day(step.due), reason: step.reason }, context);
    case 'complete-milestone':
      return run(completeMilestone, { commitmentId, milestoneId: item(step.key), completedOn: null }, context);
    case 'task':
      return run(addTask, { commitmentId, title: step.title, dueDate: day(step.due) }, context);
    case 'complete-task':
      return run(completeTask, { commitmentId, taskId: item(step.key), completedOn: null }, context);
    case 'report':
      return run(
        reportProgress,
        {
          commitmentId,
          period: step.period,
          percentComplete: step.percent,
          indicatorValue: null,
          narrative: step.narrative,
          visibility: step.visibility,
          evidenceLinks: [],
          evidenceType: step.evidence,
          corrects: step.corrects ? item(step.corrects) : null,
        },
        context,
      );
    case 'verify':
      return run(verifyProgressReport, { commitmentId, reportId: item(step.key), note: step.note }, context);
    case 'dispute':
      return run(disputeProgressReport, { commitmentId, reportId: item(step.key), reason: step.reason }, context);
    case 'complete':
      return run(completeCommitment, { commitmentId, completedOn: null }, context);
  }
}
