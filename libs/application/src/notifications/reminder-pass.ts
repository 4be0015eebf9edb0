import {
  type CalendarDate,
  notificationDecider,
  notificationKey,
  type NotificationRecord,
  type NotificationTopic,
  type RecordNotification,
} from '#domain';
import type { EventStore } from '#eventstore';
import { v5 as uuidv5 } from 'uuid';
import type { SqliteCatalogueReader } from '../catalogue/sqlite-catalogue-reader.js';
import type { CommandContext } from '../kernel/command-context.js';
import { executeCommand } from '../kernel/execute-command.js';
import type { ParticipantsReader } from '../participants/read-model/participant-views.js';
import type { SqliteTrackingReader } from '../tracking/sqlite-tracking-reader.js';
import { notificationStream } from './notification-streams.js';

/** The namespace notification ids are derived in (UUID v5 of `notificationKey`). */
const NOTIFICATION_NAMESPACE = '5b0f5c0e-8f0a-5a8e-9a55-2f6c1d7e4b21';

/** What one reminder pass did: notifications it found due and how many of them it recorded now (the rest were already). */
export interface ReminderPassReport {
  readonly asOf: CalendarDate;
  readonly due: number;
  readonly recorded: number;
}

export interface ReminderSources {
  readonly store: EventStore;
  readonly catalogue: SqliteCatalogueReader;
  readonly tracking: SqliteTrackingReader;
  readonly participants: ParticipantsReader;
}

const TOPIC: Record<'DUE_SOON' | 'OVERDUE', NotificationTopic> = { DUE_SOON: 'DEADLINE_DUE_SOON', OVERDUE: 'DEADLINE_OVERDUE' };

/**
 * The reminders due on `asOf`, as notifications: for every commitment, milestone and task of an adopted plan that is
 * due soon or overdue on that day, and for every report missing for a reporting period that ended in the 30 days
 * before, one to each focal point of the commitment's owner; for every commitment still
 * proposed, one to each coordinator of its plan (it waits for them to activate it). Each is recorded on a stream
 * named by what it says and to whom, decided against what that stream holds (recorded once: a pass run again, killed
 * half-way and restarted, or run by two api instances at once, records nothing twice; the event store's expected
 * revision settles a race).
 */
export function dueReminders(sources: Omit<ReminderSources, 'store'>, asOf: CalendarDate): NotificationRecord[] {
  const due: NotificationRecord[] = [];
  for (let after: string | null = null; ;) {
    const plans = sources.catalogue.plans({ status: 'ADOPTED' }, { first: 100, after });
    for (const { node: plan } of plans.items) {
      due.push(...awaitingActivation(sources, plan.id, asOf));
      due.push(...missingReports(sources, plan.id, asOf));
      const deadlines = sources.tracking.deadlines(plan.id, { statuses: ['DUE_SOON', 'OVERDUE'] }, asOf);
      if (deadlines.length === 0) continue;
      const owners = new Map(
        sources.catalogue.commitmentsByIds([...new Set(deadlines.map((d) => d.commitmentId))]).map((c) => [c.id, c.ownerId]),
      );
      const focalPoints = new Map<string, string[]>();
      for (const deadline of deadlines) {
        const owner = owners.get(deadline.commitmentId);
        if (!owner || (deadline.status !== 'DUE_SOON' && deadline.status !== 'OVERDUE')) continue;
        if (!focalPoints.has(owner)) focalPoints.set(owner, focalPointsOf(sources.participants, owner));
        for (const recipientId of focalPoints.get(owner) ?? []) {
          const record = {
            recipientId,
            topic: TOPIC[deadline.status],
            subject: { kind: deadline.kind, id: deadline.id, title: deadline.title, planId: plan.id, commitmentId: deadline.commitmentId },
            dueDate: deadline.dueDate,
            asOf,
          };
          due.push(withId(record));
        }
      }
    }
    if (!plans.hasNextPage) break;
    after = plans.endCursor;
  }
  return due;
}

