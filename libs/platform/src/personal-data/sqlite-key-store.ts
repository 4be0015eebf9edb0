import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { type KeyStore, type SubjectEntry, subjectHash } from '#application';

/** The file of the personal-data keys and the subject index, beside the event log but never in it. */
export const keyFilePath = (dataDir: string): string => join(dataDir, 'keys.sqlite');

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS personal_data_keys (participant_id TEXT PRIMARY KEY, key BLOB NOT NULL) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS subjects (subject_hash TEXT PRIMARY KEY, participant_id TEXT) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS secrets (name TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;
`;

/**
 * Per-person keys and the subject index in a file of their own (`DATA_DIR/keys.sqlite`, mode 0600: readable by the
 * api's user alone), on a connection of its own. The index maps a keyed hash of each subject (HMAC-SHA-256 with a
 * secret kept in the same file) to its participant; erasure deletes the key and leaves only the hash, marked erased.
 * `secure_delete` overwrites deleted bytes and each erasure folds the WAL back into the file, so nothing of a key is
 * left to recover. Keys kept by older versions in the event log's own file (`personal_data_keys` in events.sqlite)
 * are moved here on first open, and their table there dropped with its bytes overwritten.
 */
export class SqliteKeyStore implements KeyStore {
  private readonly db: Database.Database;
  private readonly secret: Buffer;
  private readonly find;
  private readonly insert;
  private readonly remove;
  private readonly findSubject;
  private readonly insertSubject;
  private readonly eraseSubject;

  constructor(
    private readonly path: string,
    options: { migrateFrom?: string } = {},
  ) {
    this.db = new Database(path);
    this.private();
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('secure_delete = ON');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.db.prepare('INSERT OR IGNORE INTO secrets (name, value) VALUES (?, ?)').run('subject-index', randomBytes(32));
    this.private(); // the WAL and shared memory exist by now
    this.secret = (this.db.prepare('SELECT value FROM secrets WHERE name = ?').get('subject-index') as { value: Buffer }).value;
    this.find = this.db.prepare<[string], { key: Buffer }>('SELECT key FROM personal_data_keys WHERE participant_id = ?');
    this.insert = this.db.prepare<[string, Buffer]>('INSERT OR IGNORE INTO personal_data_keys (participant_id, key) VALUES (?, ?)');
    this.remove = this.db.prepare<[string]>('DELETE FROM personal_data_keys WHERE participant_id = ?');
    this.findSubject = this.db.prepare<[string], { participant_id: string | null }>(
      'SELECT participant_id FROM subjects WHERE subject_hash = ?',
    );
    this.insertSubject = this.db.prepare<[string, string]>('INSERT OR IGNORE INTO subjects (subject_hash, participant_id) VALUES (?, ?)');
    this.eraseSubject = this.db.prepare<[string]>('INSERT OR REPLACE INTO subjects (subject_hash, participant_id) VALUES (?, NULL)');
    if (options.migrateFrom && existsSync(options.migrateFrom)) this.moveKeysFrom(options.migrateFrom);
  }

  async keyFor(participantId: string): Promise<Buffer> {
    this.insert.run(participantId, randomBytes(32));
    return this.find.get(participantId)!.key;
  }

  async existingKey(participantId: string): Promise<Buffer | undefined> {
    return this.find.get(participantId)?.key;
  }

  async destroy(participantId: string, subject: string | undefined): Promise<void> {
    this.db.transaction(() => {
      this.remove.run(participantId);
      if (subject !== undefined) this.eraseSubject.run(subjectHash(this.secret, subject));
    })();
    // Fold the WAL back into the file so the old page images go too.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  async subjectEntry(subject: string): Promise<SubjectEntry> {
    return entryOf(this.findSubject.get(subjectHash(this.secret, subject)));
  }

  async rememberSubject(subject: string, participantId: string): Promise<SubjectEntry> {
    const hash = subjectHash(this.secret, subject);
    this.insertSubject.run(hash, participantId);
    return entryOf(this.findSubject.get(hash));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** The file and its WAL and shared-memory files are the api user's alone. */
  private private(): void {
    for (const suffix of ['', '-wal', '-shm']) if (existsSync(`${this.path}${suffix}`)) chmodSync(`${this.path}${suffix}`, 0o600);
  }

  private moveKeysFrom(eventLog: string): void {
    const log = new Database(eventLog);
    try {
      const held = log.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'personal_data_keys'").get();
      if (!held) return;
      const keys = log.prepare('SELECT participant_id, key FROM personal_data_keys').all() as { participant_id: string; key: Buffer }[];
      this.db.transaction(() => {
        for (const { participant_id, key } of keys) this.insert.run(participant_id, key);
      })();
      log.pragma('secure_delete = ON');
      log.exec('DROP TABLE personal_data_keys');
      log.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      log.close();
      this.private();
    }
  }
}

function entryOf(row: { participant_id: string | null } | undefined): SubjectEntry {
  if (!row) return undefined;
  return row.participant_id === null ? 'erased' : { participantId: row.participant_id };
}
