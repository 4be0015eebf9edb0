import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { Global, type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { MemoryEventStore } from '#eventstore';
import { ProjectionRunner, ReadModelStore } from '#projections';
import {
  KEY_STORE,
  MemoryKeyStore,
  CATALOGUE,
  COMMENT_RATE_LIMIT,
  CommentRateLimit,
  DISCUSSIONS,
  NOTIFICATIONS,
  SqliteNotificationsReader,
  SqliteTrackingReader,
  TRACKING,
  SqliteCatalogueReader,
  SqliteDiscussionReader,
  ApplicationModule,
  bootstrapAdmin,
  CLOCK,
  EVENT_STORE,
  GRANTS,
  grantRole,
  IDENTITIES,
  Identities,
  PARTICIPANTS,
  participantsProjection,
  registerParticipant,
  RunUseCase,
  SqliteGrantsReader,
  SqliteParticipantsReader,
} from '#application';

const now = new Date('2026-11-23T10:00:00.000Z');

describe('ApplicationModule, with the projection runner, as the api wires it', () => {
  let store: MemoryEventStore;
  let readModels: ReadModelStore;
  let runner: ProjectionRunner;
  let app: INestApplicationContext;

  beforeEach(async () => {
    store = new MemoryEventStore();
    readModels = ReadModelStore.open({ path: ':memory:' });
    runner = new ProjectionRunner({ store, readModels, projections: [participantsProjection] });
    await runner.start();
    const keys = new MemoryKeyStore();

    @Global()
    @Module({
      providers: [
        { provide: EVENT_STORE, useValue: store },
        { provide: CLOCK, useValue: { now: () => now } },
        { provide: GRANTS, useValue: new SqliteGrantsReader(readModels.db) },
        { provide: PARTICIPANTS, useValue: new SqliteParticipantsReader(readModels.db) },
        { provide: CATALOGUE, useValue: new SqliteCatalogueReader(readModels.db) },
        { provide: DISCUSSIONS, useValue: new SqliteDiscussionReader(readModels.db) },
        { provide: NOTIFICATIONS, useValue: new SqliteNotificationsReader(readModels.db) },
        { provide: TRACKING, useValue: new SqliteTrackingReader(readModels.db) },
        { provide: COMMENT_RATE_LIMIT, useValue: new CommentRateLimit() },
        { provide: KEY_STORE, useValue: keys },
        { provide: IDENTITIES, useValue: new Identities(store, keys) },
      ],
      exports: [
        EVENT_STORE,
        CLOCK,
        GRANTS,
        PARTICIPANTS,
        CATALOGUE,
        DISCUSSIONS,
        NOTIFICATIONS,
        TRACKING,
        COMMENT_RATE_LIMIT,
        KEY_STORE,
        IDENTITIES,
      ],
    })
    class PortsModule {}

    @Module({ imports: [PortsModule, CqrsModule.forRoot(), ApplicationModule] })
    class HostModule {}

    app = await NestFactory.createApplicationContext(HostModule, { logger: false });
    await app.init();
  });
  afterEach(async () => {
    await app.close();
    await runner.stop();
    readModels.close();
  });

  it('routes every use case to the one command handler', async () => {
    const commands = app.get(CommandBus);
    const settle = async (position: bigint | undefined) => expect(await runner.waitFor(position ?? 0n, 2000)).toBe(true);
    const admin = await bootstrapAdmin(store, app.get(IDENTITIES), app.get(GRANTS), 'admin', now);
    await settle(admin?.position);
    const context = { actor: admin!.participantId, correlationId: randomUUID(), now };
    await commands.execute(new RunUseCase(registerParticipant, { subject: 'focal', displayName: 'Focal point', kind: 'ADULT' }, context));
    const granted = await commands.execute(
      new RunUseCase(grantRole, { subject: 'focal', role: 'FOCAL_POINT', scope: 'stakeholder-1' }, context),
    );
    await settle(granted.position);

    expect(app.get<SqliteParticipantsReader>(PARTICIPANTS).byId(granted.participantId)).toMatchObject({
      id: granted.participantId,
      displayName: 'Focal point',
      roles: [{ role: 'FOCAL_POINT', scope: 'stakeholder-1' }],
    });
  });
});
