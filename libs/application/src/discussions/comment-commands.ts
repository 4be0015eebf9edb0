import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type DiscussionCommand, discussionDecider, discussionStream } from '#domain';
import type { EventStore } from '#eventstore';
import { authorize } from '../authorization/authorize.js';
import { CATALOGUE } from '../catalogue/catalogue-token.js';
import type { SqliteCatalogueReader } from '../catalogue/sqlite-catalogue-reader.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import type { CommandContext } from '../kernel/command-context.js';
import { commandIdUse } from '../kernel/command-ledger.js';
import { newEntityId } from '../kernel/entity-id.js';
import { type EntityResult, runCommand } from '../kernel/run-command.js';
import type { GrantsReader, ParticipantsReader, ParticipantView } from '../participants/read-model/participant-views.js';
import { currentPlan } from '../plans/plan-command.js';
import { EVENT_STORE, GRANTS, PARTICIPANTS } from '../tokens.js';
import type { CommentRateLimit } from './comment-rate-limit.js';
import { COMMENT_RATE_LIMIT, DISCUSSIONS } from './discussion-token.js';
import type { SqliteDiscussionReader } from './sqlite-discussion-reader.js';

export type CommentChange =
  | { readonly type: 'PostComment'; readonly text: string }
  | { readonly type: 'FlagComment'; readonly commentId: string; readonly reason: string | null }
  | { readonly type: 'ApproveComment'; readonly commentId: string }
  | { readonly type: 'HideComment'; readonly commentId: string; readonly reason: string }
  | { readonly type: 'WithdrawComment'; readonly commentId: string };

export class DiscussCommand extends Command<EntityResult> {
  constructor(
    readonly milestoneId: string,
    readonly change: CommentChange,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/**
 * Any registered participant comments (youth only on plans their panel has joined); on a plan where a youth panel takes
 * part every comment has its contact details removed, and one that had any, or an under-18's, waits for approval (the
 * decider's rules). Participants of the plan flag visible comments; authors withdraw their own; the plan's coordinators
 * approve and hide. A retried post (same commandId, sender and milestone) is answered without counting against the
 * rate limit. The result's id is the comment's.
 */
@CommandHandler(DiscussCommand)
export class DiscussHandler implements ICommandHandler<DiscussCommand, EntityResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(GRANTS) private readonly grants: GrantsReader,
    @Inject(PARTICIPANTS) private readonly participants: ParticipantsReader,
    @Inject(CATALOGUE) private readonly catalogue: SqliteCatalogueReader,
    @Inject(DISCUSSIONS) private readonly discussions: SqliteDiscussionReader,
    @Inject(COMMENT_RATE_LIMIT) private readonly rateLimit: CommentRateLimit,
  ) {}

  async execute({ milestoneId, change, context }: DiscussCommand): Promise<EntityResult> {
    const planId = this.discussions.planOfMilestone(milestoneId);
    if (!planId) throw new NotFoundError('There is no such milestone.');
    const stream = discussionStream(milestoneId);
    const run = (command: DiscussionCommand, id: string) => runCommand(id, { store: this.store, stream, decider: discussionDecider(milestoneId), command, context });
    switch (change.type) {
      case 'ApproveComment':
        authorize(this.grants, context, [{ role: 'COORDINATOR', scope: planId }], 'moderate comments of this plan');
        return run({ type: 'ApproveComment', commentId: change.commentId, by: context.actor, plan: await currentPlan(this.store, planId) }, change.commentId);
      case 'HideComment':
        authorize(this.grants, context, [{ role: 'COORDINATOR', scope: planId }], 'moderate comments of this plan');
        return run({ type: 'HideComment', commentId: change.commentId, by: context.actor, reason: change.reason }, change.commentId);
      case 'FlagComment': {
        const participant = this.participant(context);
        if (!this.takesPart(participant, planId)) throw new ForbiddenError('Participants of the plan flag its comments.');
        return run({ type: 'FlagComment', commentId: change.commentId, by: participant.id, reason: change.reason }, change.commentId);
      }
      case 'WithdrawComment': {
        const participant = this.participant(context);
        const found = this.discussions.commentById(change.commentId);
        // What the participant may not see is not there for them; what they see but did not write is not theirs.
        const sees = found && (found.status === 'VISIBLE' || found.authorId === participant.id || this.moderates(participant, planId));
        if (!found || found.milestoneId !== milestoneId || !sees) throw new NotFoundError('There is no such comment.');
        if (found.authorId !== participant.id) throw new ForbiddenError('Only its author withdraws a comment.');
        return run({ type: 'WithdrawComment', commentId: change.commentId, by: participant.id }, change.commentId);
      }
      case 'PostComment': {
        const participant = this.participant(context);
        const admitted = this.catalogue.stakeholdersOf([planId]).map((row) => row.stakeholder);
        if (participant.kind === 'YOUTH' && !participant.roles.some((grant) => grant.role === 'YOUTH' && admitted.some((s) => s.id === grant.scope))) {
          throw new ForbiddenError('Youth participants comment on the plans their youth panel has joined.');
        }
        if (commandIdUse(this.store, context, 'PostComment', stream) === 'new') await this.rateLimit.take(participant.id);
        const commentId = newEntityId(context, 'PostComment', milestoneId);
        return run(
          {
            type: 'PostComment',
            milestoneId,
            commentId,
            authorId: participant.id,
            ageBand: participant.ageBand,
            text: change.text,
            youthTakePart: admitted.some((stakeholder) => stakeholder.kind === 'YOUTH_PANEL'),
            plan: await currentPlan(this.store, planId),
          },
          commentId,
        );
      }
    }
  }

  private participant(context: CommandContext): ParticipantView {
    const participant = this.participants.byId(context.actor);
    if (!participant) throw new ForbiddenError('Only registered participants comment; ask an administrator to register you.');
    return participant;
  }

  private moderates(participant: ParticipantView, planId: string): boolean {
    return participant.roles.some((grant) => grant.role === 'ADMIN' || (grant.role === 'COORDINATOR' && grant.scope === planId));
  }

  /** A participant of the plan: a role on it, or on one of the stakeholders it admitted (admins take part everywhere). */
  private takesPart(participant: ParticipantView, planId: string): boolean {
    const admitted = new Set(this.catalogue.stakeholdersOf([planId]).map((row) => row.stakeholder.id));
    return participant.roles.some((grant) => grant.role === 'ADMIN' || grant.scope === planId || (grant.scope !== null && admitted.has(grant.scope)));
  }
}
