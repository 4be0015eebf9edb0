import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { type AnyUseCase, CLOCK, type Clock, RunUseCase } from '#application';
import { commandContext } from './command-context.js';
import type { GraphQLContext } from './viewer-context.js';

/** What every mutation's input may carry besides its fields: a client command id and the version it read. */
export interface CommandOptions {
  readonly commandId?: string | null;
  readonly expectedVersion?: number | null;
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
