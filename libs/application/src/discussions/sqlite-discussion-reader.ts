import type Database from 'better-sqlite3';
import type { CommentStatus } from '#domain';
import type { RowOf } from '#projections';
import { decodeCursor, encodeCursor } from '../catalogue/cursor.js';
import type { Page, PageRequest } from '../catalogue/catalogue-views.js';
import { SqlQueries } from '../read-model/sql-queries.js';
import { participantsTable } from '../participants/read-model/participants.projection.js';
import { commentsTable, discussionMilestonesTable } from './discussions.projection.js';

export interface CommentView {
  readonly id: string;
  readonly milestoneId: string;
  readonly planId: string | null;
  readonly authorId: string;
  /** The author's display name: for youth, their pseudonym. */
  readonly author: string;
  readonly text: string;
  readonly redactions: number;
  readonly status: CommentStatus;
  readonly flags: number;
  /** Why a coordinator hid it (its author and the plan's coordinators read it). */
  readonly hiddenReason: string | null;
  readonly postedAt: string;
}

/** A comment with its author's display name (null when the author is not a registered participant). */
type CommentRow = RowOf<typeof commentsTable> & { readonly display_name: RowOf<typeof participantsTable>['display_name'] | null };

const toComment = (row: CommentRow): CommentView => ({
  id: row.comment_id,
  milestoneId: row.milestone_id,
  planId: row.plan_id,
  authorId: row.author_id,
  author: row.display_name ?? 'participant',
  text: row.text,
  redactions: row.redactions,
  status: row.status,
  flags: row.flags,
  hiddenReason: row.hidden_reason,
  postedAt: row.posted_at,
});

const SELECT = `SELECT c.*, p.display_name FROM ${commentsTable.name} c LEFT JOIN ${participantsTable.name} p ON p.participant_id = c.author_id`;

/**
 * Comments as a reader may see them: visible ones to anyone; pending, hidden and withdrawn ones only to their author and
 * moderators (the plan's coordinators, admins). Nothing else reads a comment's text.
 */
export class SqliteDiscussionReader {
  readonly sql: SqlQueries;

  constructor(db: Database.Database) {
    this.sql = new SqlQueries(db);
  }

  planOfMilestone(milestoneId: string): string | undefined {
    return (
      this.sql.get<Pick<RowOf<typeof discussionMilestonesTable>, 'plan_id'>>(
        `SELECT plan_id FROM ${discussionMilestonesTable.name} WHERE milestone_id = ?`,
        milestoneId,
      )?.plan_id ?? undefined
    );
  }

  /** `moderator`: sees every comment; otherwise visible ones and the reader's own (`authorId`). */
  comments(milestoneId: string, reader: { authorId: string | null; moderator: boolean }, request: PageRequest): Page<CommentView> {
    const visibility = reader.moderator ? '' : "AND (c.status = 'VISIBLE' OR c.author_id = ?)";
    const params = reader.moderator ? [] : [reader.authorId ?? ''];
    const rows = this.sql.all<CommentRow>(
      `${SELECT} WHERE c.milestone_id = ? ${visibility} AND c.created_position > ? ORDER BY c.created_position LIMIT ?`,
      milestoneId,
      ...params,
      decodeCursor(request.after),
      request.first + 1,
    );
    const total = this.sql.get<{ n: number }>(
      `SELECT count(*) AS n FROM ${commentsTable.name} c WHERE c.milestone_id = ? ${visibility}`,
      milestoneId,
      ...params,
    );
    const items = rows.slice(0, request.first).map((row) => ({ cursor: encodeCursor(row.created_position), node: toComment(row) }));
    return { items, hasNextPage: rows.length > request.first, endCursor: items.at(-1)?.cursor ?? null, totalCount: total?.n ?? 0 };
  }

  /** A comment whatever its state: for the command handlers and for answering its author or a moderator only. */
  commentById(commentId: string): CommentView | undefined {
    const row = this.sql.get<CommentRow>(`${SELECT} WHERE c.comment_id = ?`, commentId);
    return row ? toComment(row) : undefined;
  }

  /** Every comment one participant wrote, newest first: what its author follows (pending, visible, hidden, withdrawn). */
  commentsBy(authorId: string): CommentView[] {
    return this.sql.all<CommentRow>(`${SELECT} WHERE c.author_id = ? ORDER BY c.created_position DESC LIMIT 200`, authorId).map(toComment);
  }

  /** Pending and flagged comments of a plan, oldest first: what its coordinators have to look at. */
  moderationQueue(planId: string): CommentView[] {
    return this.sql
      .all<CommentRow>(
        `${SELECT} WHERE c.plan_id = ? AND (c.status = 'PENDING' OR (c.status = 'VISIBLE' AND c.flags > 0)) ORDER BY c.created_position`,
        planId,
      )
      .map(toComment);
  }
}
