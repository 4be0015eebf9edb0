import { Inject, Injectable } from '@nestjs/common';
import { type ParticipantRegistered, participantStream } from '#domain';
import type { EventStore } from '#eventstore';
import { ForbiddenError } from '../errors.js';
import type { GrantsReader } from '../participants/read-model/participant-views.js';
import { EVENT_STORE, GRANTS } from '../tokens.js';
import { type PersonalData, PersonalDataVault } from './personal-data-vault.js';

/** Admins, and the person themself, may read and erase a person's personal data (the actor is a participant id). */
export function mayHandle(grants: GrantsReader, actor: string, participantId: string, asOperator = false): boolean {
  return asOperator || grants.rolesOf(actor).some((grant) => grant.role === 'ADMIN') || actor === participantId;
}

/** The sealed personal data of a participant's registration, and the subject an older registration carries in clear. */
export async function registrationOf(store: EventStore, participantId: string): Promise<ParticipantRegistered['data'] | undefined> {
  const [registered] = (await store.readStream(participantStream(participantId), { maxCount: 1 })) as unknown as ParticipantRegistered[];
  return registered?.type === 'ParticipantRegistered' ? registered.data : undefined;
}

/** The reader of people's personal data, opened from their sealed registration for those who may read it. */
@Injectable()
export class PersonalDataReader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(GRANTS) private readonly grants: GrantsReader,
    @Inject(PersonalDataVault) private readonly vault: PersonalDataVault,
  ) {}

  /** A person's personal data for an admin or the person themself; null when none was recorded. */
  async of(participantId: string, actor: string): Promise<PersonalData | 'erased' | null> {
    if (!mayHandle(this.grants, actor, participantId)) {
      throw new ForbiddenError('Only an administrator, or the person themself, may read personal data.');
    }
    const sealed = (await registrationOf(this.store, participantId))?.personalData;
    return sealed ? await this.vault.open(participantId, sealed) : null;
  }
}
