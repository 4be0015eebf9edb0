import { COMMITMENT_EVENT_TYPES, commitmentStream, PLAN_EVENT_TYPES, planStream, STAKEHOLDER_EVENT_TYPES, stakeholderStream, TRACKING_EVENT_TYPES } from '#domain';
import type { EventStore, RecordedEvent } from '#eventstore';
import type { HistoryEntryView } from './catalogue-views.js';
import { describeEvent } from './projections/describe-event.js';

/** The event types an audit trail shows: plans', stakeholders' and commitments' own (participants' carry personal data). */
const AUDITED = new Set<string>([...PLAN_EVENT_TYPES, ...STAKEHOLDER_EVENT_TYPES, ...COMMITMENT_EVENT_TYPES, ...TRACKING_EVENT_TYPES]);

/** Display names of participants by subject (the participants read model). */
export type DisplayNames = (subjects: readonly string[]) => ReadonlyMap<string, string>;

/**
 * The audit trail of a plan, stakeholder or commitment, read from its own stream: the log is the record, so the
 * trail is never behind it and is not copied into a read model. Actors appear by display name (a youth
 * participant's is their pseudonym); subjects that are not registered participants appear as "unregistered user".
 */
export async function auditTrail(store: EventStore, displayNames: DisplayNames, entityId: string): Promise<HistoryEntryView[]> {
  const streams = await Promise.all([planStream, stakeholderStream, commitmentStream].map((stream) => store.readStream(stream(entityId))));
  const events = streams.flat().filter((event) => AUDITED.has(event.type));
  events.sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
  const names = displayNames([...new Set(events.flatMap((event) => (event.metadata.actor === undefined ? [] : [event.metadata.actor])))]);
  return events.map((event) => entryOf(event, names));
}

function entryOf(event: RecordedEvent, names: ReadonlyMap<string, string>): HistoryEntryView {
  const { changes, reason } = describeEvent(event);
  const actor = event.metadata.actor;
  return {
    position: event.position,
    at: event.metadata.occurredAt,
    type: event.type,
    actor: actor === 'system' ? 'system' : actor?.startsWith('cli:') ? 'operator' : ((actor && names.get(actor)) ?? 'unregistered user'),
    changes,
    reason,
  };
}
