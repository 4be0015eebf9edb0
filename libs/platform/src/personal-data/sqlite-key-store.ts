import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import type { KeyStore } from '#application';

/**
 * Per-person keys in a table of the embedded event log's own file (`personal_data_keys`), on a connection of its
 * own. `secure_delete` overwrites a destroyed key's bytes, so erasure leaves nothing to recover in the file.
 */
export class SqliteKeyStore implements KeyStore {
  private readonly db: Database.Database;
  private readonly find;
  private readonly insert;
  private readonly remove;

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('secure_delete = ON');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec('CREATE TABLE IF NOT EXISTS personal_data_keys (participant_id TEXT PRIMARY KEY, key BLOB NOT NULL) WITHOUT ROWID');
    this.find = this.db.prepare<[string], { key: Buffer }>('SELECT key FROM personal_data_keys WHERE participant_id = ?');
    this.insert = this.db.prepare<[string, Buffer]>('INSERT OR IGNORE INTO personal_data_keys (participant_id, key) VALUES (?, ?)');
    this.remove = this.db.prepare<[string]>('DELETE FROM personal_data_keys WHERE participant_id = ?');
  }

  async keyFor(participantId: string): Promise<Buffer> {
    this.insert.run(participantId, randomBytes(32));
    return this.find.get(participantId)!.key;
  }

  async existingKey(participantId: string): Promise<Buffer | undefined> {
    return this.find.get(participantId)?.key;
  }

  async destroy(participantId: string): Promise<void> {
    this.remove.run(participantId);
    // Fold the WAL back into the file so the old page images go too.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
