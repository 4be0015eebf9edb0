import { beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { commitmentStream, type RoleGrant } from '#domain';
import { MemoryEventStore } from '#eventstore';
import {
  activateCommitment,
  admitStakeholder,
  adoptPlan,
  type AnyUseCase,
  type CommandContext,
  defineThematicArea,
  draftPlan,
  makeCommitment,
  type Ports,
  registerStakeholder,
  reportProgress,
  type ReportProgressInput,
  runUseCase,
} from '#application';

const operator = (date: string): CommandContext => ({
  actor: 'cli:test',
  correlationId: randomUUID(),
  now: new Date(`${date}T10:00:00Z`),
  asOperator: true,
});
const as = (actor: string, extra: Partial<CommandContext> = {}): CommandContext => ({
  actor,
  correlationId: randomUUID(),
  now: new Date('2011-01-20T10:00:00Z'),
  ...extra,
});

describe('reportProgress', () => {
  let store: MemoryEventStore;
  let grants: Map<string, RoleGrant[]>;
  let ports: Ports;
  let ownerId: string;
  let coOwnerId: string;
  let commitmentId: string;
  const run = <Input, Result>(useCase: AnyUseCase<Input, Result>, input: Input, context: CommandContext) =>
    runUseCase(useCase, input, context, ports);
  const report = (percent: number): ReportProgressInput => ({
    commitmentId,
    period: '2010',
    percentComplete: percent,
    indicatorValue: null,
    narrative: `Progress ${percent}%`,
    visibility: 'PUBLIC',
    evidenceLinks: [],
    evidenceType: 'SELF_REPORTED',
    corrects: null,
  });
  const recorded = async () => (await store.readStream(commitmentStream(commitmentId))).map((event) => event.type);

  beforeEach(async () => {
    store = new MemoryEventStore();
    grants = new Map();
    // reportProgress reads the store and the grants, nothing else.
    ports = { store, grants: { rolesOf: (actor: string) => grants.get(actor) ?? [], adminCount: () => 0 } } as Partial<Ports> as Ports;
    const planId = (
      await run(
        draftPlan,
        {
          country: 'CR',
          title: 'Costa Rica NPA',
          periodStart: '2010-01-01',
          periodEnd: '2013-12-31',
          defaultDeadline: '2013-12-31',
          reportingCycle: null,
        },
        operator('2010-01-15'),
      )
    ).id;
    await run(defineThematicArea, { planId, code: 'PREV', title: 'Prevention' }, operator('2010-01-15'));
    ownerId = (
      await run(registerStakeholder, { name: 'CANATUR', kind: 'PRIVATE_SECTOR', sector: 'tourism', country: 'CR' }, operator('2010-01-10'))
    ).id;
    coOwnerId = (
      await run(registerStakeholder, { name: 'ICT', kind: 'GOVERNMENT', sector: 'tourism', country: 'CR' }, operator('2010-01-10'))
    ).id;
    for (const stakeholderId of [ownerId, coOwnerId]) await run(admitStakeholder, { planId, stakeholderId }, operator('2010-01-20'));
    await run(adoptPlan, { planId }, operator('2010-02-01'));
    const target = { indicator: 'criteria', unit: 'criteria', baseline: 0, targetValue: 6 };
    const terms = {
      planId,
      thematicAreaCode: 'PREV',
      ownerId,
      coOwnerIds: [coOwnerId],
      title: 'The Code',
      description: 'd',
      sourceReference: null,
      target,
      dueDate: null,
    };
    commitmentId = (await run(makeCommitment, terms, operator('2010-02-15'))).id;
    await run(activateCommitment, { commitmentId }, operator('2010-03-01'));
    grants.set('owner-focal', [{ role: 'FOCAL_POINT', scope: ownerId }]);
    grants.set('co-owner-focal', [{ role: 'FOCAL_POINT', scope: coOwnerId }]);
  });

  it("records the owner's report on the commitment's stream and answers with the report's id", async () => {
    const result = await run(reportProgress, report(30), as('owner-focal'));
    const [event] = await store.readStream(commitmentStream(commitmentId), { fromRevision: BigInt(result.version) });
    expect(event).toMatchObject({ type: 'ProgressReported', data: { commitmentId, reportId: result.itemId, percentComplete: 30 } });
    expect(result).toMatchObject({ id: commitmentId, version: 2 });
  });

  it("takes a co-owner's focal point's report too, and refuses anyone else with FORBIDDEN, recording nothing", async () => {
    await run(reportProgress, report(30), as('co-owner-focal'));
    await expect(run(reportProgress, report(40), as('stranger'))).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: `You may not report progress on this commitment: it needs FOCAL_POINT of ${ownerId} or FOCAL_POINT of ${coOwnerId}.`,
    });
    expect(await recorded()).toEqual(['CommitmentMade', 'CommitmentActivated', 'ProgressReported']);
  });

  it('answers NOT_FOUND for a commitment that was never made, before asking who the caller is', async () => {
    await expect(run(reportProgress, { ...report(30), commitmentId: randomUUID() }, as('stranger'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'There is no such commitment.',
    });
  });

  it('answers a retry (same commandId) with the first result and records nothing more', async () => {
    const commandId = randomUUID();
    const first = await run(reportProgress, report(30), as('owner-focal', { commandId }));
    const retried = await run(reportProgress, report(30), as('owner-focal', { commandId }));
    expect(retried).toEqual(first);
    expect(await recorded()).toEqual(['CommitmentMade', 'CommitmentActivated', 'ProgressReported']);
  });
});
