import { Inject } from '@nestjs/common';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { EVENT_STORE } from '#application';
import type { EventStore, RecordedEvent } from '#eventstore';

interface TailOptions {
  after?: bigint;
  limit?: number;
  follow?: boolean;
  data?: boolean;
}

function line(event: RecordedEvent, withData: boolean): string {
  return JSON.stringify({
    position: event.position.toString(),
    stream: event.stream,
    revision: event.revision.toString(),
    type: event.type,
    id: event.id,
    occurredAt: event.metadata.occurredAt,
    actor: event.metadata.actor ?? null,
    correlationId: event.metadata.correlationId,
    ...(withData ? { data: event.data } : {}),
  });
}

/** `events tail`: the log as JSON lines, from a position; `--follow` keeps printing new events. */
@SubCommand({ name: 'tail', description: 'print the event log as JSON lines' })
export class EventsTailCommand extends CommandRunner {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    super();
  }

  async run(_params: string[], options: TailOptions): Promise<void> {
    const print = (event: RecordedEvent) => process.stdout.write(`${line(event, options.data ?? false)}\n`);
    if (options.follow) {
      await new Promise<void>((resolve, reject) => {
        const subscription = this.store.subscribeToAll(options.after, (batch) => batch.forEach(print), { onError: reject });
        const stop = () => void subscription.close().then(resolve);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      return;
    }
    let after = options.after;
    let remaining = options.limit ?? Number.POSITIVE_INFINITY;
    while (remaining > 0) {
      const batch = await this.store.readAll({ after, maxCount: Math.min(1000, remaining) });
      batch.forEach(print);
      if (batch.length === 0) break;
      remaining -= batch.length;
      after = batch.at(-1)!.position;
    }
  }

  @Option({ flags: '--after <position>', description: 'start after this position (default: the beginning)' })
  parseAfter(value: string): bigint {
    if (!/^\d+$/.test(value)) throw new Error('--after must be a position (digits)');
    return BigInt(value);
  }

  @Option({ flags: '--limit <n>', description: 'print at most n events' })
  parseLimit(value: string): number {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new Error('--limit must be a positive integer');
    return n;
  }

  @Option({ flags: '-f, --follow', description: 'keep printing new events until interrupted' })
  parseFollow(): boolean {
    return true;
  }

  @Option({ flags: '--data', description: "include each event's data" })
  parseData(): boolean {
    return true;
  }
}

@Command({ name: 'events', description: 'inspect the event log', subCommands: [EventsTailCommand] })
export class EventsCommand extends CommandRunner {
  async run(): Promise<void> {
    this.command.help();
  }
}
