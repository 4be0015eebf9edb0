import { Inject, Injectable } from '@nestjs/common';
import { CATALOGUE, type EntityResult, type SqliteCatalogueReader, UnavailableError, ValidationError } from '#application';
import type { ProjectionRunner } from '#projections';
import { PLATFORM_CONFIG, type PlatformConfig, PROJECTION_RUNNER } from '#platform';

/** Read-your-writes and page sizes for the catalogue resolvers. */
@Injectable()
export class Consistency {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(CATALOGUE) readonly reader: SqliteCatalogueReader,
  ) {}

  /**
   * A query's `consistentAfter`: waits (bounded) until this instance's read models include `position`, and says so
   * with UNAVAILABLE when they do not within CONSISTENCY_TIMEOUT_MS, rather than answering from older data.
   */
  async after(position: bigint | string | null | undefined): Promise<void> {
    if (position === null || position === undefined) return;
    if (!(await this.runner.waitFor(BigInt(position), this.config.consistencyTimeoutMs))) {
      throw new UnavailableError(
        `The read models have not reached position ${String(position)} within ${this.config.consistencyTimeoutMs} ms; retry shortly.`,
      );
    }
  }

  /** A mutation's answer: the entity as the read models now show it (`load`), with its version and position. */
  async answer<Key extends string, Entity>(
    result: EntityResult,
    key: Key,
    load: (id: string) => Entity | undefined,
  ): Promise<Record<Key, Entity> & { version: number; position: string }> {
    const settled = await this.settled(result);
    const entity = load(result.id);
    if (!entity) throw new Error(`The ${key} ${result.id} is not in the read model after its write at ${settled.position}`);
    return { [key]: entity, ...settled } as Record<Key, Entity> & { version: number; position: string };
  }

  /** The payload fields every mutation answers with, once the read models include the write. */
  async settled(result: EntityResult): Promise<{ version: number; position: string }> {
    // The write is recorded whatever happens here: wait for the read models, but never turn it into an error.
    if (result.position !== undefined) await this.runner.waitFor(result.position, this.config.consistencyTimeoutMs);
    return { version: result.version, position: (result.position ?? 0n).toString() };
  }
}

/** `first` of a connection: 1 to 100. */
export function pageSize(first: number | null | undefined, fallback: number): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > 100) {
    throw new ValidationError('first must be between 1 and 100', [{ field: 'first', message: 'must be between 1 and 100' }]);
  }
  return size;
}
