/** Wakes waiting subscriptions when the log has grown. A counter makes a change between read and wait impossible to miss. */
export class ChangeNotifier {
  private version = 0;
  private waiters: (() => void)[] = [];

  get current(): number {
    return this.version;
  }

  notify(): void {
    this.version += 1;
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Resolves as soon as something changed after `since` (at once if it already has). */
  changedSince(since: number): Promise<void> {
    if (this.version !== since) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}
