import type Database from 'better-sqlite3';
import type { Position, RecordedEvent } from '#eventstore';
import type { CheckpointTable } from './checkpoint-table.js';
import type { Projection } from './projection.js';
import { RowWriter } from './row-writer.js';

/** What became of a batch: everything applied, or the events before `failedOn` applied and the projection stopped there. */
export type BatchOutcome =
  | { readonly applied: true; readonly position: Position }
  | {
      readonly applied: false;
      /** Last event of the batch that was applied, undefined when none was. */
      readonly position: Position | undefined;
      readonly failedOn: RecordedEvent;
      readonly error: unknown;
    };

/**
 * Applies batches of events to one projection: the projector's row changes and the checkpoint commit in one
 * SQLite transaction. When the projector (or a change it asks for) fails on an event, the events before it are
 * committed on their own and the outcome names the event: nothing after it is applied, nothing before it lost.
 */
export class BatchApplier {
  private readonly handles: ReadonlySet<string>;
  private readonly commit: (events: readonly RecordedEvent[], count: number) => void;
  private writer: RowWriter;
  /** Index of the event being projected in the running commit; `count` while writing the checkpoint. */
  private current = 0;

  constructor(
    private readonly db: Database.Database,
    checkpoints: CheckpointTable,
    private readonly projection: Projection,
  ) {
    this.handles = new Set(projection.eventTypes);
    this.writer = new RowWriter(db, projection);
    this.commit = db.transaction((events: readonly RecordedEvent[], count: number) => {
      const { handles, writer } = this;
      for (let index = 0; index < count; index++) {
        const event = events[index]!;
        if (!handles.has(event.type)) continue;
        this.current = index;
        for (const change of projection.project(event, writer)) writer.apply(change);
      }
      this.current = count;
      checkpoints.advance(projection.name, events[count - 1]!.position);
    });
  }

  apply(events: readonly RecordedEvent[]): BatchOutcome {
    let count = events.length;
    let failure: { readonly index: number; readonly error: unknown } | undefined;
    // Each failed attempt commits a strictly shorter prefix: the events before the one that failed.
    while (count > 0) {
      this.current = 0;
      try {
        this.commit(events, count);
        break;
      } catch (error) {
        // A failure outside any event (writing the checkpoint) leaves the whole batch unapplied.
        const index = this.current < count ? this.current : 0;
        failure = { index, error };
        count = index;
      }
    }
    if (failure === undefined) return { applied: true, position: events.at(-1)!.position };
    return {
      applied: false,
      position: count > 0 ? events[count - 1]!.position : undefined,
      failedOn: events[failure.index]!,
      error: failure.error,
    };
  }

  /** Forgets the statements prepared for tables that were just dropped and recreated. */
  renewStatements(): void {
    this.writer = new RowWriter(this.db, this.projection);
  }
}
