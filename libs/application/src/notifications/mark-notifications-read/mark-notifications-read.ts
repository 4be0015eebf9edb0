import { inboxDecider, type InboxEvent, type InboxState, MAX_MARKED, type MarkNotificationsRead } from '#domain';
import { ForbiddenError, NotFoundError } from '../../errors.js';
import type { EntityResult, UseCase } from '../../kernel/use-case.js';
import { inboxStream } from '../notification-streams.js';

export interface MarkNotificationsReadInput {
  /** Absent: every unread notification of the caller (up to MAX_MARKED). */
  readonly ids: readonly string[] | null;
}

export type MarkNotificationsReadResult = EntityResult & { readonly marked: number };

/** Participants mark their own notifications read; another's is not there for them. */
export const markNotificationsRead: UseCase<
  MarkNotificationsReadInput,
  InboxState,
  MarkNotificationsRead,
  InboxEvent,
  MarkNotificationsReadResult
> = {
  name: 'MarkNotificationsRead',
  decider: inboxDecider,
  target: ({ context }) => ({ id: context.actor, stream: inboxStream(context.actor) }),
  authorize({ ports, context }) {
    if (!ports.participants.byId(context.actor)) throw new ForbiddenError('Only registered participants have notifications.');
  },
  command({ ports, context, input }) {
    const ids = input.ids ?? ports.notifications.unreadIds(context.actor, MAX_MARKED);
    const own = ports.notifications.ownedBy(context.actor, ids);
    if (ids.some((id) => !own.has(id))) throw new NotFoundError('There is no such notification.');
    return { type: 'MarkNotificationsRead', participantId: context.actor, notificationIds: ids };
  },
  result: (entity, _command, outcome) => ({
    ...entity,
    marked: outcome.events.reduce((sum, event) => sum + ((event.data as { notificationIds?: unknown[] }).notificationIds?.length ?? 0), 0),
  }),
};
