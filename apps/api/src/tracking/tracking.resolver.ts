import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  ChangePlanCommand,
  CLOCK,
  type Clock,
  type DeadlineView,
  type SqliteTrackingReader,
  TRACKING,
  TrackCommitmentCommand,
  type TrackingChange,
  type TrackingResult,
} from '#application';
import { dateOf, type DeadlineStatus } from '#domain';
import { loadersFor } from '../catalogue/catalogue-loaders.js';
import { asOf, carried, carrying, catalogueOf } from '../catalogue/as-of.js';
import { Consistency } from '../catalogue/consistency.js';
import { PlanAccess } from '../catalogue/plan-access.js';
import { commandContext } from '../graphql/command-context.js';
import type { GraphQLContext } from '../graphql/viewer-context.js';
import {
  AddTaskInputDto,
  AssignTaskInputDto,
  CloseReportingPeriodInputDto,
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

type CommitmentInput = { commitmentId: string; commandId?: string | null; expectedVersion?: number | null };

@Resolver('Deadline')
export class TrackingResolver {
  constructor(
    private readonly commands: CommandBus,
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
  scheduleMilestone(@Args('input') input: ScheduleMilestoneInputDto, @Context() context: GraphQLContext) {
    return this.track(input, { type: 'ScheduleMilestone', title: input.title, dueDate: input.dueDate }, context);
  }

  @Mutation('rescheduleMilestone')
  rescheduleMilestone(@Args('input') input: RescheduleMilestoneInputDto, @Context() context: GraphQLContext) {
    return this.track(input, { type: 'RescheduleMilestone', milestoneId: input.milestoneId, dueDate: input.dueDate, reason: input.reason }, context);
  }

  @Mutation('completeMilestone')
  completeMilestone(@Args('input') input: CompleteMilestoneInputDto, @Context() context: GraphQLContext) {
    return this.track(input, { type: 'CompleteMilestone', milestoneId: input.milestoneId, completedOn: input.completedOn ?? null }, context);
  }

  @Mutation('reopenMilestone')
  reopenMilestone(@Args('input') input: ReopenMilestoneInputDto, @Context() context: GraphQLContext) {
    return this.track(input, { type: 'ReopenMilestone', milestoneId: input.milestoneId, reason: input.reason }, context);
  }

  @Mutation('addTask')
  addTask(@Args('input') input: AddTaskInputDto, @Context() context: GraphQLContext) {
    return this.track(input, { type: 'AddTask', title: input.title, dueDate: input.dueDate }, context);
  }

  @Mutation('assignTask')
  assignTask(@Args('input') input: AssignTaskInputDto, @Context() context: GraphQLContext) {
    return this.track(input, { type: 'AssignTask', taskId: input.taskId, assignee: { kind: input.assigneeKind, id: input.assigneeId } }, context);
  }

  @Mutation('completeTask')
  completeTask(@Args('input') input: CompleteTaskInputDto, @Context() context: GraphQLContext) {
    return this.track(input, { type: 'CompleteTask', taskId: input.taskId, completedOn: input.completedOn ?? null }, context);
  }

  @Mutation('reopenTask')
  reopenTask(@Args('input') input: ReopenTaskInputDto, @Context() context: GraphQLContext) {
    return this.track(input, { type: 'ReopenTask', taskId: input.taskId, reason: input.reason }, context);
  }

  @Mutation('reportProgress')
  reportProgress(@Args('input') input: ReportProgressInputDto, @Context() context: GraphQLContext) {
    return this.track(
      input,
      {
        type: 'ReportProgress',
        period: input.period,
        percentComplete: input.percentComplete ?? null,
        indicatorValue: input.indicatorValue ?? null,
        narrative: input.narrative,
        visibility: input.visibility,
        evidenceLinks: input.evidenceLinks ?? [],
        evidenceType: input.evidenceType,
        corrects: input.corrects ?? null,
      },
      context,
    );
  }

  @Mutation('verifyProgressReport')
  verifyProgressReport(@Args('input') input: VerifyProgressReportInputDto, @Context() context: GraphQLContext) {
    return this.track(input, { type: 'VerifyProgressReport', reportId: input.reportId, note: input.note ?? null }, context);
  }

  @Mutation('disputeProgressReport')
  disputeProgressReport(@Args('input') input: DisputeProgressReportInputDto, @Context() context: GraphQLContext) {
    return this.track(input, { type: 'DisputeProgressReport', reportId: input.reportId, reason: input.reason }, context);
  }

  @Mutation('closeReportingPeriod')
  async closeReportingPeriod(@Args('input') input: CloseReportingPeriodInputDto, @Context() context: GraphQLContext) {
    const result = await this.commands.execute(
      new ChangePlanCommand(input.planId, { type: 'CloseReportingPeriod', period: input.period }, commandContext(context, this.clock.now(), input)),
    );
    return this.consistency.answer(result, 'plan', (id) => this.consistency.reader.plansByIds([id])[0]);
  }

  private async track(input: CommitmentInput, change: TrackingChange, context: GraphQLContext) {
    const result: TrackingResult = await this.commands.execute(
      new TrackCommitmentCommand(input.commitmentId, change, commandContext(context, this.clock.now(), input)),
    );
    return { ...(await this.consistency.answer(result, 'commitment', (id) => this.consistency.reader.commitmentsByIds([id])[0])), itemId: result.itemId };
  }
}
