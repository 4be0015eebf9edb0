import { describe, expect, it } from '@jest/globals';
import { type DiscussionCommand, discussionDecider, type DiscussionEvent, fold, planDecider, REDACTED } from '#domain';
import { specFor } from './given-when-then.js';

const given = specFor(discussionDecider('m-1'));
const ids = { milestoneId: 'm-1', commentId: 'k-1' };
const plan = fold(planDecider, [
  {
    type: 'PlanDrafted',
    data: {
      planId: 'p-1',
      country: 'CR',
      title: 'Costa Rica NPA',
      periodStart: '2010-01-01',
      periodEnd: '2013-12-31',
      defaultDeadline: null,
      reportingCycle: 'ANNUAL',
    },
  },
]);
const closedPlan = fold(planDecider, [
  {
    type: 'PlanDrafted',
    data: {
      planId: 'p-1',
      country: 'CR',
      title: 'Costa Rica NPA',
      periodStart: '2010-01-01',
      periodEnd: '2013-12-31',
      defaultDeadline: null,
      reportingCycle: 'ANNUAL',
    },
  },
  { type: 'PlanClosed', data: { planId: 'p-1', closedOn: '2014-01-10', reason: null } },
]);
const post = (over: Partial<Extract<DiscussionCommand, { type: 'PostComment' }>> = {}): DiscussionCommand => ({
  type: 'PostComment',
  ...ids,
  authorId: 'youth-1',
  youthTakePart: true,
  ageBand: '18_24',
  text: 'Our school wants to help with the awareness campaign.',
  plan,
  ...over,
});
const posted = (status: 'PENDING' | 'VISIBLE' = 'VISIBLE', authorId = 'youth-1'): DiscussionEvent => ({
  type: 'CommentPosted',
  data: {
    ...ids,
    authorId,
    ageBand: status === 'PENDING' ? 'UNDER_18' : '18_24',
    text: 'Our school wants to help with the awareness campaign.',
    redactions: 0,
    status,
  },
});
const flagged = (by: string): DiscussionEvent => ({ type: 'CommentFlagged', data: { ...ids, by, reason: null } });

