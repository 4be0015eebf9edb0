import type { Decider, DomainEvent } from '../decider.js';
import { RuleViolation } from '../rule-violation.js';

/** A participant's inbox: which of their notifications they have read. */
export type NotificationsRead = DomainEvent<
  'NotificationsRead',
  { readonly participantId: string; readonly notificationIds: readonly string[] }
>;
export type InboxEvent = NotificationsRead;
export const INBOX_EVENT_TYPES: readonly InboxEvent['type'][] = ['NotificationsRead'];

/** `notificationIds`: the recipient's own notifications (the caller checks whose they are). */
export interface MarkNotificationsRead {
  readonly type: 'MarkNotificationsRead';
  readonly participantId: string;
  readonly notificationIds: readonly string[];
}

export interface InboxState {
  readonly read: ReadonlySet<string>;
}

/** How many notifications one mark may name. */
export const MAX_MARKED = 500;

export const inboxDecider: Decider<InboxState, MarkNotificationsRead, InboxEvent> = {
  initialState: { read: new Set() },
  evolve: (state, event) =>
    event.type === 'NotificationsRead' ? { read: new Set([...state.read, ...(event as NotificationsRead).data.notificationIds]) } : state,
  decide: ({ participantId, notificationIds }, state) => {
    if (notificationIds.length > MAX_MARKED)
      throw new RuleViolation('inbox.too_many', `At most ${MAX_MARKED} notifications can be marked read at once.`);
    // Those already read are left out; nothing new to mark records nothing.
    const unread = [...new Set(notificationIds)].filter((id) => !state.read.has(id));
    return unread.length === 0 ? [] : [{ type: 'NotificationsRead', data: { participantId, notificationIds: unread } }];
  },
};
