import type { ResolvedEvent } from '@eventstore/db-client';
import { type EventMetadata, EventStoreUnavailableError, type RecordedEvent } from '../port.js';
import type { UpcasterRegistry } from '../upcasting.js';

type ClientRecord = NonNullable<ResolvedEvent['event']>;

/**
 * Decodes an event the client read, in its current shape (the registry's upcasters applied). An event written
 * without metadata (by another tool) gets the metadata of a first-version event created when the server recorded it.
 */
export function toRecorded(event: ClientRecord, upcasters: UpcasterRegistry): RecordedEvent {
  if (!event.position)
    throw new EventStoreUnavailableError(`EventStoreDB sent event ${event.id} of '${event.streamId}' without a position`);
  const metadata = event.metadata && !(event.metadata instanceof Uint8Array) ? (event.metadata as unknown as EventMetadata) : undefined;
  return upcasters.upcast({
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: metadata ?? { correlationId: event.id, occurredAt: event.created.toISOString(), schemaVersion: 1 },
    stream: event.streamId,
    revision: event.revision,
    position: event.position.commit,
  });
}
