import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  approveComment,
  CLOCK,
  type Clock,
  type EntityResult,
  flagComment,
  hideComment,
  postComment,
  withdrawComment,
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
import { loadersFor } from '../read-models/catalogue-loaders.js';
import { toConnection } from '../read-models/connection.js';
import { Consistency, pageSize } from '../read-models/consistency.js';
import { PlanAccess } from '../read-models/plan-access.js';
import { UseCases } from '../graphql/use-cases.js';
import type { GraphQLContext } from '../graphql/viewer-context.js';
import {
  ApproveCommentInputDto,
  FlagCommentInputDto,
  HideCommentInputDto,
  PostCommentInputDto,
  WithdrawCommentInputDto,
} from './discussion.inputs.js';

@Resolver('Milestone')
export class DiscussionResolver {
  constructor(
    @Inject(UseCases) private readonly useCases: UseCases,
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
    return this.grants
      .rolesOf(context.viewer.participantId)
      .some((grant) => grant.role === 'ADMIN' || (grant.role === 'COORDINATOR' && grant.scope === planId));
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
  comments(
    @Parent() milestone: MilestoneView,
    @Args('first') first: number,
    @Args('after') after: string | null,
    @Context() context: GraphQLContext,
  ) {
    const planId = this.discussions.planOfMilestone(milestone.id);
    const authorId = context.viewer?.participantId ?? null;
    return toConnection(
      this.discussions.comments(
        milestone.id,
        { authorId, moderator: this.moderates(context, planId) },
        { first: pageSize(first, 50), after: after ?? null },
      ),
    );
  }

  @Query('moderationQueue')
  async moderationQueue(
    @Args('planId') planId: string,
    @Args('consistentAfter') consistentAfter: bigint | null,
    @Context() context: GraphQLContext,
  ) {
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
  async postComment(@Args('input') input: PostCommentInputDto, @Context() context: GraphQLContext) {
    return this.comment(await this.useCases.run(postComment, { milestoneId: input.milestoneId, text: input.text }, context, input));
  }

  /** The answer says the flag was recorded, and nothing of the comment (which may be held for review by now). */
  @Mutation('flagComment')
  async flagComment(@Args('input') input: FlagCommentInputDto, @Context() context: GraphQLContext) {
    const flag = { milestoneId: input.milestoneId, commentId: input.commentId, reason: input.reason ?? null };
    const result = await this.useCases.run(flagComment, flag, context, input);
    return { commentId: result.id, ...(await this.consistency.settled(result)) };
  }

  @Mutation('withdrawComment')
  async withdrawComment(@Args('input') input: WithdrawCommentInputDto, @Context() context: GraphQLContext) {
    return this.comment(
      await this.useCases.run(withdrawComment, { milestoneId: input.milestoneId, commentId: input.commentId }, context, input),
    );
  }

  @Mutation('approveComment')
  async approveComment(@Args('input') input: ApproveCommentInputDto, @Context() context: GraphQLContext) {
    return this.comment(
      await this.useCases.run(approveComment, { milestoneId: input.milestoneId, commentId: input.commentId }, context, input),
    );
  }

  @Mutation('hideComment')
  async hideComment(@Args('input') input: HideCommentInputDto, @Context() context: GraphQLContext) {
    const hidden = { milestoneId: input.milestoneId, commentId: input.commentId, reason: input.reason };
    return this.comment(await this.useCases.run(hideComment, hidden, context, input));
  }

  /** Posting, withdrawing and moderating answer with the comment: its author and the plan's coordinators may read it. */
  private comment(result: EntityResult) {
    return this.consistency.answer(result, 'comment', (id) => this.discussions.commentById(id));
  }
}
