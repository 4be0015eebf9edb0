import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SealedPersonalData } from '#domain';

/** A person's real name and e-mail: personal data, never in an event in clear. */
export interface PersonalData {
  readonly realName: string | null;
  readonly email: string | null;
}

/**
 * One AES-256 key per person, kept beside the event store; destroying it erases that person's data everywhere.
 * Asynchronous, because with EventStoreDB the keys live in the cluster itself.
 */
export interface KeyStore {
  /** The person's key, created on first use. */
  keyFor(participantId: string): Promise<Buffer>;
  /** The key, or undefined once erased (or never created). */
  existingKey(participantId: string): Promise<Buffer | undefined>;
  /** Destroys the key: nothing it sealed can be opened again. */
  destroy(participantId: string): Promise<void>;
}

export const KEY_STORE = Symbol('KEY_STORE');

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

  async erase(participantId: string): Promise<void> {
    await this.keys.destroy(participantId);
  }
}

/** Keys in memory, for the in-memory store and tests. */
export class MemoryKeyStore implements KeyStore {
  private readonly keys = new Map<string, Buffer>();

  async keyFor(participantId: string): Promise<Buffer> {
    let key = this.keys.get(participantId);
    if (!key) this.keys.set(participantId, (key = randomBytes(32)));
    return key;
  }

  async existingKey(participantId: string): Promise<Buffer | undefined> {
    return this.keys.get(participantId);
  }

  async destroy(participantId: string): Promise<void> {
    this.keys.get(participantId)?.fill(0);
    this.keys.delete(participantId);
  }
}
