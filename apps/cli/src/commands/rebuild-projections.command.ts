import { Inject } from '@nestjs/common';
import cliProgress from 'cli-progress';
import { Command, CommandRunner } from 'nest-commander';
import type { ProjectionRunner } from '#projections';
import { PROJECTION_RUNNER } from '#platform';

/** Rebuilds one read model (or all) from the start of the log, with a progress bar on stderr. */
@Command({
  name: 'rebuild-projections',
  arguments: '[name]',
  description: 'rebuild read models from the event log (stop the api first: it owns the read-model file)',
})
export class RebuildProjectionsCommand extends CommandRunner {
  constructor(@Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner) {
    super();
  }

  async run([name]: string[]): Promise<void> {
    const known = (await this.runner.status()).map((p) => p.name);
    if (name && !known.includes(name)) throw new Error(`Unknown projection '${name}'; known: ${known.join(', ')}`);
    // Every read model in one pass over the log (each event read once), or the one named.
    const label = name ?? 'all read models';
    const bar = new cliProgress.SingleBar(
      { format: `${label.padEnd(20)} {bar} {percentage}% | {value}/{total} events | {duration_formatted}`, stream: process.stderr },
      cliProgress.Presets.shades_classic,
    );
    bar.start(0, 0);
    const onProgress = (done: bigint, total: bigint) => {
      bar.setTotal(Number(total));
      bar.update(Number(done));
    };
    try {
      await (name ? this.runner.rebuild(name, onProgress) : this.runner.rebuildAll(onProgress));
    } finally {
      bar.stop();
    }
    process.stdout.write(name ? `rebuilt ${name}\n` : `rebuilt ${known.join(', ')}\n`);
  }
}
