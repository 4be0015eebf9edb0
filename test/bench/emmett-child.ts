/**
 * Child process of the emmett-sqlite workloads (see `emmett.ts`): measures each in turn on files under the given
 * directory and sends each figure to the parent as soon as it has it, then `done`.
 */
import { join } from 'node:path';
import {
  type EmmettFigure,
  type EmmettFigureName,
  type EmmettMessage,
  type EmmettWorkload,
  emmettOneWriter,
  emmettOwnConnections,
  emmettSharedStore,
} from './emmett.js';

const workload = JSON.parse(process.argv[2]!) as EmmettWorkload;
const post = (message: EmmettMessage) => process.send!(message);

// Emmett logs every failed transaction with console.log; the figures count the failures instead.
console.log = () => undefined;

async function run(name: EmmettFigureName, work: () => Promise<EmmettFigure>): Promise<void> {
  try {
    post({ kind: 'figure', name, figure: await work() });
  } catch (error) {
    post({ kind: 'failed', name, message: error instanceof Error ? error.message : String(error) });
  }
}

const { dir, oneWriterAppends, writers, perWriter, ownConnectionsBudgetMs } = workload;
await run('oneWriter', () => emmettOneWriter(join(dir, 'emmett-one.sqlite'), oneWriterAppends));
await run('sharedStore', () => emmettSharedStore(join(dir, 'emmett-shared.sqlite'), writers, perWriter));
await run('ownConnections', () => emmettOwnConnections(join(dir, 'emmett-connections.sqlite'), writers, perWriter, ownConnectionsBudgetMs));
post({ kind: 'done' });
