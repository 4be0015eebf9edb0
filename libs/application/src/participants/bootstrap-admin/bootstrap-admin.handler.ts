import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventStore } from '#eventstore';
import { CLOCK, type Clock, EVENT_STORE, GRANTS } from '../../tokens.js';
import type { ParticipantResult } from '../participant-commands.js';
import type { GrantsReader } from '../read-model/participant-views.js';
import { bootstrapAdmin } from './bootstrap-admin.js';
import { IDENTITIES, type Identities } from '../identities.js';
import { BootstrapAdminCommand } from './bootstrap-admin.command.js';

@CommandHandler(BootstrapAdminCommand)
export class BootstrapAdminHandler implements ICommandHandler<BootstrapAdminCommand, ParticipantResult | undefined> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(GRANTS) private readonly grants: GrantsReader,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(IDENTITIES) private readonly identities: Identities,
  ) {}

  async execute({ subject }: BootstrapAdminCommand): Promise<ParticipantResult | undefined> {
    return bootstrapAdmin(this.store, this.identities, this.grants, subject, this.clock.now());
  }
}
