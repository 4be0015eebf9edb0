import { Inject } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { readFileSync } from 'node:fs';
import type { EventStore } from '#eventstore';
import type { ProjectionRunner } from '#projections';
import { CLOCK, type Clock, EVENT_STORE } from '#application';
import { PLATFORM_CONFIG, type PlatformConfig, PROJECTION_RUNNER } from '#platform';
import type { ProjectionInfo, ServerInfo } from '../graphql/generated/schema.js';
import { schemaDir } from '../graphql/graphql-options.js';

const version = (JSON.parse(readFileSync(new URL('../package.json', `file://${schemaDir()}/`), 'utf8')) as { version: string }).version;

@Resolver('ServerInfo')
export class ServerInfoResolver {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Query('serverInfo')
  async serverInfo(): Promise<ServerInfo> {
    const [head, projections] = await Promise.all([this.store.headPosition(), this.runner.status()]);
    return {
      version,
      eventStore: this.store.kind,
      headPosition: head?.toString() ?? null,
      operator: this.config.operatorName ?? null,
      today: this.clock.now().toISOString().slice(0, 10),
      demoDate: this.config.demoDate ?? null,
      projections: projections.map((p): ProjectionInfo => ({
        name: p.name,
        version: p.version,
        position: p.position?.toString() ?? null,
        lag: Number(p.lag),
        state: p.state === 'failed' ? 'FAILED' : p.state === 'catching_up' ? 'CATCHING_UP' : 'RUNNING',
        error: p.error ? `${p.error.message} (event ${p.error.position} ${p.error.eventType})` : null,
      })),
    };
  }
}
