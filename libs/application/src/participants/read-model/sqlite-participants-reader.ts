import type Database from 'better-sqlite3';
import type { AgeBand, ParticipantKind, Role, RoleGrant } from '#domain';
import type { GrantsReader, ParticipantsReader, ParticipantView } from './participant-views.js';

interface ParticipantRow {
  participant_id: string;
  subject: string;
  display_name: string;
  kind: ParticipantKind;
  age_band: AgeBand | null;
  version: number;
}

const toGrant = (row: { role: string; scope: string }): RoleGrant => ({ role: row.role as Role, scope: row.scope === '' ? null : row.scope });

/**
 * Reads the `participants` read model. Statements are prepared on first use: the tables appear when the
 * projection runner starts, which may be after this reader is created.
 */
abstract class ReadModelQueries {
  private readonly cache = new Map<string, Database.Statement>();
  constructor(private readonly db: Database.Database) {}

  protected query(sql: string): Database.Statement | undefined {
    let statement = this.cache.get(sql);
    if (!statement) {
      try {
        statement = this.db.prepare(sql);
      } catch (error) {
        if (/no such table/.test((error as Error).message)) return undefined;
        throw error;
      }
      this.cache.set(sql, statement);
    }
    return statement;
  }
}

export class SqliteGrantsReader extends ReadModelQueries implements GrantsReader {
  rolesOf(subject: string): RoleGrant[] {
    const rows = this.query(
      `SELECT g.role, g.scope FROM role_grants g JOIN participants p ON p.participant_id = g.participant_id
       WHERE p.subject = ? ORDER BY g.granted_at, g.role, g.scope`,
    )?.all(subject) as { role: string; scope: string }[] | undefined;
    return (rows ?? []).map(toGrant);
  }

  adminCount(): number {
    const row = this.query("SELECT count(*) AS admins FROM role_grants WHERE role = 'ADMIN'")?.get() as { admins: number } | undefined;
    return row?.admins ?? 0;
  }
}

export class SqliteParticipantsReader extends ReadModelQueries implements ParticipantsReader {
  byId(participantId: string): ParticipantView | undefined {
    return this.view(this.query('SELECT * FROM participants WHERE participant_id = ?')?.get(participantId) as ParticipantRow | undefined);
  }

  bySubject(subject: string): ParticipantView | undefined {
    return this.view(this.query('SELECT * FROM participants WHERE subject = ?')?.get(subject) as ParticipantRow | undefined);
  }

  private view(row: ParticipantRow | undefined): ParticipantView | undefined {
    if (!row) return undefined;
    const grants = this.query('SELECT role, scope FROM role_grants WHERE participant_id = ? ORDER BY granted_at, role, scope')?.all(
      row.participant_id,
    ) as { role: string; scope: string }[] | undefined;
    return {
      id: row.participant_id,
      subject: row.subject,
      displayName: row.display_name,
      kind: row.kind,
      ageBand: row.age_band ?? (row.kind === 'YOUTH' ? 'UNDER_18' : 'ADULT'),
      version: row.version,
      roles: (grants ?? []).map(toGrant),
    };
  }
}
