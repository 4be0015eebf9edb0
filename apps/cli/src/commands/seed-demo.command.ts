import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Command, CommandRunner } from 'nest-commander';
import { userInfo } from 'node:os';
import { CLOCK, type Clock, EVENT_STORE, seedDemo } from '#application';
import type { EventStore } from '#eventstore';

/** Seeds the demo plans from the source documents; running it again adds nothing. */
@Command({ name: 'seed-demo', description: 'create the demo plans, stakeholders and commitments (idempotent)' })
export class SeedDemoCommand extends CommandRunner {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {
    super();
  }

  async run(): Promise<void> {
    const report = await seedDemo(this.commands, this.store, `cli:${userInfo().username}`, this.clock.now());
    process.stdout.write(
      `demo data in place: ${report.plans} plans, ${report.stakeholders} stakeholders, ${report.commitments} commitments (log position ${report.position ?? 'none'})\n`,
    );
  }
}
