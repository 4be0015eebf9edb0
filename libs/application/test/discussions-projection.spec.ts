import { describe, expect, it } from '@jest/globals';
import { SqliteDiscussionReader } from '#application';
import { given } from './given.js';
import { Timeline } from './timeline.js';

/** A milestone m-1 of a commitment of plan-1, where the discussion takes place. */
const milestoneOfPlan = (t: Timeline) => [
  t.planDrafted('plan-1'),
  t.commitmentMade('c-1', 'plan-1'),
  t.milestoneScheduled('c-1', 'm-1', '2026-06-30'),
];

describe('the discussions projection', () => {
  it('given a commitment and its milestone, then which plan the milestone belongs to', () => {
    const t = new Timeline();
    const readModels = given(...milestoneOfPlan(t));
    expect(readModels.rows('discussion_commitments')).toEqual([{ commitment_id: 'c-1', plan_id: 'plan-1' }]);
    expect(readModels.rows('discussion_milestones')).toEqual([{ milestone_id: 'm-1', plan_id: 'plan-1' }]);
    expect(new SqliteDiscussionReader(readModels.database()).planOfMilestone('m-1')).toBe('plan-1');
  });

  it('given a comment posted, then a row with its plan, author, age band, text and status, and no flags', () => {
    const t = new Timeline().on('2026-04-02');
    const readModels = given(
      ...milestoneOfPlan(t),
      t.commentPosted('m-1', 'k-1', {
        authorId: 'youth-1',
        ageBand: 'UNDER_18',
        text: 'Call me at [phone removed]',
        redactions: 1,
        status: 'PENDING',
      }),
    );

    expect(readModels.rows('comments')).toEqual([
      {
        comment_id: 'k-1',
        milestone_id: 'm-1',
        plan_id: 'plan-1',
        author_id: 'youth-1',
        age_band: 'UNDER_18',
        text: 'Call me at [phone removed]',
        redactions: 1,
        status: 'PENDING',
        flags: 0,
        hidden_reason: null,
        posted_at: '2026-04-02T12:00:00.000Z',
        created_position: 4,
      },
    ]);
  });

  it('when it is flagged, held, approved, then the flags count up, it is PENDING, then VISIBLE with its flags cleared', () => {
    const t = new Timeline();
    const readModels = given(
      ...milestoneOfPlan(t),
      t.commentPosted('m-1', 'k-1'),
      t.commentFlagged('m-1', 'k-1', 'a'),
      t.commentFlagged('m-1', 'k-1', 'b'),
    );
    expect(readModels.row('comments', { comment_id: 'k-1' })).toMatchObject({ status: 'VISIBLE', flags: 2 });

    readModels.when(t.commentFlagged('m-1', 'k-1', 'c'), t.commentHeldForReview('m-1', 'k-1', 3));
    expect(readModels.row('comments', { comment_id: 'k-1' })).toMatchObject({ status: 'PENDING', flags: 3 });

    readModels.when(t.commentApproved('m-1', 'k-1'));
    expect(readModels.row('comments', { comment_id: 'k-1' })).toMatchObject({ status: 'VISIBLE', flags: 0 });
  });

  it('when it is hidden or withdrawn, then the status says so, and a hidden one says why', () => {
    const t = new Timeline();
    const readModels = given(
      ...milestoneOfPlan(t),
      t.commentPosted('m-1', 'k-1'),
      t.commentPosted('m-1', 'k-2'),
      t.commentHidden('m-1', 'k-1', 'Off topic'),
      t.commentWithdrawn('m-1', 'k-2'),
    );
    expect(readModels.rows('comments').map((c) => [c['comment_id'], c['status'], c['hidden_reason']])).toEqual([
      ['k-1', 'HIDDEN', 'Off topic'],
      ['k-2', 'WITHDRAWN', null],
    ]);
  });

  it('answers a reader the visible comments and their own, a moderator every one, and the moderation queue', () => {
    const t = new Timeline();
    const readModels = given(
      ...milestoneOfPlan(t),
      t.commentPosted('m-1', 'visible', { authorId: 'adult-1' }),
      t.commentPosted('m-1', 'pending', { authorId: 'youth-1', ageBand: 'UNDER_18', status: 'PENDING' }),
      t.commentPosted('m-1', 'flagged', { authorId: 'adult-2' }),
      t.commentFlagged('m-1', 'flagged', 'adult-1', 'rude'),
    );
    const discussions = new SqliteDiscussionReader(readModels.database());
    const ids = (reader: { authorId: string | null; moderator: boolean }) =>
      discussions.comments('m-1', reader, { first: 10, after: null }).items.map((item) => item.node.id);

    expect(ids({ authorId: null, moderator: false })).toEqual(['visible', 'flagged']);
    expect(ids({ authorId: 'youth-1', moderator: false })).toEqual(['visible', 'pending', 'flagged']);
    expect(ids({ authorId: null, moderator: true })).toEqual(['visible', 'pending', 'flagged']);
    expect(discussions.moderationQueue('plan-1').map((c) => c.id)).toEqual(['pending', 'flagged']);
    expect(discussions.commentsBy('youth-1')).toEqual([
      expect.objectContaining({ id: 'pending', planId: 'plan-1', status: 'PENDING', author: 'participant' }),
    ]);
  });

  it('leaves the plan empty, rather than failing, for a milestone it never saw', () => {
    const t = new Timeline();
    const readModels = given(t.milestoneScheduled('c-unknown', 'm-9', '2026-06-30'), t.commentPosted('m-9', 'k-1'));
    expect(readModels.row('discussion_milestones', { milestone_id: 'm-9' })).toEqual({ milestone_id: 'm-9', plan_id: null });
    expect(readModels.row('comments', { comment_id: 'k-1' })).toMatchObject({ plan_id: null });
  });
});
