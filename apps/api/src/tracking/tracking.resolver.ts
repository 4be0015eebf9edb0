import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  addTask,
  assignTask,
  CLOCK,
  type Clock,
  completeMilestone,
  completeTask,
  type DeadlineView,
  disputeProgressReport,
  reopenMilestone,
  reopenTask,
  reportProgress,
  rescheduleMilestone,
  scheduleMilestone,
  type SqliteTrackingReader,
  TRACKING,
  type TrackingResult,
  verifyProgressReport,
} from '#application';
import { dateOf, type DeadlineStatus } from '#domain';
import { loadersFor } from '../read-models/catalogue-loaders.js';
import { asOf, carried, carrying, catalogueOf } from '../read-models/as-of.js';
import { Consistency } from '../read-models/consistency.js';
import { PlanAccess } from '../read-models/plan-access.js';
import { UseCases } from '../graphql/use-cases.js';
import type { GraphQLContext } from '../graphql/viewer-context.js';
import {
  AddTaskInputDto,
  AssignTaskInputDto,
  CompleteMilestoneInputDto,
  CompleteTaskInputDto,
  DisputeProgressReportInputDto,
  ReopenMilestoneInputDto,
  ReopenTaskInputDto,
  ReportProgressInputDto,
  RescheduleMilestoneInputDto,
  ScheduleMilestoneInputDto,
  VerifyProgressReportInputDto,
} from './tracking.inputs.js';

@Resolver('Deadline')
export class TrackingResolver {
  constructor(
    @Inject(UseCases) private readonly useCases: UseCases,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(TRACKING) private readonly tracking: SqliteTrackingReader,
    @Inject(Consistency) private readonly consistency: Consistency,
    @Inject(PlanAccess) private readonly access: PlanAccess,
  ) {}

  @Query('deadlines')
  async deadlines(
    @Args('planId') planId: string,
    @Args('from') from: string | null,
    @Args('to') to: string | null,
    @Args('statuses') statuses: DeadlineStatus[] | null,
    @Args('ownerKind') ownerKind: string | null,
    @Args('thematicArea') thematicArea: string | null,
    @Args('asAt') asAt: string | null,
    @Args('consistentAfter') consistentAfter: bigint | null,
    @Context() context: GraphQLContext,
  ): Promise<DeadlineView[]> {
    await this.consistency.after(consistentAfter);
    if (!this.access.mayReadPlan(context, planId)) return [];
    const filter = { from, to, statuses, ownerKind, thematicArea };
    if (asAt === null || asAt === undefined) return this.tracking.deadlines(planId, filter, dateOf(this.clock.now()));
    // As if today were `asAt`: from what was recorded by the end of that day.
    const then = asOf(asAt, this.consistency.reader, this.tracking);
    return then.tracking.deadlines(planId, filter, asAt).map((deadline) => carrying(deadline, then));
  }

  @ResolveField('commitment')
  async commitment(@Parent() deadline: DeadlineView, @Context() context: GraphQLContext) {
    const commitment = await loadersFor(context, catalogueOf(deadline, this.consistency.reader)).commitment.load(deadline.commitmentId);
    return commitment && carried(deadline, commitment);
  }

  @Mutation('scheduleMilestone')
  async scheduleMilestone(@Args('input') input: ScheduleMilestoneInputDto, @Context() context: GraphQLContext) {
    return this.tracked(
      await this.useCases.run(
        scheduleMilestone,
        { commitmentId: input.commitmentId, title: input.title, dueDate: input.dueDate },
        context,
        input,
      ),
    );
  }

  @Mutation('rescheduleMilestone')
  async rescheduleMilestone(@Args('input') input: RescheduleMilestoneInputDto, @Context() context: GraphQLContext) {
    const { commitmentId, milestoneId, dueDate, reason } = input;
    return this.tracked(await this.useCases.run(rescheduleMilestone, { commitmentId, milestoneId, dueDate, reason }, context, input));
  }

  @Mutation('completeMilestone')
  async completeMilestone(@Args('input') input: CompleteMilestoneInputDto, @Context() context: GraphQLContext) {
    const completed = { commitmentId: input.commitmentId, milestoneId: input.milestoneId, completedOn: input.completedOn ?? null };
    return this.tracked(await this.useCases.run(completeMilestone, completed, context, input));
  }

  @Mutation('reopenMilestone')
  async reopenMilestone(@Args('input') input: ReopenMilestoneInputDto, @Context() context: GraphQLContext) {
    const { commitmentId, milestoneId, reason } = input;
    return this.tracked(await this.useCases.run(reopenMilestone, { commitmentId, milestoneId, reason }, context, input));
  }

  @Mutation('addTask')
  async addTask(@Args('input') input: AddTaskInputDto, @Context() context: GraphQLContext) {
    return this.tracked(
      await this.useCases.run(addTask, { commitmentId: input.commitmentId, title: input.title, dueDate: input.dueDate }, context, input),
    );
  }

  @Mutation('assignTask')
  async assignTask(@Args('input') input: AssignTaskInputDto, @Context() context: GraphQLContext) {
    const assigned = {
      commitmentId: input.commitmentId,
      taskId: input.taskId,
      assignee: { kind: input.assigneeKind, id: input.assigneeId },
    };
    return this.tracked(await this.useCases.run(assignTask, assigned, context, input));
  }

  @Mutation('completeTask')
  async completeTask(@Args('input') input: CompleteTaskInputDto, @Context() context: GraphQLContext) {
    const completed = { commitmentId: input.commitmentId, taskId: input.taskId, completedOn: input.completedOn ?? null };
    return this.tracked(await this.useCases.run(completeTask, completed, context, input));
  }

  @Mutation('reopenTask')
  async reopenTask(@Args('input') input: ReopenTaskInputDto, @Context() context: GraphQLContext) {
    return this.tracked(
      await this.useCases.run(reopenTask, { commitmentId: input.commitmentId, taskId: input.taskId, reason: input.reason }, context, input),
    );
  }

  @Mutation('reportProgress')
  async reportProgress(@Args('input') input: ReportProgressInputDto, @Context() context: GraphQLContext) {
    const report = {
      commitmentId: input.commitmentId,
      period: input.period,
      percentComplete: input.percentComplete ?? null,
      indicatorValue: input.indicatorValue ?? null,
      narrative: input.narrative,
      visibility: input.visibility,
      evidenceLinks: input.evidenceLinks ?? [],
      evidenceType: input.evidenceType,
      corrects: input.corrects ?? null,
    };
    return this.tracked(await this.useCases.run(reportProgress, report, context, input));
  }

  @Mutation('verifyProgressReport')
  async verifyProgressReport(@Args('input') input: VerifyProgressReportInputDto, @Context() context: GraphQLContext) {
    const verified = { commitmentId: input.commitmentId, reportId: input.reportId, note: input.note ?? null };
    return this.tracked(await this.useCases.run(verifyProgressReport, verified, context, input));
  }

  @Mutation('disputeProgressReport')
  async disputeProgressReport(@Args('input') input: DisputeProgressReportInputDto, @Context() context: GraphQLContext) {
    const disputed = { commitmentId: input.commitmentId, reportId: input.reportId, reason: input.reason };
    return this.tracked(await this.useCases.run(disputeProgressReport, disputed, context, input));
  }

  /** A tracking mutation answers with the commitment, as the read models now show it, and the item it concerns. */
  private async tracked(result: TrackingResult) {
    return {
      ...(await this.consistency.answer(result, 'commitment', (id) => this.consistency.reader.commitmentsByIds([id])[0])),
      itemId: result.itemId,
    };
  }
}
