import {
  COMMITMENT_EVENT_TYPES,
  commitmentStream,
  PLAN_EVENT_TYPES,
  planStream,
  type ProgressReported,
  STAKEHOLDER_EVENT_TYPES,
  stakeholderStream,
  TRACKING_EVENT_TYPES,
  type Visibility,
} from '#domain';
import type { EventStore, RecordedEvent } from '#eventstore';
import type { HistoryEntryView } from './catalogue-views.js';
import { describeEvent } from './projections/describe-event.js';

/** The event types an audit trail shows: plans', stakeholders' and commitments' own (participants' carry personal data). */
const AUDITED = new Set<string>([...PLAN_EVENT_TYPES, ...STAKEHOLDER_EVENT_TYPES, ...COMMITMENT_EVENT_TYPES, ...TRACKING_EVENT_TYPES]);

/** Display names of participants by the actor an event names (the participants read model). */
export type DisplayNames = (actors: readonly string[]) => ReadonlyMap<string, string>;

/** Whether the reader may see the details of a progress report at this visibility level. */
export type MayReadReport = (visibility: Visibility) => boolean;

/**
 * The audit trail of a plan, stakeholder or commitment, read from its own stream: the log is the record, so the
 * trail is never behind it and is not copied into a read model. Actors appear by display name (a youth
 * participant's is their pseudonym); actors that are not registered participants appear as "unregistered user".
 * A progress report's details follow its visibility level here as everywhere: below it, the trail shows neither its
 * evidence links nor what a monitor wrote about it (narratives never appear in the trail).
 */
export async function auditTrail(
  store: EventStore,
  displayNames: DisplayNames,
  entityId: string,
  mayReadReport: MayReadReport,
): Promise<HistoryEntryView[]> {
  const streams = await Promise.all([planStream, stakeholderStream, commitmentStream].map((stream) => store.readStream(stream(entityId))));
  const events = streams.flat().filter((event) => AUDITED.has(event.type));
  events.sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
  const names = displayNames([...new Set(events.flatMap((event) => (event.metadata.actor === undefined ? [] : [event.metadata.actor])))]);
  const reportVisibility = new Map(
    events
      .filter((event) => event.type === 'ProgressReported')
      .map((event) => [(event.data as ProgressReported['data']).reportId, (event.data as ProgressReported['data']).visibility]),
  );
  const readable = (reportId: string): boolean => mayReadReport(reportVisibility.get(reportId) ?? 'RESTRICTED');
  return events.map((event) => atReaderLevel(entryOf(event, names), event, readable));
}

/** An entry about a report the reader may not read in detail: its evidence links and the monitor's words left out. */
function atReaderLevel(entry: HistoryEntryView, event: RecordedEvent, readable: (reportId: string) => boolean): HistoryEntryView {
  const { reportId } = event.data as { reportId?: unknown };
  if (typeof reportId !== 'string' || readable(reportId)) return entry;
  if (event.type === 'ProgressReported') {
    const changes = entry.changes.map((change) => ({ ...change, to: { ...(change.to as object), evidenceLinks: [] } }));
    return { ...entry, changes };
  }
  return { ...entry, reason: null };
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
