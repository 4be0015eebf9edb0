import { randomBytes, randomUUID } from 'node:crypto';
import {
  type EventStoreDBClient,
  NO_STREAM,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  binaryEvent,
} from '@eventstore/db-client';
import { EventStoreUnavailableError } from '#eventstore';
import { connectEsdb } from '#eventstore/esdb/esdb-event-store';
import type { KeyStore } from '#application';

/** The stream that holds one participant's key. */
export const keyStreamOf = (participantId: string): string => `participant-key-${participantId}`;
/** A `$` type: the event store adapter hides it from readers and subscribers, so keys never reach a projection. */
export const KEY_EVENT_TYPE = '$PersonalDataKey';

/**
 * Per-person keys in the EventStoreDB cluster itself, so that every api instance sees the same keys and an erasure
 * through one instance holds on all: one stream per participant (`participant-key-<id>`) holding a single binary
 * event. Erasure tombstones the stream: from then on it can be neither read nor written again, and the key's bytes
 * are removed from disk by the next scavenge (schedule one; see infra/README.md). Keys are not cached, so an
 * erasure takes effect on the next read everywhere.
 */
export class EsdbKeyStore implements KeyStore {
  private readonly client: EventStoreDBClient;

  constructor(connectionString: string) {
    this.client = connectEsdb(connectionString);
  }

  async keyFor(participantId: string): Promise<Buffer> {
    const existing = await this.existingKey(participantId);
    if (existing) return existing;
    const key = randomBytes(32);
    try {
      await this.client.appendToStream(
        keyStreamOf(participantId),
        binaryEvent({ id: randomUUID(), type: KEY_EVENT_TYPE, data: key }),
        { expectedRevision: NO_STREAM, requiresLeader: true },
      );
      return key;
    } catch (error) {
      // Another instance created it first: use theirs.
      if (error instanceof WrongExpectedVersionError) {
        const theirs = await this.existingKey(participantId);
        if (theirs) return theirs;
      }
      if (error instanceof StreamDeletedError) throw new Error(`The personal-data key of participant ${participantId} was erased`);
      throw unavailable(error);
    }
  }

  async existingKey(participantId: string): Promise<Buffer | undefined> {
    let key: Buffer | undefined;
    try {
      for await (const resolved of this.client.readStream(keyStreamOf(participantId), { maxCount: 1, requiresLeader: true })) {
        const data = resolved.event?.data;
        if (data instanceof Uint8Array) key = Buffer.from(data);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError || error instanceof StreamDeletedError) return undefined;
      throw unavailable(error);
    }
    return key;
  }

  async destroy(participantId: string): Promise<void> {
    try {
      await this.client.tombstoneStream(keyStreamOf(participantId), { requiresLeader: true });
    } catch (error) {
      if (error instanceof StreamDeletedError) return;
      throw unavailable(error);
    }
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }
}

const unavailable = (error: unknown) =>
  new EventStoreUnavailableError(`EventStoreDB could not serve a personal-data key: ${error instanceof Error ? error.message : String(error)}`, {
    cause: error,
  });
