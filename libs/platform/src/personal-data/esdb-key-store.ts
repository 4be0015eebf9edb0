import { randomBytes, randomUUID } from 'node:crypto';
import {
  type EventStoreDBClient,
  jsonEvent,
  NO_STREAM,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  binaryEvent,
} from '@eventstore/db-client';
import { EventStoreUnavailableError } from '#eventstore';
import { connectEsdb } from '#eventstore/esdb/esdb-event-store';
import { type KeyStore, type SubjectEntry, subjectHash } from '#application';

/** The stream that holds one participant's key. */
export const keyStreamOf = (participantId: string): string => `participant-key-${participantId}`;
/** The stream that says which participant a subject is, by the subject's keyed hash. */
const subjectStreamOf = (hash: string): string => `participant-subject-${hash}`;
/** The stream of the secret the subject index hashes with. */
const SECRET_STREAM = 'platform-subject-index-key';
/** `$` types: the event store adapter hides them from readers and subscribers, so none reaches a projection. */
export const KEY_EVENT_TYPE = '$PersonalDataKey';
const SUBJECT_EVENT_TYPE = '$SubjectIndexed';

/**
 * Per-person keys and the subject index in the EventStoreDB cluster itself, so that every api instance sees the same
 * and an erasure through one instance holds on all: one stream per participant's key (`participant-key-<id>`), one per
 * indexed subject (`participant-subject-<keyed hash>`), and the index's secret (`platform-subject-index-key`). Erasure
 * tombstones the key's and the subject's streams: from then on they can be neither read nor written again (a
 * tombstoned subject reads as erased), and the bytes are removed from disk by the next scavenge (schedule one; see
 * infra/README.md). Nothing is cached, so an erasure takes effect on the next read everywhere.
 */
export class EsdbKeyStore implements KeyStore {
  private readonly client: EventStoreDBClient;
  private secret: Promise<Buffer> | undefined;

  constructor(connectionString: string) {
    this.client = connectEsdb(connectionString);
  }

  async keyFor(participantId: string): Promise<Buffer> {
    const existing = await this.existingKey(participantId);
    if (existing) return existing;
    const key = randomBytes(32);
    const created = await this.createOnce(keyStreamOf(participantId), binaryEvent({ id: randomUUID(), type: KEY_EVENT_TYPE, data: key }));
    if (created) return key;
    const theirs = await this.existingKey(participantId);
    if (!theirs) throw new Error(`The personal-data key of participant ${participantId} was erased`);
    return theirs;
  }

  async existingKey(participantId: string): Promise<Buffer | undefined> {
    const data = await this.first(keyStreamOf(participantId));
    return data instanceof Uint8Array ? Buffer.from(data) : undefined;
  }

  async destroy(participantId: string, subject: string | undefined): Promise<void> {
    const streams = [
      keyStreamOf(participantId),
      ...(subject === undefined ? [] : [subjectStreamOf(subjectHash(await this.indexSecret(), subject))]),
    ];
    for (const stream of streams) {
      try {
        await this.client.tombstoneStream(stream, { requiresLeader: true });
      } catch (error) {
        if (!(error instanceof StreamDeletedError)) throw unavailable(error);
      }
    }
  }

  async subjectEntry(subject: string): Promise<SubjectEntry> {
    const data = await this.first(subjectStreamOf(subjectHash(await this.indexSecret(), subject)));
    if (data === 'deleted') return 'erased';
    return data && !(data instanceof Uint8Array) ? { participantId: (data as { participantId: string }).participantId } : undefined;
  }

  async rememberSubject(subject: string, participantId: string): Promise<SubjectEntry> {
    const stream = subjectStreamOf(subjectHash(await this.indexSecret(), subject));
    await this.createOnce(stream, jsonEvent({ id: randomUUID(), type: SUBJECT_EVENT_TYPE, data: { participantId } }));
    return this.subjectEntry(subject);
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }

  /** The index's secret: created once for the whole cluster (the first instance to write it wins). */
  private indexSecret(): Promise<Buffer> {
    this.secret ??= (async () => {
      const existing = await this.first(SECRET_STREAM);
      if (existing instanceof Uint8Array) return Buffer.from(existing);
      await this.createOnce(SECRET_STREAM, binaryEvent({ id: randomUUID(), type: KEY_EVENT_TYPE, data: randomBytes(32) }));
      const secret = await this.first(SECRET_STREAM);
      if (!(secret instanceof Uint8Array)) throw new Error('The subject index has no secret');
      return Buffer.from(secret);
    })().catch((error: unknown) => {
      this.secret = undefined;
      throw error;
    });
    return this.secret;
  }

  /** Writes a stream's one event unless the stream exists (or existed): true when this call wrote it. */
  private async createOnce(stream: string, event: ReturnType<typeof binaryEvent> | ReturnType<typeof jsonEvent>): Promise<boolean> {
    try {
      await this.client.appendToStream(stream, event, { expectedRevision: NO_STREAM, requiresLeader: true });
      return true;
    } catch (error) {
      if (error instanceof WrongExpectedVersionError || error instanceof StreamDeletedError) return false;
      throw unavailable(error);
    }
  }

  /** The data of a stream's first event; undefined without one, `deleted` once tombstoned. */
  private async first(stream: string): Promise<unknown> {
    let data: unknown;
    try {
      for await (const resolved of this.client.readStream(stream, { maxCount: 1, requiresLeader: true })) data = resolved.event?.data;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      if (error instanceof StreamDeletedError) return 'deleted';
      throw unavailable(error);
    }
    return data;
  }
}

const unavailable = (error: unknown) =>
  new EventStoreUnavailableError(
    `EventStoreDB could not serve personal-data keys: ${error instanceof Error ? error.message : String(error)}`,
    {
      cause: error,
    },
  );
