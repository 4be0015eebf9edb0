import type { DiscussionCommand } from '#domain';
import { discussionChange, moderators, type OnComment } from '../discussion-change.js';

type HideComment = Extract<DiscussionCommand, { type: 'HideComment' }>;

/** A coordinator hides a comment, with a reason. */
export const hideComment = discussionChange<OnComment & { readonly reason: string }, HideComment>({
  name: 'HideComment',
  authorize: moderators,
  command: ({ input, context }) => ({ type: 'HideComment', commentId: input.commentId, by: context.actor, reason: input.reason }),
});
