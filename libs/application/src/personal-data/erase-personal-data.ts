import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler, type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { type ParticipantRegistered, participantStream } from '#domain';
import type { EventStore } from '#eventstore';
import { ForbiddenError, NotFoundError } from '../errors.js';
import type { CommandContext } from '../kernel/command-context.js';
import { type ParticipantResult, runParticipantCommand } from '../participants/participant-commands.js';
import type { GrantsReader, ParticipantsReader } from '../participants/read-model/participant-views.js';
import { EVENT_STORE, GRANTS, PARTICIPANTS } from '../tokens.js';
import { type PersonalData, PersonalDataVault } from './personal-data-vault.js';

/** Admins, and the person themself, may read and erase a person's personal data (the actor is a participant id). */
function mayHandle(grants: GrantsReader, actor: string, participantId: string, asOperator = false): boolean {
  return asOperator || grants.rolesOf(actor).some((grant) => grant.role === 'ADMIN') || actor === participantId;
}

/** The sealed personal data of a participant's registration, and the subject an older registration carries in clear. */
async function registrationOf(store: EventStore, participantId: string): Promise<ParticipantRegistered['data'] | undefined> {
  const [registered] = (await store.readStream(participantStream(participantId), { maxCount: 1 })) as unknown as ParticipantRegistered[];
  return registered?.type === 'ParticipantRegistered' ? registered.data : undefined;
}

export class ErasePersonalDataCommand extends Command<ParticipantResult> {
  constructor(
    readonly participantId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/**
 * Erases a person: once the erasure is decided (never for a refused one), destroys their key (so nothing can read the
 * sealed subject, name and e-mail, in any copy of the log or read model) and forgets which participant their subject
 * was, then records that it happened. The events themselves stay as they were; they name the participant by an id that
 * reveals nothing.
 */
@CommandHandler(ErasePersonalDataCommand)
export class ErasePersonalDataHandler implements ICommandHandler<ErasePersonalDataCommand, ParticipantResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(GRANTS) private readonly grants: GrantsReader,
    @Inject(PARTICIPANTS) private readonly participants: ParticipantsReader,
    @Inject(PersonalDataVault) private readonly vault: PersonalDataVault,
  ) {}

  async execute({ participantId, context }: ErasePersonalDataCommand): Promise<ParticipantResult> {
    const participant = this.participants.byId(participantId);
    if (!participant) throw new NotFoundError('There is no such participant.');
    if (!mayHandle(this.grants, context.actor, participantId, context.asOperator)) {
      throw new ForbiddenError('Only an administrator, or the person themself, may erase personal data.');
    }
    const registration = await registrationOf(this.store, participantId);
    const sealed = registration?.personalData ? await this.vault.open(participantId, registration.personalData) : undefined;
    const subject = registration?.subject ?? (sealed && sealed !== 'erased' ? sealed.subject : undefined);
    return runParticipantCommand(this.store, participantId, { type: 'ErasePersonalData', erasedBy: context.actor }, context, () =>
      this.vault.erase(participantId, subject),
    );
  }
}

export class GetPersonalDataQuery extends Query<PersonalData | 'erased' | null> {
  constructor(
    readonly participantId: string,
    readonly actor: string,
  ) {
    super();
  }
}

/** A person's personal data for an admin or the person themself; null when none was recorded. */
@QueryHandler(GetPersonalDataQuery)
export class GetPersonalDataHandler implements IQueryHandler<GetPersonalDataQuery, PersonalData | 'erased' | null> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(GRANTS) private readonly grants: GrantsReader,
    @Inject(PersonalDataVault) private readonly vault: PersonalDataVault,
  ) {}

  async execute({ participantId, actor }: GetPersonalDataQuery): Promise<PersonalData | 'erased' | null> {
    if (!mayHandle(this.grants, actor, participantId)) {
      throw new ForbiddenError('Only an administrator, or the person themself, may read personal data.');
    }
    const sealed = (await registrationOf(this.store, participantId))?.personalData;
    return sealed ? await this.vault.open(participantId, sealed) : null;
  }
}
