import type { DiscussionCommand } from '#domain';
import { ForbiddenError, NotFoundError } from '../../errors.js';
import { discussionChange, moderates, type OnComment, participantOf } from '../discussion-change.js';

type WithdrawComment = Extract<DiscussionCommand, { type: 'WithdrawComment' }>;

/** Authors withdraw their own comments. */
export const withdrawComment = discussionChange<OnComment, WithdrawComment>({
  name: 'WithdrawComment',
  authorize(run) {
    const participant = participantOf(run);
    const found = run.ports.discussions.commentById(run.input.commentId);
    // What the participant may not see is not there for them; what they see but did not write is not theirs.
    const sees = found && (found.status === 'VISIBLE' || found.authorId === participant.id || moderates(participant, run.planId));
    if (!found || found.milestoneId !== run.input.milestoneId || !sees) throw new NotFoundError('There is no such comment.');
    if (found.authorId !== participant.id) throw new ForbiddenError('Only its author withdraws a comment.');
  },
  command: (run) => ({ type: 'WithdrawComment', commentId: run.input.commentId, by: participantOf(run).id }),
});
