import { type ParticipantRegistered, participantStream, RuleViolation, type SealedPersonalData } from '#domain';
import type { EventStore } from '#eventstore';
import { randomUUID } from 'node:crypto';
import type { KeyStore } from '../personal-data/personal-data-vault.js';
import { type PersonalData, PersonalDataVault } from '../personal-data/personal-data-vault.js';
import { legacyParticipantId } from './participant-id.js';

export const IDENTITIES = Symbol('IDENTITIES');

/**
 * Who an identity provider's subject is on the platform. The subject is personal data: events and read models refer
 * to a participant by an id that reveals nothing (random), the subject itself is sealed with the person's key, and the
 * way from a subject to its participant is an index outside the log, by a keyed hash of the subject (the key store's).
 * Erasure destroys the key and leaves only the mark that someone with that subject was erased.
 *
 * Participants registered before the subject was personal data have an id derived from it and their subject in their
 * registration in clear: they are found by that id when the index does not know them.
 */
export class Identities {
  private readonly vault: PersonalDataVault;

  constructor(
    private readonly store: EventStore,
    private readonly keys: KeyStore,
  ) {
    this.vault = new PersonalDataVault(keys);
  }

  /** The registered participant `subject` is; undefined when it is not registered (or was erased). */
  async participantOf(subject: string): Promise<string | undefined> {
    const entry = await this.keys.subjectEntry(subject);
    if (entry === 'erased') return undefined;
    if (entry) return (await this.exists(entry.participantId)) ? entry.participantId : undefined;
    const legacy = legacyParticipantId(subject);
    return (await this.exists(legacy)) ? legacy : undefined;
  }

  /**
   * The participant id `subject` is registered under, now or by the registration about to be recorded: the one the
   * index (or an older registration) has, or a new random one, recorded in the index first — so a registration that
   * fails after it, and its retry, use the same id. A subject whose person was erased is refused: registering it again
   * would tie a new record to someone who asked to be forgotten.
   */
  async idForRegistration(subject: string): Promise<string> {
    const entry = await this.keys.subjectEntry(subject);
    if (entry === 'erased') {
      throw new RuleViolation(
        'participant.erased',
        "This person's personal data was erased: they cannot be registered again under the same identity.",
      );
    }
    if (entry) return entry.participantId;
    const legacy = legacyParticipantId(subject);
    if (await this.exists(legacy)) return legacy;
    const recorded = await this.keys.rememberSubject(subject, randomUUID());
    if (recorded === undefined || recorded === 'erased') throw new Error('The subject index did not record the registration');
    return recorded.participantId;
  }

  /**
   * The subject a participant signs in with: opened from their sealed personal data (or, for an older registration, read
   * from it); undefined once erased.
   */
  async subjectOf(participantId: string): Promise<string | undefined> {
    const [registered] = (await this.store.readStream(participantStream(participantId), {
      maxCount: 1,
    })) as unknown as ParticipantRegistered[];
    if (registered?.type !== 'ParticipantRegistered') return undefined;
    if (registered.data.subject !== undefined)
      return (await this.keys.subjectEntry(registered.data.subject)) === 'erased' ? undefined : registered.data.subject;
    const sealed = registered.data.personalData ? await this.vault.open(participantId, registered.data.personalData) : 'erased';
    return sealed === 'erased' ? undefined : sealed.subject;
  }

  /** Seals a person's personal data, their subject included, with their own key. */
  seal(participantId: string, data: PersonalData): Promise<SealedPersonalData> {
    return this.vault.seal(participantId, data);
  }

  private async exists(participantId: string): Promise<boolean> {
    return (await this.store.readStream(participantStream(participantId), { maxCount: 1 })).length > 0;
  }
}
