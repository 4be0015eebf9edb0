import { BatchApplier } from './batch-applier.js';
import { BUILDS_TABLE, CHECKPOINTS_TABLE, type CheckpointRow } from './checkpoint-table.js';
import {
  atGeneration,
  dropGeneration,
  dropReaderName,
  type Held,
  isGenerationName,
  nextGeneration,
  placeholders,
  tableNames,
  takeOver,
} from './generations.js';
import type { Projection } from './projection.js';
import { type Phase, transitions } from './projection-state.js';
import type { ProjectionFailure } from './projection-status.js';
import type { ReadModelStore } from './read-model-store.js';
import type { RunnerLogger } from './runner-logger.js';
import { createTables, tablesMatch } from './table-schema.js';

/** One projection in the runner: its phase, and the appliers of the versions it holds. */
export interface Tracked {
  readonly projection: Projection;
  phase: Phase;
  /** Applies events to the serving version (created when the feed takes it on). */
  serving: BatchApplier | undefined;
  /** Applies events to the build, while there is one. */
  build: BatchApplier | undefined;
}

/** A projection that was removed, and the tables it owned. */
export interface RetiredProjection {
  readonly name: string;
  readonly tables: readonly string[];
}

const held = (row: CheckpointRow): Held => ({
  version: row.version,
  generation: row.generation,
  position: row.position === null ? undefined : BigInt(row.position),
});

function storedFailure(row: CheckpointRow | undefined): ProjectionFailure | undefined {
  if (row?.state !== 'failed') return undefined;
  return { message: row.error_message ?? '', position: row.error_position ?? '', eventType: row.error_event_type ?? '' };
}

/**
 * The phase of a projection as the file holds it, when the runner opens it:
 * - the version that serves: the checkpoint's, when its tables match the definition. Of another version, it serves
 *   (as it stood) until the new version is built; tables that differ are dropped (readers get `UNAVAILABLE`).
 * - a build of the current version left by an earlier run goes on from its checkpoint; any other is dropped.
 * - a projection that serves an older version or none is built: a new generation, its tables empty.
 */
export function settle(readModels: ReadModelStore, logger: RunnerLogger, tracked: Tracked): void {
  const { db, checkpoints, builds } = readModels;
  const { projection } = tracked;
  const row = checkpoints.read(projection.name);
  let serving = row ? held(row) : undefined;
  if (row && serving) {
    const matches = tablesMatch(db, atGeneration(projection, serving.generation));
    if (matches && row.version !== projection.version) {
      logger.info({ projection: projection.name, from: row.version, to: projection.version }, 'projection version changed: rebuilding');
    } else if (!matches) {
      if (row.version !== projection.version) {
        const context = { projection: projection.name, from: row.version, to: projection.version };
        logger.info(context, 'projection version changed with its tables: rebuilding; its readers get UNAVAILABLE until it is built');
      } else {
        logger.warn(
          { projection: projection.name, version: projection.version },
          'projection tables are missing or differ from their definition although the version is unchanged: rebuilding (bump the version when changing tables)',
        );
      }
      db.transaction(() => {
        dropGeneration(db, tableNames(projection), serving!.generation);
        checkpoints.remove(projection.name);
      })();
      serving = undefined;
    } else {
      createTables(db, atGeneration(projection, serving.generation)); // indexes added to the definition since
    }
  }
  if (!serving) placeholders(db, projection);
  const buildRow = builds.read(projection.name);
  const build =
    buildRow && buildRow.version === projection.version && tablesMatch(db, atGeneration(projection, buildRow.generation))
      ? held(buildRow)
      : undefined;
  if (buildRow && !build) {
    db.transaction(() => {
      dropGeneration(db, tableNames(projection), buildRow.generation);
      builds.remove(projection.name);
    })();
  }
  const failure = storedFailure(row) ?? storedFailure(buildRow);
  if (serving && serving.version === projection.version && !build) {
    tracked.phase = failure ? { kind: 'failed', serving, build: undefined, failure } : { kind: 'live', serving };
    return;
  }
  if (!build) {
    newBuild(readModels, tracked, serving);
    return;
  }
  tracked.build = fillingApplier(readModels, projection, build.generation);
  tracked.phase = failure ? { kind: 'failed', serving, build, failure } : { kind: 'building', serving, build };
}

/**
 * Starts a new build of the projection beside `serving` (when it is first settled) or beside what it serves now: a
 * new generation, empty tables without indexes, its checkpoint at none. A failed build it had is dropped.
 */
