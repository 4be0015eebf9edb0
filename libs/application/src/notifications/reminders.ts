import { Inject, Injectable } from '@nestjs/common';
import type { CalendarDate } from '#domain';
import type { EventStore } from '#eventstore';
import { CATALOGUE } from '../catalogue/catalogue-token.js';
import type { SqliteCatalogueReader } from '../catalogue/sqlite-catalogue-reader.js';
import type { CommandContext } from '../kernel/command-context.js';
import type { ParticipantsReader } from '../participants/read-model/participant-views.js';
import { EVENT_STORE, PARTICIPANTS } from '../tokens.js';
import type { SqliteTrackingReader } from '../tracking/sqlite-tracking-reader.js';
import { TRACKING } from '../tracking/tracking-token.js';
import { type ReminderPassReport, runReminderPass } from './reminder-pass.js';

/** The reminder pass on the host's stores: what the api's schedule and the CLI's `reminders run` both run. */
@Injectable()
export class Reminders {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CATALOGUE) private readonly catalogue: SqliteCatalogueReader,
    @Inject(TRACKING) private readonly tracking: SqliteTrackingReader,
    @Inject(PARTICIPANTS) private readonly participants: ParticipantsReader,
  ) {}

  run(asOf: CalendarDate, context: CommandContext, signal?: AbortSignal): Promise<ReminderPassReport> {
    const { store, catalogue, tracking, participants } = this;
    return runReminderPass({ store, catalogue, tracking, participants }, asOf, context, signal);
  }
}
