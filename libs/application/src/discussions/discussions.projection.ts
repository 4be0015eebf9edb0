import type { CommitmentMade, DiscussionEvent, MilestoneScheduled } from '#domain';
import type { Projection, RowChange } from '#projections';

/** Comments on milestones with their moderation state, and which plan each milestone belongs to. */
export const discussionsProjection: Projection = {
  name: 'discussions',
  version: 2,
  eventTypes: ['CommitmentMade', 'MilestoneScheduled', 'CommentPosted', 'CommentFlagged', 'CommentHeldForReview', 'CommentApproved', 'CommentHidden', 'CommentWithdrawn'],
  tables: [
    { name: 'discussion_commitments', columns: { commitment_id: 'TEXT', plan_id: 'TEXT' }, primaryKey: ['commitment_id'] },
    { name: 'discussion_milestones', columns: { milestone_id: 'TEXT', plan_id: 'TEXT' }, primaryKey: ['milestone_id'] },
    {
      name: 'comments',
      columns: {
        comment_id: 'TEXT',
        milestone_id: 'TEXT',
        plan_id: 'TEXT',
        author_id: 'TEXT',
        age_band: 'TEXT',
        text: 'TEXT',
        redactions: 'INTEGER',
        status: 'TEXT',
        flags: 'INTEGER',
        hidden_reason: 'TEXT',
        posted_at: 'TEXT',
        created_position: 'INTEGER',
      },
      primaryKey: ['comment_id'],
      indexes: [['milestone_id', 'created_position'], ['plan_id', 'status', 'created_position']],
    },
  ],
  project(recorded, view): RowChange[] {
    const event = recorded as unknown as DiscussionEvent | CommitmentMade | MilestoneScheduled;
    switch (event.type) {
      case 'CommitmentMade':
        return [{ kind: 'upsert', table: 'discussion_commitments', row: { commitment_id: event.data.commitmentId, plan_id: event.data.planId } }];
      case 'MilestoneScheduled': {
        const commitment = view.get('discussion_commitments', { commitment_id: event.data.commitmentId });
        return [{ kind: 'upsert', table: 'discussion_milestones', row: { milestone_id: event.data.milestoneId, plan_id: commitment?.['plan_id'] ?? null } }];
      }
      case 'CommentPosted': {
        const d = event.data;
        const milestone = view.get('discussion_milestones', { milestone_id: d.milestoneId });
        return [
          {
            kind: 'upsert',
            table: 'comments',
            row: {
              comment_id: d.commentId,
              milestone_id: d.milestoneId,
              plan_id: milestone?.['plan_id'] ?? null,
              author_id: d.authorId,
              age_band: d.ageBand,
              text: d.text,
              redactions: d.redactions,
              status: d.status,
              flags: 0,
              hidden_reason: null,
              posted_at: recorded.metadata.occurredAt,
              created_position: Number(recorded.position),
            },
          },
        ];
      }
      case 'CommentFlagged': {
        const current = view.get('comments', { comment_id: event.data.commentId });
        return [{ kind: 'upsert', table: 'comments', row: { comment_id: event.data.commentId, flags: Number(current?.['flags'] ?? 0) + 1 } }];
      }
      case 'CommentHeldForReview':
        return [{ kind: 'upsert', table: 'comments', row: { comment_id: event.data.commentId, status: 'PENDING' } }];
      case 'CommentApproved':
        return [{ kind: 'upsert', table: 'comments', row: { comment_id: event.data.commentId, status: 'VISIBLE', flags: 0 } }];
      case 'CommentHidden':
        return [{ kind: 'upsert', table: 'comments', row: { comment_id: event.data.commentId, status: 'HIDDEN', hidden_reason: event.data.reason } }];
      case 'CommentWithdrawn':
        return [{ kind: 'upsert', table: 'comments', row: { comment_id: event.data.commentId, status: 'WITHDRAWN' } }];
      default:
        return [];
    }
  },
};
