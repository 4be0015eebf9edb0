import type { DiscussionCommand } from '#domain';
import { currentPlan } from '../../plans/plan-stream.js';
import { discussionChange, moderators, type OnComment } from '../discussion-change.js';

type ApproveComment = Extract<DiscussionCommand, { type: 'ApproveComment' }>;

/** A coordinator shows a comment that waited for approval (never on a closed plan). */
export const approveComment = discussionChange<OnComment, ApproveComment>({
  name: 'ApproveComment',
  authorize: moderators,
  command: async ({ input, context, ports, planId }) => ({
    type: 'ApproveComment',
    commentId: input.commentId,
    by: context.actor,
    plan: await currentPlan(ports.store, planId),
  }),
});
