import type Database from 'better-sqlite3';
import type { AgeBand, ParticipantKind, Role, RoleGrant } from '#domain';
import { SqlQueries } from '../../read-model/sql-queries.js';
import type { GrantsReader, ParticipantsReader, ParticipantView } from './participant-views.js';

interface ParticipantRow {
  participant_id: string;
  display_name: string;
  kind: ParticipantKind;
  age_band: AgeBand | null;
  version: number;
}

const toGrant = (row: { role: string; scope: string }): RoleGrant => ({ role: row.role as Role, scope: row.scope === '' ? null : row.scope });

/** Reads the `participants` read model (tables appear when the runner starts; until then they read as empty). */
export class SqliteGrantsReader implements GrantsReader {
  private readonly sql: SqlQueries;

  constructor(db: Database.Database) {
    this.sql = new SqlQueries(db);
  }

  rolesOf(participantId: string): RoleGrant[] {
    return this.sql
      .all<{ role: string; scope: string }>('SELECT role, scope FROM role_grants WHERE participant_id = ? ORDER BY granted_at, role, scope', participantId)
      .map(toGrant);
  }

  adminCount(): number {
    return this.sql.get<{ admins: number }>("SELECT count(*) AS admins FROM role_grants WHERE role = 'ADMIN'")?.admins ?? 0;
  }
}

export class SqliteParticipantsReader implements ParticipantsReader {
  private readonly sql: SqlQueries;

  constructor(db: Database.Database) {
    this.sql = new SqlQueries(db);
  }

  byId(participantId: string): ParticipantView | undefined {
    return this.view(this.sql.get<ParticipantRow>('SELECT * FROM participants WHERE participant_id = ?', participantId));
  }

  list(limit: number): ParticipantView[] {
    return this.sql
      .all<ParticipantRow>('SELECT * FROM participants ORDER BY display_name, participant_id LIMIT ?', limit)
      .map((row) => this.view(row)!);
  }

  private view(row: ParticipantRow | undefined): ParticipantView | undefined {
    if (!row) return undefined;
    const grants = this.sql.all<{ role: string; scope: string }>(
      'SELECT role, scope FROM role_grants WHERE participant_id = ? ORDER BY granted_at, role, scope',
      row.participant_id,
    );
    return {
      id: row.participant_id,
      displayName: row.display_name,
      kind: row.kind,
      ageBand: row.age_band ?? (row.kind === 'YOUTH' ? 'UNDER_18' : 'ADULT'),
      version: row.version,
      roles: grants.map(toGrant),
    };
  }
}
