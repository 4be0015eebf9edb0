import { Command } from '@nestjs/cqrs';
import type { ParticipantResult } from '../participant-commands.js';

/** Run by the system at start-up: `subject` becomes the first administrator; undefined when there already is one. */
export class BootstrapAdminCommand extends Command<ParticipantResult | undefined> {
  constructor(readonly subject: string) {
    super();
  }
}
