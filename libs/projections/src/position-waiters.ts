import type { Position } from '#eventstore';

/** Whether the projections named have reached a position: true, false (never will: failed), undefined (not yet). */
export type ReachedVerdict = (position: Position, names: readonly string[]) => boolean | undefined;

interface Waiter {
  readonly position: Position;
  readonly names: readonly string[];
  readonly settle: (reached: boolean) => void;
}

/** Longest timer Node accepts (about 24.8 days); longer ones would fire at once. */
const LONGEST_TIMEOUT_MS = 2 ** 31 - 1;

/**
 * Callers waiting for projections to reach a position. The runner calls `check()` after each commit or failure,
 * so nothing polls; each waiter also has its own timeout.
 */
export class PositionWaiters {
  private readonly waiting = new Set<Waiter>();

  constructor(private readonly verdict: ReachedVerdict) {}

  wait(position: Position, names: readonly string[], timeoutMs: number): Promise<boolean> {
    const now = this.verdict(position, names);
    if (now !== undefined) return Promise.resolve(now);
    return new Promise((resolve) => {
      const timer = Number.isFinite(timeoutMs)
        ? setTimeout(() => waiter.settle(false), Math.min(Math.max(timeoutMs, 0), LONGEST_TIMEOUT_MS))
        : undefined;
      const waiter: Waiter = {
        position,
        names,
        settle: (reached) => {
          clearTimeout(timer);
          this.waiting.delete(waiter);
          resolve(reached);
        },
      };
      this.waiting.add(waiter);
    });
  }

  /** Settles every waiter whose projections have now reached its position, or failed. */
  check(): void {
    for (const waiter of this.waiting) {
      const verdict = this.verdict(waiter.position, waiter.names);
      if (verdict !== undefined) waiter.settle(verdict);
    }
  }

  /** Answers false to everyone still waiting (the runner stopped). */
  cancelAll(): void {
    for (const waiter of this.waiting) waiter.settle(false);
  }
}
