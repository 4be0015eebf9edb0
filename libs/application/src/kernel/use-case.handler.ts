import { Inject, Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventStore } from '#eventstore';
import { CATALOGUE } from '../catalogue/catalogue-token.js';
import type { SqliteCatalogueReader } from '../catalogue/sqlite-catalogue-reader.js';
import type { CommentRateLimit } from '../discussions/comment-rate-limit.js';
import { COMMENT_RATE_LIMIT, DISCUSSIONS } from '../discussions/discussion-token.js';
import type { SqliteDiscussionReader } from '../discussions/sqlite-discussion-reader.js';
import { NOTIFICATIONS } from '../notifications/notification-streams.js';
import type { SqliteNotificationsReader } from '../notifications/sqlite-notifications-reader.js';
import { IDENTITIES, type Identities } from '../participants/identities.js';
import type { GrantsReader, ParticipantsReader } from '../participants/read-model/participant-views.js';
import { PersonalDataVault } from '../personal-data/personal-data-vault.js';
import { EVENT_STORE, GRANTS, PARTICIPANTS } from '../tokens.js';
import type { CommandContext } from './command-context.js';
import { type AnyUseCase, type Ports, runUseCase } from './use-case.js';

/** A use case to run with its input, on the command bus: `commands.execute(new RunUseCase(reportProgress, input, context))`. */
export class RunUseCase<Input, Result> extends Command<Result> {
  constructor(
    readonly useCase: AnyUseCase<Input, Result>,
    readonly input: Input,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** The host's ports, as every use case sees them. */
@Injectable()
export class HostPorts implements Ports {
  constructor(
    @Inject(EVENT_STORE) readonly store: EventStore,
    @Inject(GRANTS) readonly grants: GrantsReader,
    @Inject(PARTICIPANTS) readonly participants: ParticipantsReader,
    @Inject(CATALOGUE) readonly catalogue: SqliteCatalogueReader,
    @Inject(DISCUSSIONS) readonly discussions: SqliteDiscussionReader,
    @Inject(NOTIFICATIONS) readonly notifications: SqliteNotificationsReader,
    @Inject(COMMENT_RATE_LIMIT) readonly rateLimit: CommentRateLimit,
    @Inject(IDENTITIES) readonly identities: Identities,
    @Inject(PersonalDataVault) readonly vault: PersonalDataVault,
  ) {}
}

/** The one command handler: every mutation is a use case it runs (see `runUseCase`). */
@CommandHandler(RunUseCase)
export class UseCaseHandler implements ICommandHandler<RunUseCase<unknown, unknown>, unknown> {
  constructor(@Inject(HostPorts) private readonly ports: Ports) {}

  execute<Input, Result>({ useCase, input, context }: RunUseCase<Input, Result>): Promise<Result> {
    return runUseCase(useCase, input, context, this.ports);
  }
}
