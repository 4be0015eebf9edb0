import { join } from 'node:path';
import { type EventStore, MemoryEventStore } from '#eventstore';
import { type Projection, ProjectionRunner, type ProjectionRunnerOptions, ReadModelStore } from '#projections';
import { removeDir, tempDataDir } from '../../../test/support/temp-dir.js';

/**
 * A memory event store and a read-model file in a fresh directory; runners opened through it are stopped and
 * their files closed by `dispose()`. Opening twice on the same file is how a test restarts the process.
 */
export class RunnerHarness {
  readonly dir = tempDataDir('npa-projections-');
  readonly path = join(this.dir, 'read-models.sqlite');
  private readonly runners: ProjectionRunner[] = [];
  private readonly files: ReadModelStore[] = [];

  constructor(readonly store: EventStore = new MemoryEventStore()) {}

  open(projections: Projection | readonly Projection[], options: Partial<ProjectionRunnerOptions> = {}) {
    const readModels = ReadModelStore.open({ path: this.path });
    const runner = new ProjectionRunner({
      store: this.store,
      readModels,
      projections: Array.isArray(projections) ? projections : [projections as Projection],
      batchSize: 10,
      ...options,
    });
    this.runners.push(runner);
    this.files.push(readModels);
    return { runner, readModels };
  }

  /** Stops a runner and closes its file (a clean shutdown). */
  async close(opened: { runner: ProjectionRunner; readModels: ReadModelStore }): Promise<void> {
    await opened.runner.stop();
    opened.readModels.close();
  }

  head = async (): Promise<bigint> => (await this.store.headPosition()) ?? 0n;

  async dispose(): Promise<void> {
    for (const runner of this.runners.splice(0)) await runner.stop();
    for (const readModels of this.files.splice(0)) readModels.close();
    await this.store.close();
    removeDir(this.dir);
  }
}
