import type { NotificationEvent, InboxEvent, NotificationSubject, NotificationTopic } from '#domain';
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
    created_position: integer(),
  },
  primaryKey: ['notification_id'],
  indexes: [
    ['recipient_id', 'created_position'],
    ['recipient_id', 'read_at'],
  ],
});

/** Each participant's notifications, newest last by position, and which they have read. */
export const notificationsProjection: Projection = {
  name: 'notifications',
  version: 1,
  eventTypes: ['NotificationRecorded', 'NotificationsRead'],
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
            created_position: Number(recorded.position),
          }),
        ];
      }
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
