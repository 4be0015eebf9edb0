import type { EventStore, Position, RecordedEvent } from '#eventstore';

export interface BuildLoopOptions {
  readonly store: EventStore;
  readonly batchSize: number;
  /** Aborted when the runner stops: the loop then rejects with `interrupted()`. */
  readonly signal: AbortSignal;
  readonly interrupted: () => Error;
  /** Where the builds are (the earliest of their positions). */
  readonly from: Position | undefined;
  /** Applies a batch to the builds; false when none is left building (they all failed). */
  readonly apply: (batch: readonly RecordedEvent[]) => boolean;
  /** Called once, after the first full batch (a log that fits in one batch is built without it). */
  readonly onFirstBatch?: () => void;
  readonly onProgress?: (done: bigint, total: bigint) => void;
}

/**
 * Reads the log from `from` in batches and applies them to the builds until they are at the head of the log (a read
 * came back short, or reached the head as the store reports it): they can take over; or until none is left building. Resolves true when they
 * caught up. Between batches it lets the process's requests in (better-sqlite3 is synchronous).
 */
export async function buildToHead(options: BuildLoopOptions): Promise<boolean> {
  const { store, batchSize, signal } = options;
  let first = options.onFirstBatch;
  let total = (await store.headPosition()) ?? 0n;
  options.onProgress?.(0n, total);
  let position = options.from;
  for (;;) {
    if (signal.aborted) throw options.interrupted();
    const batch = await store.readAll({ after: position, maxCount: batchSize });
    if (signal.aborted) throw options.interrupted();
    if (batch.length > 0) {
      if (!options.apply(batch)) return false;
      position = batch.at(-1)!.position;
      options.onProgress?.(position < total ? position : total, total);
    }
    if (batch.length < batchSize) return true;
    // A full batch up to the head seen last: caught up, unless the log has grown since.
    if (position !== undefined && position >= total) {
      total = (await store.headPosition()) ?? 0n;
      if (position >= total) return true;
    }
    first?.();
    first = undefined;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
