import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { type AnyUseCase, CLOCK, type Clock, type CommandContext, RunUseCase } from '#application';
import type { GraphQLContext } from './viewer-context.js';

/** What every mutation's input may carry besides its fields: a client command id and the version it read. */
export interface CommandOptions {
  readonly commandId?: string | null;
  readonly expectedVersion?: number | null;
}

/**
 * What every command records about its request: who (the viewer's participant id — never the subject, which is
 * personal data; an unregistered caller acts as `unregistered`, who holds no role), which request, which client
 * command, which version.
 */
export function commandContext(context: GraphQLContext, now: Date, input: CommandOptions): CommandContext {
  const header = context.req.headers['x-correlation-id'];
  const correlationId = typeof header === 'string' && /^[\w.:-]{1,100}$/.test(header) ? header : randomUUID();
  return {
    actor: context.viewer!.participantId ?? 'unregistered',
    correlationId,
    now,
    ...(input.commandId ? { commandId: input.commandId } : {}),
    ...(input.expectedVersion !== undefined && input.expectedVersion !== null ? { expectedVersion: input.expectedVersion } : {}),
  };
}

/** How a resolver runs a mutation: its use case, on the command bus, with the request's command context. */
@Injectable()
export class UseCases {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  run<Input, Result>(useCase: AnyUseCase<Input, Result>, input: Input, context: GraphQLContext, options: CommandOptions): Promise<Result> {
    return this.commands.execute(new RunUseCase(useCase, input, commandContext(context, this.clock.now(), options)));
  }
}