describe('discussion of a milestone', () => {
  it('posts a comment visible at once, and pre-moderates under-18s', () => {
    given().when(post()).then(posted('VISIBLE'));
    given()
      .when(post({ ageBand: 'UNDER_18' }))
      .then(posted('PENDING'));
  });

  it('redacts contact details from every comment on a plan where youth take part, counts them, and holds the comment for moderation', () => {
    given()
      .when(post({ text: 'Call me on +506 8888 7777 or @maria05' }))
      .then({
        type: 'CommentPosted',
        data: {
          ...ids,
          authorId: 'youth-1',
          ageBand: '18_24',
          text: `Call me on ${REDACTED} or ${REDACTED}`,
          redactions: 2,
          status: 'PENDING',
        },
      });
    given()
      .when(post({ authorId: 'adult-1', ageBand: 'ADULT', text: 'whatsapp me at +506 8888 7777' }))
      .then({
        type: 'CommentPosted',
        data: { ...ids, authorId: 'adult-1', ageBand: 'ADULT', text: `whatsapp me at ${REDACTED}`, redactions: 1, status: 'PENDING' },
      });
    given()
      .when(post({ authorId: 'adult-1', ageBand: 'ADULT', text: 'Call me on +506 8888 7777', youthTakePart: false }))
      .then({
        type: 'CommentPosted',
        data: { ...ids, authorId: 'adult-1', ageBand: 'ADULT', text: 'Call me on +506 8888 7777', redactions: 0, status: 'VISIBLE' },
      });
  });

  it('takes plain text of 1 to 2,000 characters, once', () => {
    given()
      .when(post({ text: '   ' }))
      .thenViolates('comment.invalid_length');
    given()
      .when(post({ text: 'x'.repeat(2001) }))
      .thenViolates('comment.invalid_length');
    given(posted()).when(post()).thenViolates('comment.duplicate');
  });

  it('is held for review by the third flag from different participants', () => {
    given(posted(), flagged('a'), flagged('b'))
      .when({ type: 'FlagComment', commentId: 'k-1', by: 'c', reason: 'Shares a phone number' })
      .then(
        { type: 'CommentFlagged', data: { ...ids, by: 'c', reason: 'Shares a phone number' } },
        { type: 'CommentHeldForReview', data: { ...ids, flags: 3 } },
      );
    given(posted(), flagged('a'))
      .when({ type: 'FlagComment', commentId: 'k-1', by: 'a', reason: null })
      .thenViolates('comment.already_flagged');
    given(posted()).when({ type: 'FlagComment', commentId: 'k-1', by: 'youth-1', reason: null }).thenViolates('comment.own_comment');
    given().when({ type: 'FlagComment', commentId: 'k-1', by: 'a', reason: null }).thenViolates('comment.not_found');
  });

  it('is flagged only while everyone sees it: a pending, hidden or withdrawn comment is not there for a flagger', () => {
    given(posted('PENDING')).when({ type: 'FlagComment', commentId: 'k-1', by: 'a', reason: null }).thenViolates('comment.not_found');
    given(posted(), { type: 'CommentHidden', data: { ...ids, by: 'c', reason: 'x' } })
      .when({ type: 'FlagComment', commentId: 'k-1', by: 'a', reason: null })
      .thenViolates('comment.not_found');
    given(posted(), { type: 'CommentWithdrawn', data: { ...ids, by: 'youth-1' } })
      .when({ type: 'FlagComment', commentId: 'k-1', by: 'a', reason: null })
      .thenViolates('comment.not_found');
  });

  it('is withdrawn by its author alone, once, and then neither approved nor hidden', () => {
    const withdrawn: DiscussionEvent = { type: 'CommentWithdrawn', data: { ...ids, by: 'youth-1' } };
    given(posted('PENDING')).when({ type: 'WithdrawComment', commentId: 'k-1', by: 'youth-1' }).then(withdrawn);
    given(posted()).when({ type: 'WithdrawComment', commentId: 'k-1', by: 'someone' }).thenViolates('comment.not_author');
    given(posted(), withdrawn).when({ type: 'WithdrawComment', commentId: 'k-1', by: 'youth-1' }).thenViolates('comment.withdrawn');
    given(posted(), withdrawn)
      .when({ type: 'ApproveComment', commentId: 'k-1', by: 'coordinator', plan })
      .thenViolates('comment.withdrawn');
    given(posted(), withdrawn)
      .when({ type: 'HideComment', commentId: 'k-1', by: 'coordinator', reason: 'Personal information' })
      .thenViolates('comment.withdrawn');
  });

  it('is approved out of moderation, and hidden with a reason', () => {
    given(posted('PENDING'))
      .when({ type: 'ApproveComment', commentId: 'k-1', by: 'coordinator', plan })
      .then({ type: 'CommentApproved', data: { ...ids, by: 'coordinator' } });
    given(posted()).when({ type: 'ApproveComment', commentId: 'k-1', by: 'coordinator', plan }).thenViolates('comment.already_visible');
    given(posted())
      .when({ type: 'HideComment', commentId: 'k-1', by: 'coordinator', reason: 'Personal information' })
      .then({ type: 'CommentHidden', data: { ...ids, by: 'coordinator', reason: 'Personal information' } });
    given(posted()).when({ type: 'HideComment', commentId: 'k-1', by: 'coordinator', reason: ' ' }).thenViolates('comment.reason_required');
    given(posted(), { type: 'CommentHidden', data: { ...ids, by: 'c', reason: 'x' } })
      .when({ type: 'HideComment', commentId: 'k-1', by: 'c', reason: 'again' })
      .thenViolates('comment.hidden');
  });

  it('takes no new comment and shows none newly on a closed plan, where flags and hiding still work', () => {
    given()
      .when(post({ plan: closedPlan }))
      .thenViolates('plan.closed');
    given(posted('PENDING'))
      .when({ type: 'ApproveComment', commentId: 'k-1', by: 'coordinator', plan: closedPlan })
      .thenViolates('plan.closed');
    given(posted()).when({ type: 'FlagComment', commentId: 'k-1', by: 'a', reason: null }).then(flagged('a'));
    given(posted())
      .when({ type: 'HideComment', commentId: 'k-1', by: 'coordinator', reason: 'Personal information' })
      .then({ type: 'CommentHidden', data: { ...ids, by: 'coordinator', reason: 'Personal information' } });
  });

  it('starts counting flags again after approval', () => {
    const decider = discussionDecider('m-1');
    const state = [
      posted(),
      flagged('a'),
      flagged('b'),
      flagged('c'),
      { type: 'CommentHeldForReview', data: { ...ids, flags: 3 } },
      { type: 'CommentApproved', data: { ...ids, by: 'coordinator' } },
    ].reduce(decider.evolve, decider.initialState);
    expect(state.comments['k-1']).toEqual({ authorId: 'youth-1', status: 'VISIBLE', flaggedBy: [] });
  });
});
