import type Database from 'better-sqlite3';
import type { RoleGrant } from '#domain';
import type { RowOf } from '#projections';
import type { Page, PageRequest } from '../../catalogue/catalogue-views.js';
import { ValidationError } from '../../errors.js';
import { SqlQueries } from '../../read-model/sql-queries.js';
import type { GrantsReader, ParticipantFilter, ParticipantsReader, ParticipantView } from './participant-views.js';
import { participantsTable, roleGrantsTable } from './participants.projection.js';

const PARTICIPANTS = participantsTable.name;
const ROLE_GRANTS = roleGrantsTable.name;

type ParticipantRow = RowOf<typeof participantsTable>;
type GrantRow = Pick<RowOf<typeof roleGrantsTable>, 'role' | 'scope'>;

const toGrant = (row: GrantRow): RoleGrant => ({ role: row.role, scope: row.scope === '' ? null : row.scope });

/** Reads the `participants` read model (tables appear when the runner starts; until then they read as empty). */
export class SqliteGrantsReader implements GrantsReader {
  private readonly sql: SqlQueries;

  constructor(db: Database.Database) {
    this.sql = new SqlQueries(db);
  }

  rolesOf(participantId: string): RoleGrant[] {
    return this.sql
      .all<GrantRow>(`SELECT role, scope FROM ${ROLE_GRANTS} WHERE participant_id = ? ORDER BY granted_at, role, scope`, participantId)
      .map(toGrant);
  }

  adminCount(): number {
    return this.sql.get<{ admins: number }>(`SELECT count(*) AS admins FROM ${ROLE_GRANTS} WHERE role = 'ADMIN'`)?.admins ?? 0;
  }
}

export class SqliteParticipantsReader implements ParticipantsReader {
  private readonly sql: SqlQueries;

  constructor(db: Database.Database) {
    this.sql = new SqlQueries(db);
  }

  byId(participantId: string): ParticipantView | undefined {
    return this.view(this.sql.get<ParticipantRow>(`SELECT * FROM ${PARTICIPANTS} WHERE participant_id = ?`, participantId));
  }

  list(limit: number): ParticipantView[] {
    return this.sql
      .all<ParticipantRow>(`SELECT * FROM ${PARTICIPANTS} ORDER BY display_name, participant_id LIMIT ?`, limit)
      .map((row) => this.view(row)!);
  }

  page(filter: ParticipantFilter, request: PageRequest): Page<ParticipantView> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (filter.role) {
      conditions.push(
        `participant_id IN (SELECT participant_id FROM ${ROLE_GRANTS} WHERE role = ?${filter.scope ? ' AND scope = ?' : ''})`,
      );
      params.push(filter.role, ...(filter.scope ? [filter.scope] : []));
    }
    const where = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
    const after = decodeNameCursor(request.after);
    const rows = this.sql.all<ParticipantRow>(
      `SELECT * FROM ${PARTICIPANTS}${where}${after ? `${where ? ' AND' : ' WHERE'} (display_name, participant_id) > (?, ?)` : ''} ORDER BY display_name, participant_id LIMIT ?`,
      ...params,
      ...(after ?? []),
      request.first + 1,
    );
    const total = this.sql.get<{ n: number }>(`SELECT count(*) AS n FROM ${PARTICIPANTS}${where}`, ...params)?.n ?? 0;
    const items = rows.slice(0, request.first).map((row) => ({ cursor: encodeNameCursor(row), node: this.view(row)! }));
    return { items, hasNextPage: rows.length > request.first, endCursor: items.at(-1)?.cursor ?? null, totalCount: total };
  }

  private view(row: ParticipantRow | undefined): ParticipantView | undefined {
    if (!row) return undefined;
    const grants = this.sql.all<GrantRow>(
      `SELECT role, scope FROM ${ROLE_GRANTS} WHERE participant_id = ? ORDER BY granted_at, role, scope`,
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

/** Participants page by display name, then id: the cursor is the last row's pair, opaque to clients. */
const encodeNameCursor = (row: ParticipantRow): string =>
  Buffer.from(JSON.stringify(['n', row.display_name, row.participant_id])).toString('base64url');

function decodeNameCursor(cursor: string | null): [string, string] | undefined {
  if (cursor === null) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    decoded = undefined;
  }
  if (
    !Array.isArray(decoded) ||
    decoded.length !== 3 ||
    decoded[0] !== 'n' ||
    typeof decoded[1] !== 'string' ||
    typeof decoded[2] !== 'string'
  ) {
    throw new ValidationError('after is not a cursor this API returned', [{ field: 'after', message: 'unknown cursor' }]);
  }
  return [decoded[1], decoded[2]];
}