const withId = (record: Omit<NotificationRecord, 'notificationId'>): NotificationRecord => ({
  notificationId: uuidv5(notificationKey(record), NOTIFICATION_NAMESPACE),
  ...record,
});

/** The plan's proposed commitments, one notification to each of its coordinators. */
function awaitingActivation(sources: Omit<ReminderSources, 'store'>, planId: string, asOf: CalendarDate): NotificationRecord[] {
  const found: NotificationRecord[] = [];
  let coordinators: string[] | undefined;
  for (let after: string | null = null; ;) {
    const page = sources.catalogue.commitments({ planId, status: 'PROPOSED' }, { first: 100, after });
    for (const { node: commitment } of page.items) {
      coordinators ??= holdersOf(sources.participants, 'COORDINATOR', planId);
      for (const recipientId of coordinators) {
        const subject = { kind: 'COMMITMENT', id: commitment.id, title: commitment.title, planId, commitmentId: commitment.id } as const;
        found.push(withId({ recipientId, topic: 'COMMITMENT_AWAITING_ACTIVATION', subject, dueDate: commitment.dueDate, asOf }));
      }
    }
    if (!page.hasNextPage) return found;
    after = page.endCursor;
  }
}

/** How long after a reporting period ends a report missing for it is still reminded (on a first pass over an old log). */
export const MISSING_REPORT_WINDOW_DAYS = 30;

/** Reports missing for a period that ended lately, one notification to each focal point of the commitment's owner. */
function missingReports(sources: Omit<ReminderSources, 'store'>, planId: string, asOf: CalendarDate): NotificationRecord[] {
  const focalPoints = new Map<string, string[]>();
  return sources.tracking.missingReports(planId, asOf, MISSING_REPORT_WINDOW_DAYS).flatMap((missing) => {
    if (!focalPoints.has(missing.ownerId)) focalPoints.set(missing.ownerId, focalPointsOf(sources.participants, missing.ownerId));
    const subject = {
      kind: 'COMMITMENT',
      id: missing.commitmentId,
      title: missing.title,
      planId,
      commitmentId: missing.commitmentId,
    } as const;
    return (focalPoints.get(missing.ownerId) ?? []).map((recipientId) =>
      withId({ recipientId, topic: 'REPORT_MISSING', subject, dueDate: missing.periodEnd, asOf }),
    );
  });
}

function focalPointsOf(participants: ParticipantsReader, stakeholderId: string): string[] {
  return holdersOf(participants, 'FOCAL_POINT', stakeholderId);
}

/** Who holds `role` on `scope`. */
function holdersOf(participants: ParticipantsReader, role: 'FOCAL_POINT' | 'COORDINATOR', scope: string): string[] {
  const ids: string[] = [];
  for (let after: string | null = null; ;) {
    const page = participants.page({ role, scope }, { first: 100, after });
    ids.push(...page.items.map((item) => item.node.id));
    if (!page.hasNextPage) return ids;
    after = page.endCursor;
  }
}

/**
 * Records each due reminder that is not recorded yet, one stream at a time (see `dueReminders`); an aborted pass stops
 * between two (the next pass records the rest).
 */
export async function runReminderPass(
  sources: ReminderSources,
  asOf: CalendarDate,
  context: CommandContext,
  signal?: AbortSignal,
): Promise<ReminderPassReport> {
  const due = dueReminders(sources, asOf);
  let recorded = 0;
  for (const record of due) {
    if (signal?.aborted) break;
    const command: RecordNotification = { type: 'RecordNotification', ...record };
    const outcome = await executeCommand({
      store: sources.store,
      stream: notificationStream(record.notificationId),
      decider: notificationDecider,
      command,
      context,
    });
    if (outcome.events.length > 0) recorded += 1;
  }
  return { asOf, due: due.length, recorded };
}
