import type Database from 'better-sqlite3';
import type { Position, RecordedEvent } from '#eventstore';
import type { CheckpointTable } from './checkpoint-table.js';
import { atGeneration } from './generations.js';
import type { Projection } from './projection.js';
import { RowWriter } from './row-writer.js';
import { createIndexes } from './table-schema.js';

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
 * Applies batches of events to one generation of a projection (its tables, and its row in `checkpoints`: the
 * serving checkpoints or the builds): the projector's row changes and the checkpoint commit in one SQLite transaction. When the projector (or a change it asks for) fails on an event, the events before it are
 * committed on their own and the outcome names the event: nothing after it is applied, nothing before it lost.
 */
export class BatchApplier {
  private readonly handles: ReadonlySet<string>;
  private readonly commit: (events: readonly RecordedEvent[], count: number) => void;
  private readonly writer: RowWriter;
  /** Index of the event being projected in the running commit; `count` while writing the checkpoint. */
  private current = 0;
  /** The tables are being filled from scratch without their indexes (see `deferIndexes`). */
  private indexesDeferred = false;
  /** The projection with the table names of this generation, for creating indexes. */
  private readonly tables: Projection;

  constructor(
    private readonly db: Database.Database,
    private readonly checkpoints: CheckpointTable,
    readonly projection: Projection,
    readonly generation = 0,
  ) {
    this.tables = atGeneration(projection, generation);
    this.handles = new Set(projection.eventTypes);
    this.writer = this.newWriter();
    this.commit = db.transaction((events: readonly RecordedEvent[], count: number) => {
      for (let index = 0; index < count; index++) {
        this.current = index;
        this.project(events[index]!);
      }
      this.current = count;
      this.flush();
      this.advance(events[count - 1]!.position);
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
        this.discard();
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

  /** Writes the changes the projector asks for on one event (none when it does not handle its type); inside a transaction. */
  project(event: RecordedEvent): void {
    if (!this.handles.has(event.type)) return;
    const { writer } = this;
    for (const change of this.projection.project(event, writer)) writer.apply(change);
  }

  /** Writes the rows the batch changed; inside its transaction, before `advance`. */
  flush(): void {
    this.writer.flush();
  }

  /**
   * Forgets the rows of a batch whose transaction rolled back. Indexes that a read by other columns created in it
   * were rolled back too: they are made again (the key index is needed by every upsert once filling has ended).
   */
  discard(): void {
    this.writer.discard();
    if (!this.indexesDeferred) createIndexes(this.db, this.tables);
  }

  /** Moves the checkpoint; inside the transaction that wrote the rows up to `position`. */
  advance(position: Position): void {
    this.checkpoints.advance(this.projection.name, position);
  }

  /**
   * The tables were just created empty, without their indexes (the primary key's included): they are filled faster
   * that way, and `createIndexes` builds each index in one sorted pass when the projection has caught up. Meanwhile
   * the writer finds rows by the rowids it keeps; a read by other columns than the primary key creates the indexes
   * first.
   */
  deferIndexes(): void {
    this.indexesDeferred = true;
    this.writer.fill();
  }

  /** True from `deferIndexes` until `createIndexes`: the projection is being filled from scratch. */
  get filling(): boolean {
    return this.indexesDeferred;
  }

  /** Creates the indexes deferred by `deferIndexes`, if any; true when it did. */
  createIndexes(): boolean {
    if (!this.indexesDeferred) return false;
    createIndexes(this.db, this.tables);
    this.indexesDeferred = false;
    this.writer.indexed();
    return true;
  }

  private newWriter(): RowWriter {
    return new RowWriter(this.db, this.projection, () => this.createIndexes(), undefined, this.generation);
  }
}

/** One projection fed by a `GroupApplier`, with the position its checkpoint is at (undefined: none applied yet). */
export interface GroupMember {
  readonly applier: BatchApplier;
  readonly position: Position | undefined;
}

/**
 * Applies one batch to several projections in a single SQLite transaction: each event is read (and decoded) once and
 * offered to every projection whose checkpoint is before it; every checkpoint moves in the same commit. When any
 * projector fails, that transaction is rolled back and each projection applies the batch on its own (`BatchApplier`),
 * so a failure stops only the projection that failed and the others lose nothing.
 */
export class GroupApplier {
  private readonly commit: (events: readonly RecordedEvent[], members: readonly GroupMember[]) => void;

  constructor(db: Database.Database) {
    this.commit = db.transaction((events: readonly RecordedEvent[], members: readonly GroupMember[]) => {
      for (const event of events) {
        for (const member of members) {
          if (member.position === undefined || event.position > member.position) member.applier.project(event);
        }
      }
      const last = events.at(-1)!.position;
      for (const member of members) {
        member.applier.flush();
        if (member.position === undefined || last > member.position) member.applier.advance(last);
      }
    });
  }

  /** The outcome for each member, in their order. */
  apply(events: readonly RecordedEvent[], members: readonly GroupMember[]): BatchOutcome[] {
    const last = events.at(-1)!.position;
    const after = (member: GroupMember): Position => (member.position !== undefined && member.position > last ? member.position : last);
    try {
      this.commit(events, members);
      return members.map((member) => ({ applied: true, position: after(member) }));
    } catch {
      for (const member of members) member.applier.discard();
      // Someone failed: each projection alone, so the failure is recorded against the one it belongs to.
      return members.map((member): BatchOutcome => {
        const { position } = member;
        const unseen = position === undefined ? events : events.filter((event) => event.position > position);
        return unseen.length === 0 ? { applied: true, position: position! } : member.applier.apply(unseen);
      });
    }
  }
}
