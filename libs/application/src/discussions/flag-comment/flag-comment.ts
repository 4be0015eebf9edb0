import type { DiscussionCommand } from '#domain';
import { ForbiddenError } from '../../errors.js';
import { discussionChange, type DiscussionRun, type OnComment, participantOf } from '../discussion-change.js';

type FlagComment = Extract<DiscussionCommand, { type: 'FlagComment' }>;

/** A participant of the plan: a role on it, or on one of the stakeholders it admitted (admins take part everywhere). */
function takesPart(run: DiscussionRun<unknown>): boolean {
  const admitted = new Set(run.ports.catalogue.stakeholdersOf([run.planId]).map((row) => row.stakeholder.id));
  return participantOf(run).roles.some(
    (grant) => grant.role === 'ADMIN' || grant.scope === run.planId || (grant.scope !== null && admitted.has(grant.scope)),
  );
}

/** Participants of the plan flag its visible comments. */
export const flagComment = discussionChange<OnComment & { readonly reason: string | null }, FlagComment>({
  name: 'FlagComment',
  authorize(run) {
    if (!takesPart(run)) throw new ForbiddenError('Participants of the plan flag its comments.');
  },
  command: (run) => ({ type: 'FlagComment', commentId: run.input.commentId, by: participantOf(run).id, reason: run.input.reason }),
});
