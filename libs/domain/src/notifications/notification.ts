import type { Decider, DomainEvent } from '../decider.js';
import type { CalendarDate } from '../shared/values.js';

/**
 * A notification: something a participant is told once (a deadline coming or passed). Its id is derived from what it
 * says and to whom (`notificationKey`), so however often a reminder pass runs, on however many api instances, the
 * second recording of the same notification finds its stream already written and records nothing.
 */
export const NOTIFICATION_TOPICS = ['DEADLINE_DUE_SOON', 'DEADLINE_OVERDUE'] as const;
export type NotificationTopic = (typeof NOTIFICATION_TOPICS)[number];

/** What a notification is about: a commitment, milestone or task, with what a reader needs to find it. */
export interface NotificationSubject {
  readonly kind: 'COMMITMENT' | 'MILESTONE' | 'TASK';
  readonly id: string;
  readonly title: string;
  readonly planId: string;
  readonly commitmentId: string;
}

export interface NotificationRecord {
  readonly notificationId: string;
  readonly recipientId: string;
  readonly topic: NotificationTopic;
  readonly subject: NotificationSubject;
  /** The due date the notification speaks of (a deadline moved later is a new notification). */
  readonly dueDate: CalendarDate;
  /** The day the reminder pass judged the deadline on. */
  readonly asOf: CalendarDate;
}

export type NotificationRecorded = DomainEvent<'NotificationRecorded', NotificationRecord>;
export type NotificationEvent = NotificationRecorded;
export const NOTIFICATION_EVENT_TYPES: readonly NotificationEvent['type'][] = ['NotificationRecorded'];

export type RecordNotification = { readonly type: 'RecordNotification' } & NotificationRecord;

export interface NotificationState {
  readonly recorded: boolean;
}

/** The key a notification's id is derived from: the same reminder for the same person is the same notification. */
export function notificationKey(record: Pick<NotificationRecord, 'recipientId' | 'topic' | 'subject' | 'dueDate'>): string {
  return ['notification', record.recipientId, record.topic, record.subject.kind, record.subject.id, record.dueDate].join('|');
}

export const notificationDecider: Decider<NotificationState, RecordNotification, NotificationEvent> = {
  initialState: { recorded: false },
  evolve: (state, event) => (event.type === 'NotificationRecorded' ? { recorded: true } : state),
  // Recorded once: a second pass (a retry, a restart, another instance) decides nothing.
  decide: ({ type: _type, ...record }, state) => (state.recorded ? [] : [{ type: 'NotificationRecorded', data: record }]),
};
