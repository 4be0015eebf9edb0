import { assertNever, type Decider, type DomainEvent } from '../decider.js';
import { RuleViolation } from '../rule-violation.js';
import type { CalendarDate } from '../shared/values.js';

/**
 * A notification: something a participant is told once (a deadline coming or passed). Its id is derived from what it
 * says and to whom (`notificationKey`), so however often a reminder pass runs, on however many api instances, the
 * second recording of the same notification finds its stream already written and records nothing.
 */
export const NOTIFICATION_TOPICS = ['DEADLINE_DUE_SOON', 'DEADLINE_OVERDUE', 'REPORT_MISSING', 'COMMITMENT_AWAITING_ACTIVATION'] as const;
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
  /**
   * The due date the notification speaks of (a deadline moved later is a new notification): a commitment's own, or the
   * last day of the reporting period a report is missing for.
   */
  readonly dueDate: CalendarDate;
  /** The day the reminder pass judged the deadline on. */
  readonly asOf: CalendarDate;
}

export type NotificationRecorded = DomainEvent<'NotificationRecorded', NotificationRecord>;

/**
 * What became of the notification's e-mail: SENT (handed to the mail server, or written to the outbox), or NO_ADDRESS
 * (the recipient has no e-mail address, or was erased). Never the address itself: that is personal data.
 */
export type MailOutcome = 'SENT' | 'NO_ADDRESS';
export type NotificationMailed = DomainEvent<
  'NotificationMailed',
  { readonly notificationId: string; readonly outcome: MailOutcome; readonly messageId: string | null }
>;

/**
 * One sender (an api instance) takes the notification's e-mail on itself before sending it: of several instances, the
 * one whose claim is recorded first sends. A claim older than `MAIL_CLAIM_MINUTES` without an outcome (its sender
 * stopped in between) may be taken over.
 */
export type NotificationMailClaimed = DomainEvent<
  'NotificationMailClaimed',
  { readonly notificationId: string; readonly by: string; readonly at: string }
>;
export const MAIL_CLAIM_MINUTES = 10;

export type NotificationEvent = NotificationRecorded | NotificationMailClaimed | NotificationMailed;
export const NOTIFICATION_EVENT_TYPES: readonly NotificationEvent['type'][] = [
  'NotificationRecorded',
  'NotificationMailClaimed',
  'NotificationMailed',
];

export type RecordNotification = { readonly type: 'RecordNotification' } & NotificationRecord;
export interface RecordMailing {
  readonly type: 'RecordMailing';
  readonly notificationId: string;
  readonly outcome: MailOutcome;
  readonly messageId: string | null;
}
export interface ClaimMailing {
  readonly type: 'ClaimMailing';
  readonly notificationId: string;
  readonly by: string;
}
export type NotificationCommand = RecordNotification | ClaimMailing | RecordMailing;

export interface NotificationState {
  readonly recorded: boolean;
  readonly mailed: boolean;
  /** The latest claim on its e-mail: who, and when (ISO instant). */
  readonly claim: { readonly by: string; readonly at: string } | null;
}

/** The key a notification's id is derived from: the same reminder for the same person is the same notification. */
export function notificationKey(record: Pick<NotificationRecord, 'recipientId' | 'topic' | 'subject' | 'dueDate'>): string {
  return ['notification', record.recipientId, record.topic, record.subject.kind, record.subject.id, record.dueDate].join('|');
}

export const notificationDecider: Decider<NotificationState, NotificationCommand, NotificationEvent> = {
  initialState: { recorded: false, mailed: false, claim: null },
  evolve: (state, event) => {
    if (event.type === 'NotificationRecorded') return { ...state, recorded: true };
    if (event.type === 'NotificationMailClaimed') {
      const { by, at } = (event as NotificationMailClaimed).data;
      return { ...state, claim: { by, at } };
    }
    if (event.type === 'NotificationMailed') return { ...state, mailed: true };
    return state;
  },
  decide: (command, state, now) => {
    switch (command.type) {
      // Recorded once: a second pass (a retry, a restart, another instance) decides nothing.
      case 'RecordNotification': {
        const { type: _type, ...record } = command;
        return state.recorded ? [] : [{ type: 'NotificationRecorded', data: record }];
      }
      // Taken by one sender: nothing to claim once mailed, or while another sender's claim is fresh (the same sender
      // claims again to retry a failed send).
      case 'ClaimMailing': {
        if (!state.recorded) throw new RuleViolation('notification.not_found', 'There is no such notification.');
        const { claim } = state;
        const fresh = claim !== null && claim.by !== command.by && now.getTime() - Date.parse(claim.at) < MAIL_CLAIM_MINUTES * 60_000;
        if (state.mailed || fresh) return [];
        return [
          { type: 'NotificationMailClaimed', data: { notificationId: command.notificationId, by: command.by, at: now.toISOString() } },
        ];
      }
      // Its e-mail's fate is recorded once too (the outbox file or the mail server's answer), after the notification.
      case 'RecordMailing': {
        if (!state.recorded) throw new RuleViolation('notification.not_found', 'There is no such notification.');
        const { notificationId, outcome, messageId } = command;
        return state.mailed ? [] : [{ type: 'NotificationMailed', data: { notificationId, outcome, messageId } }];
      }
      default:
        return assertNever(command);
    }
  },
};
