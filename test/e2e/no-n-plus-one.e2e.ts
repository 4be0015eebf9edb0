import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import {
  CATALOGUE,
  admitStakeholder,
  adoptPlan,
  type CommandContext,
  defineThematicArea,
  draftPlan,
  type EntityResult,
  EVENT_STORE,
  makeCommitment,
  registerStakeholder,
  RunUseCase,
  type SqliteCatalogueReader,
} from '#application';
import type { EventStore } from '#eventstore';
import type { ProjectionRunner } from '#projections';
import { createLogger, loadConfig, PROJECTION_RUNNER } from '#platform';
import { AppModule } from '../../apps/api/src/app.module.js';
import { removeDir, tempDataDir } from '../support/temp-dir.js';

const COMMITMENTS = 200;
const OWNERS = 20;

/** The api in this process (events in memory), so the test can count the SQL statements a query runs. */
describe('a plan with 200 commitments', () => {
  let app: INestApplication;
  let url: string;
  let reader: SqliteCatalogueReader;
  let planId: string;
  const dataDir = tempDataDir('npa-n1-');

  beforeAll(async () => {
    const config = loadConfig({ EVENTSTORE_URL: 'memory:', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    app = await NestFactory.create(AppModule.forRoot(config, createLogger('silent')), { logger: false });
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/graphql`;
    reader = app.get(CATALOGUE);

    const commands = app.get(CommandBus);
    const context = (): CommandContext => ({ actor: 'cli:test', correlationId: randomUUID(), now: new Date(), asOperator: true });
    const run = <Input>(command: RunUseCase<Input, EntityResult>) => commands.execute(command);
    planId = (
      await run(
        new RunUseCase(
          draftPlan,
          {
            country: 'CR',
            title: 'Costa Rica NPA',
            periodStart: '2010-01-01',
            periodEnd: '2013-12-31',
            defaultDeadline: '2013-12-31',
            reportingCycle: null,
          },
          context(),
        ),
      )
    ).id;
    for (const code of ['PREV', 'PROT']) await run(new RunUseCase(defineThematicArea, { planId, code, title: code }, context()));
    const owners: string[] = [];
    for (let n = 0; n < OWNERS; n++) {
      const { id } = await run(
        new RunUseCase(
          registerStakeholder,
          { name: `Tourism company ${n}`, kind: 'PRIVATE_SECTOR', sector: 'tourism', country: 'CR' },
          context(),
        ),
      );
      await run(new RunUseCase(admitStakeholder, { planId, stakeholderId: id }, context()));
      owners.push(id);
    }
    await run(new RunUseCase(adoptPlan, { planId }, context())); // drafts are not public
    for (let n = 0; n < COMMITMENTS; n++) {
      await run(
        new RunUseCase(
          makeCommitment,
          {
            planId,
            thematicAreaCode: n % 2 ? 'PREV' : 'PROT',
            ownerId: owners[n % OWNERS]!,
            coOwnerIds: [owners[(n + 1) % OWNERS]!],
            title: `Commitment ${n}`,
            description: 'Implement The Code',
            sourceReference: null,
            target: { indicator: 'criteria implemented', unit: 'criteria', baseline: 0, targetValue: 6 },
            dueDate: null,
          },
          context(),
        ),
      );
    }
    const head = await app.get<EventStore>(EVENT_STORE).headPosition();
    expect(await app.get<ProjectionRunner>(PROJECTION_RUNNER).waitFor(head!, 30_000)).toBe(true);
  });

  afterAll(async () => {
    await app?.close();
    removeDir(dataDir);
  });

  const statementsFor = async (first: number) => {
    const before = reader.sql.executed;
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `query ($id: ID!, $first: Int) { plan(id: $id) {
          title thematicAreas { code } stakeholders { name } summary { total byThematicArea { count } }
          commitments(first: $first) { totalCount edges { node {
            title owner { name } coOwners { name } plan { title } thematicArea { title } } } } } }`,
        variables: { id: planId, first },
      }),
    });
    const body = (await res.json()) as { data: { plan: { commitments: { totalCount: number; edges: unknown[] } } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    return {
      statements: reader.sql.executed - before,
      edges: body.data.plan.commitments.edges.length,
      total: body.data.plan.commitments.totalCount,
    };
  };

  it('loads every nested field in batches: the statement count does not grow with the number of commitments', async () => {
    const small = await statementsFor(5);
    const large = await statementsFor(100);
    expect(large.total).toBe(COMMITMENTS);
    expect(large.edges).toBe(100);
    expect(small.edges).toBe(5);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(10);
  });
});