export function newBuild(readModels: ReadModelStore, tracked: Tracked, serving?: Held): void {
  const { db, builds } = readModels;
  const { projection } = tracked;
  const phase = tracked.phase as Phase | undefined;
  const previous = phase?.kind === 'failed' ? phase.build : undefined;
  const generation = nextGeneration(db);
  db.transaction(() => {
    if (previous) dropGeneration(db, tableNames(projection), previous.generation);
    dropGeneration(db, tableNames(projection), generation); // left by a run that stopped before recording it
    createTables(db, atGeneration(projection, generation), { indexes: false });
    builds.reset(projection.name, projection.version, generation);
  })();
  tracked.build = fillingApplier(readModels, projection, generation);
  const build: Held = { version: projection.version, generation, position: undefined };
  tracked.phase = phase ? transitions.rebuild(phase, build) : { kind: 'building', serving, build };
}

/** The build caught up: its indexes are made, then it takes over in one transaction (see `takeOver`). */
export function handOver(readModels: ReadModelStore, logger: RunnerLogger, tracked: Tracked): void {
  const { phase, projection } = tracked;
  if (phase.kind !== 'building') return;
  const indexing = Date.now();
  tracked.build?.createIndexes();
  const started = Date.now();
  takeOver(readModels.db, readModels, projection, phase.serving, phase.build);
  tracked.phase = transitions.tookOver(phase);
  tracked.build = undefined;
  const { version, position } = phase.build;
  const context = {
    projection: projection.name,
    version,
    position: position?.toString() ?? null,
    indexMs: started - indexing,
    takeoverMs: Date.now() - started,
  };
  logger.info(context, 'read model taken over: readers see the new version');
}

/** At start: a failed projection is tried again from where it stopped. */
export function retry(readModels: ReadModelStore, logger: RunnerLogger, tracked: Tracked): void {
  const { phase, projection } = tracked;
  if (phase.kind !== 'failed') return;
  logger.info({ projection: projection.name, position: phase.failure.position }, 'retrying failed projection');
  tracked.phase = transitions.retry(phase);
  readModels.checkpoints.recordFailure(projection.name, undefined);
  readModels.builds.recordFailure(projection.name, undefined);
}

/** An applier filling a build's tables without their indexes (see `BatchApplier.deferIndexes`). */
function fillingApplier(readModels: ReadModelStore, projection: Projection, generation: number): BatchApplier {
  const applier = new BatchApplier(readModels.db, readModels.builds, projection, generation);
  applier.deferIndexes();
  return applier;
}

/** Drops the tables and checkpoints of retired projections still in the file, in one transaction each. */
export function removeRetired(readModels: ReadModelStore, logger: RunnerLogger, retired: readonly RetiredProjection[]): void {
  const { db, checkpoints, builds } = readModels;
  const exists = (name: string) =>
    db.prepare<[string]>("SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?").get(name) !== undefined;
  for (const gone of retired) {
    const rows = [checkpoints.read(gone.name), builds.read(gone.name)].filter((row) => row !== undefined);
    const present = gone.tables.filter(exists);
    if (present.length === 0 && rows.length === 0) continue;
    db.transaction(() => {
      for (const table of present) dropReaderName(db, table);
      for (const row of rows) if (row.generation > 0) dropGeneration(db, [], row.generation);
      checkpoints.remove(gone.name);
      builds.remove(gone.name);
    })();
    logger.info({ projection: gone.name, tables: present }, 'retired projection removed');
  }
}

/**
 * Projection names are unique and every table has one owner: a rebuild drops only its own projection's rows. A
 * retired projection's name and tables are not reused by a live one (removing them would drop its rows).
 */
export function checkOwnership(projections: readonly Projection[], retired: readonly RetiredProjection[]): void {
  const names = new Set<string>();
  const owners = new Map<string, string>();
  for (const projection of retired) {
    names.add(projection.name);
    for (const table of projection.tables) owners.set(table, `${projection.name} (retired)`);
  }
  for (const projection of projections) {
    if (retired.some((gone) => gone.name === projection.name)) throw new Error(`'${projection.name}' is the name of a retired projection`);
    if (names.has(projection.name)) throw new Error(`Two projections are named '${projection.name}'`);
    names.add(projection.name);
    for (const table of projection.tables) {
      if (
        table.name === CHECKPOINTS_TABLE ||
        table.name === BUILDS_TABLE ||
        table.name.startsWith('sqlite_') ||
        isGenerationName(table.name)
      ) {
        throw new Error(`Projection '${projection.name}' cannot own the reserved table '${table.name}'`);
      }
      const owner = owners.get(table.name);
      if (owner !== undefined) throw new Error(`Projections '${owner}' and '${projection.name}' both own table '${table.name}'`);
      owners.set(table.name, projection.name);
    }
  }
}
