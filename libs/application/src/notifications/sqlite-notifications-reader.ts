import type Database from 'better-sqlite3';
import type { NotificationSubject, NotificationTopic } from '#domain';
import type { RowOf } from '#projections';
import { decodeCursor, encodeCursor } from '../catalogue/cursor.js';
import type { Page, PageRequest } from '../catalogue/catalogue-views.js';
import { placeholders, SqlQueries } from '../read-model/sql-queries.js';
import { notificationsTable } from './notifications.projection.js';

export interface NotificationView {
  readonly id: string;
  readonly topic: NotificationTopic;
  readonly subject: NotificationSubject;
  readonly dueDate: string;
  readonly asOf: string;
  readonly recordedAt: string;
  readonly read: boolean;
}

type NotificationRow = RowOf<typeof notificationsTable>;

const toNotification = (row: NotificationRow): NotificationView => ({
  id: row.notification_id,
  topic: row.topic,
  subject: { kind: row.subject_kind, id: row.subject_id, title: row.subject_title, planId: row.plan_id, commitmentId: row.commitment_id },
  dueDate: row.due_date,
  asOf: row.as_of,
  recordedAt: row.recorded_at,
  read: row.read_at !== null,
});

const TABLE = notificationsTable.name;

/** A participant's notifications, newest first: only ever their own (every query is by recipient). */
export class SqliteNotificationsReader {
  private readonly sql: SqlQueries;

  constructor(db: Database.Database) {
    this.sql = new SqlQueries(db);
  }

  page(recipientId: string, unreadOnly: boolean, request: PageRequest): Page<NotificationView> & { readonly unreadCount: number } {
    const unread = unreadOnly ? 'AND read_at IS NULL' : '';
    const before = decodeCursor(request.after);
    const rows = this.sql.all<NotificationRow>(
      `SELECT * FROM ${TABLE} WHERE recipient_id = ? ${unread} AND (? = 0 OR created_position < ?) ORDER BY created_position DESC LIMIT ?`,
      recipientId,
      before,
      before,
      request.first + 1,
    );
    const total = this.sql.get<{ n: number }>(`SELECT count(*) AS n FROM ${TABLE} WHERE recipient_id = ? ${unread}`, recipientId);
    const items = rows.slice(0, request.first).map((row) => ({ cursor: encodeCursor(row.created_position), node: toNotification(row) }));
    return {
      items,
      hasNextPage: rows.length > request.first,
      endCursor: items.at(-1)?.cursor ?? null,
      totalCount: total?.n ?? 0,
      unreadCount: this.unreadCount(recipientId),
    };
  }

  unreadCount(recipientId: string): number {
    return (
      this.sql.get<{ n: number }>(`SELECT count(*) AS n FROM ${TABLE} WHERE recipient_id = ? AND read_at IS NULL`, recipientId)?.n ?? 0
    );
  }

  /** The recipient's unread notifications, oldest first (at most `limit`). */
  unreadIds(recipientId: string, limit: number): string[] {
    return this.sql
      .all<Pick<NotificationRow, 'notification_id'>>(
        `SELECT notification_id FROM ${TABLE} WHERE recipient_id = ? AND read_at IS NULL ORDER BY created_position LIMIT ?`,
        recipientId,
        limit,
      )
      .map((row) => row.notification_id);
  }

  /** Notifications whose e-mail has not gone out yet, oldest first (at most `limit`): the mailer's work. */
  awaitingMail(limit: number): (NotificationView & { readonly recipientId: string })[] {
    return this.sql
      .all<NotificationRow>(`SELECT * FROM ${TABLE} WHERE mail IS NULL ORDER BY created_position LIMIT ?`, limit)
      .map((row) => ({ ...toNotification(row), recipientId: row.recipient_id }));
  }

  /** Which of `ids` are notifications of this recipient. */
  ownedBy(recipientId: string, ids: readonly string[]): Set<string> {
    if (ids.length === 0) return new Set();
    return new Set(
      this.sql
        .all<Pick<NotificationRow, 'notification_id'>>(
          `SELECT notification_id FROM ${TABLE} WHERE recipient_id = ? AND notification_id IN (${placeholders(ids.length)})`,
          recipientId,
          ...ids,
        )
        .map((row) => row.notification_id),
    );
  }
}
