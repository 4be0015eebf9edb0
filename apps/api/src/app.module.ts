import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import {
  type DynamicModule,
  type MiddlewareConsumer,
  Module,
  type NestModule,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { GraphQLModule } from '@nestjs/graphql';
import { TerminusModule } from '@nestjs/terminus';
import { ApplicationModule, IDENTITIES, type Identities } from '#application';
import { createTokenVerifier, type Logger, type PlatformConfig, PlatformModule } from '#platform';
import { CommitmentsResolver } from './commitments/commitments.resolver.js';
import { Consistency } from './read-models/consistency.js';
import { PlanAccess } from './read-models/plan-access.js';
import { HistoryResolver } from './plans/history.resolver.js';
import { PlansResolver } from './plans/plans.resolver.js';
import { StakeholdersResolver } from './stakeholders/stakeholders.resolver.js';
import { CommentResolver } from './discussions/comment.resolver.js';
import { DiscussionResolver } from './discussions/discussion.resolver.js';
import { NotificationsResolver } from './notifications/notifications.resolver.js';
import { ReminderScheduler } from './notifications/reminder-scheduler.js';
import { NotificationMailer } from './notifications/notification-mailer.js';
import { CommandMetricsInterceptor } from './graphql/command-metrics.interceptor.js';
import { GraphQLExceptionFilter } from './graphql/graphql-exception.filter.js';
import { graphqlOptions } from './graphql/graphql-options.js';
import { InputValidationPipe } from './graphql/input-validation.js';
import { MutationAuthGuard } from './graphql/mutation-auth.guard.js';
import { viewerResolver } from './graphql/viewer-context.js';
import { UseCases } from './graphql/use-cases.js';
import { HealthController } from './health/health.controller.js';
import { ParticipantsResolver } from './participants/participants.resolver.js';
import { ParticipantResolver } from './participants/participant.resolver.js';
import { instrumentEventStore } from './observability/instrumented-event-store.js';
import { httpMetricsMiddleware } from './observability/http-metrics.middleware.js';
import { Metrics } from './observability/metrics.js';
import { MetricsController } from './observability/metrics.controller.js';
import { DemoLoginController } from './web/demo-login.controller.js';
import { ProjectionMetrics } from './observability/projection-metrics.js';
import { ServerInfoResolver } from './server-info/server-info.resolver.js';
import { CommitmentTrackingResolver } from './tracking/commitment-tracking.resolver.js';
import {
  AtRiskCommitmentResolver,
  PlanSummaryTrackingResolver,
  PlanTrackingResolver,
  StakeholderScorecardResolver,
} from './tracking/plan-tracking.resolver.js';
import { TrackingResolver } from './tracking/tracking.resolver.js';

/** The api: GraphQL at /graphql, /health and /metrics, over the platform's stores. */
@Module({})
export class AppModule implements NestModule, OnModuleInit, OnModuleDestroy {
  private heapWatch: { stop(): void } | undefined;

  constructor(private readonly metrics: Metrics) {}

  onModuleInit(): void {
    this.heapWatch = this.metrics.watchHeap();
  }

  onModuleDestroy(): void {
    this.heapWatch?.stop();
  }

  static forRoot(config: PlatformConfig, logger: Logger): DynamicModule {
    const metrics = new Metrics();
    const verifier = createTokenVerifier(config);
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(config, logger, {
          runProjections: true,
          backgroundCheckpoints: true,
          decorateStore: (store) => instrumentEventStore(store, metrics),
        }),
        CqrsModule.forRoot(),
        ApplicationModule,
        TerminusModule.forRoot({ logger: false }),
        // Async, to hand the resolver of viewers the platform's identities (who a token's subject is).
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [IDENTITIES],
          useFactory: (identities: Identities) =>
            graphqlOptions(
              config,
              logger,
              viewerResolver(verifier, () => identities),
            ),
        }),
      ],
      controllers: [HealthController, MetricsController, DemoLoginController],
      providers: [
        { provide: Metrics, useValue: metrics },
        ProjectionMetrics,
        ServerInfoResolver,
        ParticipantsResolver,
        ParticipantResolver,
        UseCases,
        Consistency,
        PlanAccess,
        PlansResolver,
        StakeholdersResolver,
        CommitmentsResolver,
        HistoryResolver,
        TrackingResolver,
        CommitmentTrackingResolver,
        PlanTrackingResolver,
        PlanSummaryTrackingResolver,
        AtRiskCommitmentResolver,
        StakeholderScorecardResolver,
        DiscussionResolver,
        CommentResolver,
        NotificationsResolver,
        ReminderScheduler,
        NotificationMailer,
        { provide: APP_GUARD, useClass: MutationAuthGuard },
        { provide: APP_FILTER, useClass: GraphQLExceptionFilter },
        { provide: APP_INTERCEPTOR, useClass: CommandMetricsInterceptor },
        {
          provide: APP_PIPE,
          useValue: new InputValidationPipe(),
        },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(httpMetricsMiddleware(this.metrics)).forRoutes('*');
  }
}
