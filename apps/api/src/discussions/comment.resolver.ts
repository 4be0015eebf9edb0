import { Inject } from '@nestjs/common';
import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import {
  CLOCK,
  type Clock,
  type CommentView,
  DISCUSSIONS,
  type SqliteDiscussionReader,
  type SqliteTrackingReader,
  TRACKING,
} from '#application';
import { dateOf, deadlineStatus } from '#domain';
import { PlanAccess } from '../read-models/plan-access.js';
import type { GraphQLContext } from '../graphql/viewer-context.js';

/** What a comment says about its reader (whether they wrote it) and where it was posted (the milestone, and through it the commitment). */
@Resolver('Comment')
export class CommentResolver {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DISCUSSIONS) private readonly discussions: SqliteDiscussionReader,
    @Inject(TRACKING) private readonly tracking: SqliteTrackingReader,
    @Inject(PlanAccess) private readonly access: PlanAccess,
  ) {}

  @ResolveField('mine')
  mine(@Parent() comment: CommentView, @Context() context: GraphQLContext): boolean {
    return Boolean(context.viewer?.participantId) && comment.authorId === context.viewer?.participantId;
  }

  @ResolveField('milestone')
  milestone(@Parent() comment: CommentView, @Context() context: GraphQLContext) {
    const milestone = this.tracking.milestoneById(comment.milestoneId);
    const planId = comment.planId ?? this.discussions.planOfMilestone(comment.milestoneId);
    if (!milestone || !planId || !this.access.mayReadPlan(context, planId)) return null;
    return { ...milestone, status: deadlineStatus(milestone.dueDate, milestone.completedOn, dateOf(this.clock.now())) };
  }
}
