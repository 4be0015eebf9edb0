import { Inject } from '@nestjs/common';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { CLOCK, type Clock, Reminders } from '#application';
import { dateOf } from '#domain';
import type { ReadModelStore } from '#projections';
import { READ_MODELS } from '#platform';

/** The read models a pass reads: built by the api, which keeps them current; the CLI reads them as they stand. */
const READ = ['plans', 'commitments', 'tracking', 'tasks', 'participants'];

interface RunOptions {
  asAt?: string;
}

@SubCommand({
  name: 'run',
  description: 'one reminder pass: record the due-soon and overdue notifications not recorded yet (each once, whoever runs it)',
})
export class RemindersRunCommand extends CommandRunner {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(READ_MODELS) private readonly readModels: ReadModelStore,
    @Inject(Reminders) private readonly reminders: Reminders,
  ) {
    super();
  }

  @Option({ flags: '--as-at <date>', description: 'judge the deadlines on this day (YYYY-MM-DD) rather than today' })
  parseAsAt(value: string): string {
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
      Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ||
      dateOf(new Date(`${value}T00:00:00Z`)) !== value
    ) {
      throw new Error(`--as-at must be a date such as 2013-12-10, not '${value}'`);
    }
    return value;
  }

  async run(_params: string[], options: RunOptions): Promise<void> {
    const missing = READ.filter((name) => this.readModels.checkpoint(name) === undefined);
    if (missing.length > 0) {
      throw new Error(`the read models in DATA_DIR are not built (${missing.join(', ')}): start the api once, it builds and keeps them`);
    }
    const now = this.clock.now();
    const asOf = options.asAt ?? dateOf(now);
    const report = await this.reminders.run(asOf, {
      actor: `cli:${userInfo().username}`,
      correlationId: randomUUID(),
      now,
      asOperator: true,
    });
    process.stdout.write(
      `reminders as of ${asOf}: ${report.due} due, ${report.recorded} recorded now, ${report.due - report.recorded} already recorded\n`,
    );
  }
}

@Command({ name: 'reminders', description: 'deadline reminders (`reminders run`)', subCommands: [RemindersRunCommand] })
export class RemindersCommand extends CommandRunner {
  async run(): Promise<void> {
    this.command.help();
  }
}
