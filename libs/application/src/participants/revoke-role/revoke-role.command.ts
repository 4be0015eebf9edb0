import { Command } from '@nestjs/cqrs';
import type { Role } from '#domain';
import type { CommandContext } from '../../kernel/command-context.js';
import type { ParticipantResult } from '../participant-commands.js';

export class RevokeRoleCommand extends Command<ParticipantResult> {
  constructor(
    readonly input: { readonly subject: string; readonly role: Role; readonly scope: string | null; readonly reason: string | null },
    readonly context: CommandContext,
  ) {
    super();
  }
}
