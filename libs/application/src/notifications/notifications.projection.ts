import type { InboxEvent, MailOutcome, NotificationEvent, NotificationSubject, NotificationTopic } from '#domain';
import { defineTable, integer, type Projection, type RowChange, text } from '#projections';
import { typed, upsert } from '../read-model/rows.js';

export const notificationsTable = defineTable({
  name: 'notifications',
  columns: {
    notification_id: text(),
    recipient_id: text(),
    topic: text<NotificationTopic>(),
    subject_kind: text<NotificationSubject['kind']>(),
    subject_id: text(),
    subject_title: text(),
    plan_id: text(),
    commitment_id: text(),
    due_date: text(),
    as_of: text(),
    recorded_at: text(),
    /** Null until its recipient marks it read. */
    read_at: text.orNull(),
    /** Null until its e-mail is sent (or found to have no address): what the mailer still has to do. */
    mail: text.orNull<MailOutcome>(),
    created_position: integer(),
  },
  primaryKey: ['notification_id'],
  indexes: [
    ['recipient_id', 'created_position'],
    ['recipient_id', 'read_at'],
    ['mail', 'created_position'],
  ],
});

/** Each participant's notifications, by position, which they have read, and whether their e-mail went out. */
export const notificationsProjection: Projection = {
  name: 'notifications',
  version: 1,
  eventTypes: ['NotificationRecorded', 'NotificationMailed', 'NotificationsRead'],
  tables: [notificationsTable],
  project(recorded, view): RowChange[] {
    const event = recorded as unknown as NotificationEvent | InboxEvent;
    switch (event.type) {
      case 'NotificationRecorded': {
        const { notificationId, recipientId, topic, subject, dueDate, asOf } = event.data;
        return [
          upsert(notificationsTable, {
            notification_id: notificationId,
            recipient_id: recipientId,
            topic,
            subject_kind: subject.kind,
            subject_id: subject.id,
            subject_title: subject.title,
            plan_id: subject.planId,
            commitment_id: subject.commitmentId,
            due_date: dueDate,
            as_of: asOf,
            recorded_at: recorded.metadata.occurredAt,
            read_at: null,
            mail: null,
            created_position: Number(recorded.position),
          }),
        ];
      }
      case 'NotificationMailed':
        return [upsert(notificationsTable, { notification_id: event.data.notificationId, mail: event.data.outcome })];
      case 'NotificationsRead': {
        const rows = typed(view);
        return event.data.notificationIds
          .filter((id) => rows.get(notificationsTable, { notification_id: id })?.recipient_id === event.data.participantId)
          .map((id) => upsert(notificationsTable, { notification_id: id, read_at: recorded.metadata.occurredAt }));
      }
      default:
        return [];
    }
  },
};
