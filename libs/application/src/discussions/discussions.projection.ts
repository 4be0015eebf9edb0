import type { AgeBand, CommentStatus, CommitmentMade, DiscussionEvent, MilestoneScheduled } from '#domain';
import { defineTable, integer, type Projection, type RowChange, text } from '#projections';
import { typed, upsert } from '../read-model/rows.js';

/** Which plan each commitment belongs to. */
export const discussionCommitmentsTable = defineTable({
  name: 'discussion_commitments',
  columns: { commitment_id: text(), plan_id: text() },
  primaryKey: ['commitment_id'],
});

/** Which plan each milestone belongs to (null when the log names a commitment it never made). */
export const discussionMilestonesTable = defineTable({
  name: 'discussion_milestones',
  columns: { milestone_id: text(), plan_id: text.orNull() },
  primaryKey: ['milestone_id'],
});

export const commentsTable = defineTable({
  name: 'comments',
  columns: {
    comment_id: text(),
    milestone_id: text(),
    plan_id: text.orNull(),
    author_id: text(),
    age_band: text<AgeBand>(),
    text: text(),
    redactions: integer(),
    status: text<CommentStatus>(),
    flags: integer(),
    hidden_reason: text.orNull(),
    posted_at: text(),
    created_position: integer(),
  },
  primaryKey: ['comment_id'],
  indexes: [
    ['milestone_id', 'created_position'],
    ['plan_id', 'status', 'created_position'],
  ],
});

/** Comments on milestones with their moderation state, and which plan each milestone belongs to. */
export const discussionsProjection: Projection = {
  name: 'discussions',
  version: 2,
  eventTypes: [
    'CommitmentMade',
    'MilestoneScheduled',
    'CommentPosted',
    'CommentFlagged',
    'CommentHeldForReview',
    'CommentApproved',
    'CommentHidden',
    'CommentWithdrawn',
  ],
  tables: [discussionCommitmentsTable, discussionMilestonesTable, commentsTable],
  project(recorded, view): RowChange[] {
    const event = recorded as unknown as DiscussionEvent | CommitmentMade | MilestoneScheduled;
    const rows = typed(view);
    switch (event.type) {
      case 'CommitmentMade':
        return [upsert(discussionCommitmentsTable, { commitment_id: event.data.commitmentId, plan_id: event.data.planId })];
      case 'MilestoneScheduled': {
        const commitment = rows.get(discussionCommitmentsTable, { commitment_id: event.data.commitmentId });
        return [upsert(discussionMilestonesTable, { milestone_id: event.data.milestoneId, plan_id: commitment?.plan_id ?? null })];
      }
      case 'CommentPosted': {
        const d = event.data;
        const milestone = rows.get(discussionMilestonesTable, { milestone_id: d.milestoneId });
        return [
          upsert(commentsTable, {
            comment_id: d.commentId,
            milestone_id: d.milestoneId,
            plan_id: milestone?.plan_id ?? null,
            author_id: d.authorId,
            age_band: d.ageBand,
            text: d.text,
            redactions: d.redactions,
            status: d.status,
            flags: 0,
            hidden_reason: null,
            posted_at: recorded.metadata.occurredAt,
            created_position: Number(recorded.position),
          }),
        ];
      }
      case 'CommentFlagged': {
        const current = rows.get(commentsTable, { comment_id: event.data.commentId });
        return [upsert(commentsTable, { comment_id: event.data.commentId, flags: (current?.flags ?? 0) + 1 })];
      }
      case 'CommentHeldForReview':
        return [upsert(commentsTable, { comment_id: event.data.commentId, status: 'PENDING' })];
      case 'CommentApproved':
        return [upsert(commentsTable, { comment_id: event.data.commentId, status: 'VISIBLE', flags: 0 })];
      case 'CommentHidden':
        return [upsert(commentsTable, { comment_id: event.data.commentId, status: 'HIDDEN', hidden_reason: event.data.reason })];
      case 'CommentWithdrawn':
        return [upsert(commentsTable, { comment_id: event.data.commentId, status: 'WITHDRAWN' })];
      default:
        return [];
    }
  },
};
