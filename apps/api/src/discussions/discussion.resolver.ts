import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  CLOCK,
  type Clock,
  type CommentChange,
  DiscussCommand,
  DISCUSSIONS,
  ForbiddenError,
  GRANTS,
  type GrantsReader,
  type MilestoneView,
  PARTICIPANTS,
  type ParticipantsReader,
  type SqliteDiscussionReader,
  type SqliteTrackingReader,
  TRACKING,
} from '#application';
import { dateOf, deadlineStatus } from '#domain';
import { loadersFor } from '../catalogue/catalogue-loaders.js';
import { toConnection } from '../catalogue/connection.js';
import { Consistency, pageSize } from '../catalogue/consistency.js';
import { PlanAccess } from '../catalogue/plan-access.js';
import { commandContext } from '../graphql/command-context.js';
import type { GraphQLContext } from '../graphql/viewer-context.js';
import { ApproveCommentInputDto, FlagCommentInputDto, HideCommentInputDto, PostCommentInputDto, WithdrawCommentInputDto } from './discussion.inputs.js';

@Resolver('Milestone')
export class DiscussionResolver {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DISCUSSIONS) private readonly discussions: SqliteDiscussionReader,
    @Inject(TRACKING) private readonly tracking: SqliteTrackingReader,
    @Inject(GRANTS) private readonly grants: GrantsReader,
    @Inject(PARTICIPANTS) private readonly participants: ParticipantsReader,
    @Inject(Consistency) private readonly consistency: Consistency,
    @Inject(PlanAccess) private readonly access: PlanAccess,
  ) {}

  /** Coordinators of the plan (and admins) moderate: they see every comment. */
  private moderates(context: GraphQLContext, planId: string | undefined): boolean {
    if (!context.viewer?.participantId || !planId) return false;
    return this.grants.rolesOf(context.viewer.participantId).some((grant) => grant.role === 'ADMIN' || (grant.role === 'COORDINATOR' && grant.scope === planId));
  }

  @Query('milestone')
  async milestone(@Args('id') id: string, @Args('consistentAfter') consistentAfter: bigint | null, @Context() context: GraphQLContext) {
    await this.consistency.after(consistentAfter);
    const milestone = this.tracking.milestoneById(id);
    const planId = milestone && this.discussions.planOfMilestone(milestone.id);
    if (!milestone || !planId || !this.access.mayReadPlan(context, planId)) return null;
    return { ...milestone, status: deadlineStatus(milestone.dueDate, milestone.completedOn, dateOf(this.clock.now())) };
  }

  @ResolveField('commitment')
  async commitment(@Parent() milestone: MilestoneView, @Context() context: GraphQLContext) {
    const commitment = await loadersFor(context, this.consistency.reader).commitment.load(milestone.commitmentId);
    return commitment && this.access.mayReadPlan(context, commitment.planId) ? commitment : null;
  }

  @ResolveField('comments')
  comments(@Parent() milestone: MilestoneView, @Args('first') first: number, @Args('after') after: string | null, @Context() context: GraphQLContext) {
    const planId = this.discussions.planOfMilestone(milestone.id);
    const authorId = context.viewer?.participantId ?? null;
    return toConnection(
      this.discussions.comments(milestone.id, { authorId, moderator: this.moderates(context, planId) }, { first: pageSize(first, 50), after: after ?? null }),
    );
  }

  @Query('moderationQueue')
  async moderationQueue(@Args('planId') planId: string, @Args('consistentAfter') consistentAfter: bigint | null, @Context() context: GraphQLContext) {
    if (!this.moderates(context, planId)) throw new ForbiddenError('Only the coordinators of the plan see its moderation queue.');
    await this.consistency.after(consistentAfter);
    return this.discussions.moderationQueue(planId);
  }

  @Query('myComments')
  async myComments(@Args('consistentAfter') consistentAfter: bigint | null, @Context() context: GraphQLContext) {
    const authorId = context.viewer?.participantId;
    if (!authorId) return [];
    await this.consistency.after(consistentAfter);
    return this.discussions.commentsBy(authorId);
  }

  @Mutation('postComment')
  postComment(@Args('input') input: PostCommentInputDto, @Context() context: GraphQLContext) {
    return this.discuss(input, { type: 'PostComment', text: input.text }, context);
  }

  /** The answer says the flag was recorded, and nothing of the comment (which may be held for review by now). */
  @Mutation('flagComment')
  async flagComment(@Args('input') input: FlagCommentInputDto, @Context() context: GraphQLContext) {
    const result = await this.commands.execute(
      new DiscussCommand(input.milestoneId, { type: 'FlagComment', commentId: input.commentId, reason: input.reason ?? null }, commandContext(context, this.clock.now(), input)),
    );
    return { commentId: result.id, ...(await this.consistency.settled(result)) };
  }

  @Mutation('withdrawComment')
  withdrawComment(@Args('input') input: WithdrawCommentInputDto, @Context() context: GraphQLContext) {
    return this.discuss(input, { type: 'WithdrawComment', commentId: input.commentId }, context);
  }

  @Mutation('approveComment')
  approveComment(@Args('input') input: ApproveCommentInputDto, @Context() context: GraphQLContext) {
    return this.discuss(input, { type: 'ApproveComment', commentId: input.commentId }, context);
  }

  @Mutation('hideComment')
  hideComment(@Args('input') input: HideCommentInputDto, @Context() context: GraphQLContext) {
    return this.discuss(input, { type: 'HideComment', commentId: input.commentId, reason: input.reason }, context);
  }

  /** Posting, withdrawing and moderating answer with the comment: its author and the plan's coordinators may read it. */
  private async discuss(input: { milestoneId: string; commandId?: string | null; expectedVersion?: number | null }, change: CommentChange, context: GraphQLContext) {
    const result = await this.commands.execute(new DiscussCommand(input.milestoneId, change, commandContext(context, this.clock.now(), input)));
    return this.consistency.answer(result, 'comment', (id) => this.discussions.commentById(id));
  }
}
