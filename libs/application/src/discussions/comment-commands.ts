import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { discussionDecider, discussionStream } from '#domain';
import type { EventStore } from '#eventstore';
import { authorize } from '../authorization/authorize.js';
import { CATALOGUE } from '../catalogue/catalogue-token.js';
import type { SqliteCatalogueReader } from '../catalogue/sqlite-catalogue-reader.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import type { CommandContext } from '../kernel/command-context.js';
import { newEntityId } from '../kernel/entity-id.js';
import { type EntityResult, runCommand } from '../kernel/run-command.js';
import { currentPlan } from '../plans/plan-command.js';
import type { GrantsReader, ParticipantsReader, ParticipantView } from '../participants/read-model/participant-views.js';
import { EVENT_STORE, GRANTS, PARTICIPANTS } from '../tokens.js';
import type { CommentRateLimit } from './comment-rate-limit.js';
import { COMMENT_RATE_LIMIT, DISCUSSIONS } from './discussion-token.js';
import type { SqliteDiscussionReader } from './sqlite-discussion-reader.js';

export type CommentChange =
  | { readonly type: 'PostComment'; readonly text: string }
  | { readonly type: 'FlagComment'; readonly commentId: string; readonly reason: string | null }
  | { readonly type: 'ApproveComment'; readonly commentId: string }
  | { readonly type: 'HideComment'; readonly commentId: string; readonly reason: string };

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
 * Any registered participant comments and flags; youth only on plans their panel has joined, with contact details
 * redacted and, under 18, pre-moderated (the decider's rules). The plan's coordinators approve and hide. The
 * result's id is the comment's.
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
    const run = (command: Parameters<ReturnType<typeof discussionDecider>['decide']>[0], id: string) =>
      runCommand(id, { store: this.store, stream: discussionStream(milestoneId), decider: discussionDecider(milestoneId), command, context });
    if (change.type === 'ApproveComment' || change.type === 'HideComment') {
      authorize(this.grants, context, [{ role: 'COORDINATOR', scope: planId }], 'moderate comments of this plan');
      return change.type === 'ApproveComment'
        ? run({ type: 'ApproveComment', commentId: change.commentId, by: context.actor, plan: await currentPlan(this.store, planId) }, change.commentId)
        : run({ type: 'HideComment', commentId: change.commentId, by: context.actor, reason: change.reason }, change.commentId);
    }
    const participant = this.participant(context);
    if (change.type === 'FlagComment') {
      return run({ type: 'FlagComment', commentId: change.commentId, by: participant.id, reason: change.reason }, change.commentId);
    }
    if (participant.kind === 'YOUTH' && !this.youthPanelJoined(participant, planId)) {
      throw new ForbiddenError('Youth participants comment on the plans their youth panel has joined.');
    }
    await this.rateLimit.take(participant.id);
    const commentId = newEntityId(context.commandId);
    return run(
      {
        type: 'PostComment',
        milestoneId,
        commentId,
        authorId: participant.id,
        authorIsYouth: participant.kind === 'YOUTH',
        ageBand: participant.ageBand,
        text: change.text,
        plan: await currentPlan(this.store, planId),
      },
      commentId,
    );
  }

  private participant(context: CommandContext): ParticipantView {
    const participant = this.participants.bySubject(context.actor);
    if (!participant) throw new ForbiddenError('Only registered participants comment; ask an administrator to register you.');
    return participant;
  }

  private youthPanelJoined(participant: ParticipantView, planId: string): boolean {
    const admitted = new Set(this.catalogue.stakeholdersOf([planId]).map((row) => row.stakeholder.id));
    return participant.roles.some((grant) => grant.role === 'YOUTH' && grant.scope !== null && admitted.has(grant.scope));
  }
}
