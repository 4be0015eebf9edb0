import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { type Observable, tap } from 'rxjs';
import { Metrics } from '../observability/metrics.js';

/** Times each mutation (a command) into `command_duration_seconds`, labelled with its outcome. */
@Injectable()
export class CommandMetricsInterceptor implements NestInterceptor {
  constructor(@Inject(Metrics) private readonly metrics: Metrics) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<GqlContextType>() !== 'graphql') return next.handle();
    const info = GqlExecutionContext.create(context).getInfo<GraphQLResolveInfo>();
    if (info.parentType.name !== 'Mutation') return next.handle();
    const end = this.metrics.commandDuration.startTimer({ command: info.fieldName });
    return next.handle().pipe(
      tap({
        next: () => end({ outcome: 'ok' }),
        error: (error: unknown) => end({ outcome: (error as { code?: string }).code ?? 'error' }),
      }),
    );
  }
}
