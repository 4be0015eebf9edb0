import type Database from 'better-sqlite3';
import { checkExpectedRevision, findEarlierAppend } from '../append-rules.js';
import {
  type AppendResult,
  EventStoreUnavailableError,
  type ExpectedRevision,
  InvalidAppendError,
  type NewEvent,
  type Revision,
  WrongExpectedVersionError,
} from '../port.js';
import type { EventPayload, EventStatements } from './event-rows.js';

interface PendingAppend {
  readonly stream: string;
  readonly events: readonly NewEvent[];
  readonly expected: ExpectedRevision;
  readonly payloads: readonly EventPayload[];
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome = { readonly ok: true; readonly result: AppendResult } | { readonly ok: false; readonly error: unknown };

/** A broken rule of one append (its own outcome), as opposed to a failed commit (every append's). */
const brokenRule = (error: unknown): boolean => error instanceof WrongExpectedVersionError || error instanceof InvalidAppendError;

/**
 * Group commit: appends are queued and written by one flush per turn of the event loop: every append that arrived
 * while the previous commit was running goes into the next transaction, each inside its own SAVEPOINT, so each keeps
 * its own expected-revision check and its own outcome while the group shares one fsync.
 */
export class GroupCommit {
  /** Transactions committed. */
  commits = 0;
  /** Appends acknowledged (several share a commit under load). */
  appends = 0;
  private queue: PendingAppend[] = [];
  private flushScheduled = false;
  private readonly appendOne;
  private readonly appendGroup;

  constructor(
    db: Database.Database,
    private readonly statements: EventStatements,
    /** Called after a commit that wrote at least one event. */
    private readonly onWritten: () => void,
  ) {
    this.appendOne = db.transaction((pending: PendingAppend) => this.write(pending));
    this.appendGroup = db.transaction((group: readonly PendingAppend[]) =>
      group.map((pending): Outcome => {
        try {
          return { ok: true, result: this.appendOne(pending) };
        } catch (error) {
          if (brokenRule(error)) return { ok: false, error };
          throw error;
        }
      }),
    );
  }

  /** Queues an append for the next flush. */
  enqueue(
    stream: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
    payloads: readonly EventPayload[],
  ): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ stream, events, expected, payloads, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /**
   * Writes every queued append in one transaction; each succeeds or fails on its own. A lone append needs no
   * savepoint: its own failure rolls the whole (one-append) transaction back.
   */
  flush(): void {
    this.flushScheduled = false;
    const group = this.queue;
    this.queue = [];
    if (group.length === 0) return;
    let outcomes: Outcome[];
    try {
      outcomes = group.length === 1 ? [this.appendAlone(group[0]!)] : this.appendGroup.immediate(group);
    } catch (error) {
      const failure = new EventStoreUnavailableError(`The event log could not commit: ${(error as Error).message}`, { cause: error });
      for (const pending of group) pending.reject(failure);
      return;
    }
    this.commits += 1;
    let wrote = false;
    outcomes.forEach((outcome, i) => {
      const pending = group[i]!;
      if (outcome.ok) {
        this.appends += 1;
        wrote = true;
        pending.resolve(outcome.result);
      } else {
        pending.reject(outcome.error);
      }
    });
    if (wrote) this.onWritten();
  }

  /** One append in its own transaction: a broken rule is that append's outcome, anything else a failed commit. */
  private appendAlone(pending: PendingAppend): Outcome {
    try {
      return { ok: true, result: this.appendOne.immediate(pending) };
    } catch (error) {
      if (brokenRule(error)) return { ok: false, error };
      throw error;
    }
  }

  private write({ stream, events, expected, payloads }: PendingAppend): AppendResult {
    const { statements } = this;
    const current = statements.streamHead.get(stream)?.revision;
    const earlier = findEarlierAppend(stream, events, expected, current, {
      revisionOf: (id) => statements.revisionOf.get(stream, id)?.revision,
      idAt: (revision) => statements.at.get(stream, revision)?.event_id,
    });
    if (earlier !== undefined) {
      return { nextExpectedRevision: earlier, position: statements.at.get(stream, earlier)!.position };
    }
    checkExpectedRevision(stream, expected, current);
    let revision: Revision = current === undefined ? 0n : current + 1n;
    let position = 0n;
    events.forEach((event, i) => {
      const payload = payloads[i]!;
      position = BigInt(statements.insert.run(stream, revision, event.id, event.type, payload.data, payload.metadata).lastInsertRowid);
      revision += 1n;
    });
    return { nextExpectedRevision: revision - 1n, position };
  }
}
