import type { CommandBus } from '@nestjs/cqrs';
import { v5 as uuidv5 } from 'uuid';
import { ChangeCommitmentCommand, MakeCommitmentCommand } from '../commitments/index.js';
import type { CommandContext } from '../kernel/command-context.js';
import type { EntityResult } from '../kernel/run-command.js';
import { ChangePlanCommand, DraftPlanCommand } from '../plans/index.js';
import { RegisterStakeholderCommand } from '../stakeholders/index.js';
import { DEMO_PLANS, DEMO_STAKEHOLDERS } from './demo-data.js';

/** Namespace of the demo's command ids: fixed, so a second run recognises every command as a retry. */
const DEMO_NAMESPACE = '6e2b4d8a-3f1c-5a9e-b7d2-0c4e8f1a2b3d';

export interface SeedReport {
  readonly plans: number;
  readonly stakeholders: number;
  readonly commitments: number;
  /** Position of the last event the seed produced (or found). */
  readonly position: bigint | undefined;
}

/**
 * Seeds the demo plans through the same command handlers as the api, as an operator. Every command carries a
 * fixed commandId, so running it again appends nothing.
 */
export async function seedDemo(commands: CommandBus, actor: string, now: Date): Promise<SeedReport> {
  let position: bigint | undefined;
  const run = async (key: string, command: (context: CommandContext) => object): Promise<EntityResult> => {
    const context: CommandContext = { actor, correlationId: uuidv5(`demo-run/${now.toISOString()}`, DEMO_NAMESPACE), commandId: uuidv5(`demo/${key}`, DEMO_NAMESPACE), now, asOperator: true };
    const result = (await commands.execute(command(context) as never)) as EntityResult;
    if (result.position !== undefined && (position === undefined || result.position > position)) position = result.position;
    return result;
  };

  const stakeholderIds = new Map<string, string>();
  for (const s of DEMO_STAKEHOLDERS) {
    const result = await run(`stakeholder/${s.key}`, (c) => new RegisterStakeholderCommand({ name: s.name, kind: s.kind, sector: s.sector, country: s.country }, c));
    stakeholderIds.set(s.key, result.id);
  }
  const idOf = (key: string) => stakeholderIds.get(key)!;

  let commitments = 0;
  for (const plan of DEMO_PLANS) {
    const { id: planId } = await run(`plan/${plan.key}`, (c) => new DraftPlanCommand(
      { country: plan.country, title: plan.title, periodStart: plan.periodStart, periodEnd: plan.periodEnd, defaultDeadline: plan.defaultDeadline, reportingCycle: plan.reportingCycle },
      c,
    ));
    for (const area of plan.areas) {
      await run(`plan/${plan.key}/area/${area.code}`, (c) => new ChangePlanCommand(planId, { type: 'DefineThematicArea', ...area }, c));
    }
    for (const key of plan.stakeholders) {
      await run(`plan/${plan.key}/admit/${key}`, (c) => new ChangePlanCommand(planId, { type: 'AdmitStakeholder', stakeholderId: idOf(key) }, c));
    }
    if (plan.adopt) await run(`plan/${plan.key}/adopt`, (c) => new ChangePlanCommand(planId, { type: 'AdoptPlan' }, c));
    for (const commitment of plan.commitments) {
      const { id } = await run(`plan/${plan.key}/commitment/${commitment.key}`, (c) => new MakeCommitmentCommand(
        {
          planId,
          thematicAreaCode: commitment.area,
          ownerId: idOf(commitment.owner),
          coOwnerIds: [],
          title: commitment.title,
          description: commitment.description,
          sourceReference: commitment.sourceReference,
          target: commitment.target,
          dueDate: commitment.dueDate,
        },
        c,
      ));
      if (commitment.activate) {
        await run(`plan/${plan.key}/commitment/${commitment.key}/activate`, (c) => new ChangeCommitmentCommand(id, { type: 'ActivateCommitment' }, c));
      }
      commitments += 1;
    }
  }
  return { plans: DEMO_PLANS.length, stakeholders: DEMO_STAKEHOLDERS.length, commitments, position };
}
