import { type DiscussionCommand, discussionDecider, type DiscussionEvent, type DiscussionState, discussionStream } from '#domain';
import { authorize } from '../authorization/authorize.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import type { Run, UseCase } from '../kernel/use-case.js';
import type { ParticipantView } from '../participants/read-model/participant-views.js';

/** What every command on a milestone's discussion names, besides its own fields. */
export interface OnMilestone {
  readonly milestoneId: string;
}

/** What a command on an existing comment names. */
export interface OnComment extends OnMilestone {
  readonly commentId: string;
}

export type DiscussionRun<Input> = Run<Input, DiscussionState> & { readonly planId: string };

/** The plan the milestone is under, or NOT_FOUND (before anything else: it says nothing more). */
function planOf({ ports, input }: Run<OnMilestone, DiscussionState>): string {
  const planId = ports.discussions.planOfMilestone(input.milestoneId);
  if (!planId) throw new NotFoundError('There is no such milestone.');
  return planId;
}

/**
 * A command on a milestone's discussion, its stream of comments: the milestone must exist; `authorize` says who may
 * run it on the plan it is under. The result's id is the comment's.
 */
export function discussionChange<Input extends OnMilestone, Command extends DiscussionCommand>(use: {
  readonly name: Command['type'];
  readonly authorize: (run: DiscussionRun<Input>) => void | Promise<void>;
  readonly command: (run: DiscussionRun<Input>) => Command | Promise<Command>;
}): UseCase<Input, DiscussionState, Command, DiscussionEvent> {
  const on = (run: Run<Input, DiscussionState>): DiscussionRun<Input> =>
    Object.assign(Object.create(run) as Run<Input, DiscussionState>, { planId: planOf(run) });
  return {
    name: use.name,
    decider: ({ milestoneId }) => discussionDecider(milestoneId),
    target: ({ input }) => ({ id: input.milestoneId, stream: discussionStream(input.milestoneId) }),
    authorize: (run) => use.authorize(on(run)),
    command: (run) => use.command(on(run)),
    result: (entity, command) => ({ ...entity, id: command.commentId }),
  };
}

/** The plan's coordinators (or an admin) moderate its comments. */
export const moderators = ({ ports, context, planId }: DiscussionRun<unknown>): void =>
  authorize(ports.grants, context, [{ role: 'COORDINATOR', scope: planId }], 'moderate comments of this plan');

/** The caller as a registered participant: only they comment, flag and withdraw. */
export function participantOf({ ports, context }: Run<unknown, unknown>): ParticipantView {
  const participant = ports.participants.byId(context.actor);
  if (!participant) throw new ForbiddenError('Only registered participants comment; ask an administrator to register you.');
  return participant;
}

/** A moderator of the plan: an admin or one of its coordinators. */
export const moderates = (participant: ParticipantView, planId: string): boolean =>
  participant.roles.some((grant) => grant.role === 'ADMIN' || (grant.role === 'COORDINATOR' && grant.scope === planId));
