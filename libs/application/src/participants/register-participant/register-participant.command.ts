import { Command } from '@nestjs/cqrs';
import type { AgeBand, ParticipantKind } from '#domain';
import type { CommandContext } from '../../kernel/command-context.js';
import type { ParticipantResult } from '../participant-commands.js';

export class RegisterParticipantCommand extends Command<ParticipantResult> {
  constructor(
    readonly input: { readonly subject: string; readonly displayName: string; readonly kind: ParticipantKind; readonly ageBand?: AgeBand; readonly realName?: string; readonly email?: string; readonly sponsorId?: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}
