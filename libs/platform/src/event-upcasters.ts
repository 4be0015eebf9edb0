import { UpcasterRegistry } from '#eventstore';

/**
 * The upcasters of the platform's log, given to the event store it opens (`openEventStore`, and the read-model build
 * thread's), which applies them wherever it reads events: command handlers, the projection runner and the audit
 * trail see current shapes only. None yet: every event type is still in its first shape. A breaking change to an
 * event is a new type (`X.v2`) in libs/domain and, here, an upcaster from the old type and schema version to it;
 * stored events are never rewritten.
 */
export const eventUpcasters = new UpcasterRegistry([]);
