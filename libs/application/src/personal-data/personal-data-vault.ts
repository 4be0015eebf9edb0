import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { SealedPersonalData } from '#domain';

/**
 * A person's personal data: their real name and e-mail when given, and the subject their identity provider knows them
 * by (often an e-mail address too). Never in an event or a read model in clear.
 */
export interface PersonalData {
  readonly realName: string | null;
  readonly email: string | null;
  /** Absent in data sealed before the subject was personal data (its events carry the subject in clear). */
  readonly subject?: string;
}

/** What the key store knows of a subject: the participant it was registered as, or that that person was erased. */
export type SubjectEntry = { readonly participantId: string } | 'erased' | undefined;

/**
 * What a person's personal data is kept with, outside the log: one AES-256 key per person (destroying it erases that
 * person's data everywhere), and the index from an identity provider's subject to the participant, by a keyed hash of
 * the subject, so that neither the log nor the read models carry it. Asynchronous, because with EventStoreDB it lives
 * in the cluster itself.
 */
export interface KeyStore {
  /** The person's key, created on first use. */
  keyFor(participantId: string): Promise<Buffer>;
  /** The key, or undefined once erased (or never created). */
  existingKey(participantId: string): Promise<Buffer | undefined>;
  /**
   * Erases the person: destroys the key (nothing it sealed can be opened again) and forgets which participant `subject`
   * was, keeping only that a person with that subject was erased.
   */
  destroy(participantId: string, subject: string | undefined): Promise<void>;
  /** The participant `subject` was registered as, found by its keyed hash. */
  subjectEntry(subject: string): Promise<SubjectEntry>;
  /** Records that `subject` is `participantId`, unless it is recorded already: returns what is recorded now. */
  rememberSubject(subject: string, participantId: string): Promise<SubjectEntry>;
}

export const KEY_STORE = Symbol('KEY_STORE');

/** The keyed hash under which a subject is indexed: HMAC-SHA-256 with the store's own secret. */
export const subjectHash = (secret: Buffer, subject: string): string =>
  createHmac('sha256', secret).update(subject, 'utf8').digest('base64url');

/** Seals and opens personal data with the person's key (AES-256-GCM; the participant id is the associated data). */
export class PersonalDataVault {
  constructor(private readonly keys: KeyStore) {}

  async seal(participantId: string, data: PersonalData): Promise<SealedPersonalData> {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', await this.keys.keyFor(participantId), iv);
    cipher.setAAD(Buffer.from(participantId));
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(data), 'utf8'), cipher.final()]);
    return { ciphertext: ciphertext.toString('base64'), iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
  }

  /** The data, or `erased` when the person's key is gone. */
  async open(participantId: string, sealed: SealedPersonalData): Promise<PersonalData | 'erased'> {
    const key = await this.keys.existingKey(participantId);
    if (!key) return 'erased';
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(participantId));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as PersonalData;
  }

  async erase(participantId: string, subject: string | undefined): Promise<void> {
    await this.keys.destroy(participantId, subject);
  }
}

/** Keys and the subject index in memory, for the in-memory store and tests. */
export class MemoryKeyStore implements KeyStore {
  private readonly keys = new Map<string, Buffer>();
  private readonly subjects = new Map<string, SubjectEntry>();
  private readonly secret = randomBytes(32);

  async keyFor(participantId: string): Promise<Buffer> {
    let key = this.keys.get(participantId);
    if (!key) this.keys.set(participantId, (key = randomBytes(32)));
    return key;
  }

  async existingKey(participantId: string): Promise<Buffer | undefined> {
    return this.keys.get(participantId);
  }

  async destroy(participantId: string, subject: string | undefined): Promise<void> {
    this.keys.get(participantId)?.fill(0);
    this.keys.delete(participantId);
    if (subject !== undefined) this.subjects.set(subjectHash(this.secret, subject), 'erased');
  }

  async subjectEntry(subject: string): Promise<SubjectEntry> {
    return this.subjects.get(subjectHash(this.secret, subject));
  }

  async rememberSubject(subject: string, participantId: string): Promise<SubjectEntry> {
    const hash = subjectHash(this.secret, subject);
    if (!this.subjects.has(hash)) this.subjects.set(hash, { participantId });
    return this.subjects.get(hash);
  }
}
