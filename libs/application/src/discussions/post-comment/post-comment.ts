import type { DiscussionCommand } from '#domain';
import { ForbiddenError } from '../../errors.js';
import { commandIdUse } from '../../kernel/command-ids.js';
import { currentPlan } from '../../plans/plan-stream.js';
import { discussionChange, type OnMilestone, participantOf } from '../discussion-change.js';

type PostComment = Extract<DiscussionCommand, { type: 'PostComment' }>;

/**
 * Any registered participant comments (youth only on plans their panel has joined); on a plan where a youth panel takes
 * part every comment has its contact details removed, and one that had any, or an under-18's, waits for approval (the
 * decider's rules). A retried post (same commandId, sender and milestone) is answered without counting against the
 * rate limit.
 */
export const postComment = discussionChange<OnMilestone & { readonly text: string }, PostComment>({
  name: 'PostComment',
  authorize(run) {
    const participant = participantOf(run);
    const admitted = run.ports.catalogue.stakeholdersOf([run.planId]).map((row) => row.stakeholder);
    if (
      participant.kind === 'YOUTH' &&
      !participant.roles.some((grant) => grant.role === 'YOUTH' && admitted.some((s) => s.id === grant.scope))
    ) {
      throw new ForbiddenError('Youth participants comment on the plans their youth panel has joined.');
    }
  },
  async command(run) {
    const { ports, context, input, planId } = run;
    const participant = participantOf(run);
    const admitted = ports.catalogue.stakeholdersOf([planId]).map((row) => row.stakeholder);
    if (commandIdUse(ports.store, context, 'PostComment', (await run.target()).stream) === 'new')
      await ports.rateLimit.take(participant.id);
    return {
      type: 'PostComment',
      milestoneId: input.milestoneId,
      commentId: run.newId(input.milestoneId),
      authorId: participant.id,
      ageBand: participant.ageBand,
      text: input.text,
      youthTakePart: admitted.some((stakeholder) => stakeholder.kind === 'YOUTH_PANEL'),
      plan: await currentPlan(ports.store, planId),
    };
  },
});
