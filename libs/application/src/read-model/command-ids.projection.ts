import type Database from 'better-sqlite3';
import { COMMITMENT_EVENT_TYPES, DISCUSSION_EVENT_TYPES, PARTICIPANT_EVENT_TYPES, PLAN_EVENT_TYPES, STAKEHOLDER_EVENT_TYPES, TRACKING_EVENT_TYPES } from '#domain';
import type { Projection, RowChange } from '#projections';
import type { CommandLedger } from '../kernel/command-ids.js';
import { SqlQueries } from './sql-queries.js';

/**
 * The command ledger: each client command id recorded, with the digest of what it was bound to (sender, operation,
 * target) when first used. The kernel refuses the same id for another command (`commandIdUse`).
 */
export const commandIdsProjection: Projection = {
  name: 'command_ids',
  version: 1,
  eventTypes: [
    ...PARTICIPANT_EVENT_TYPES,
    ...PLAN_EVENT_TYPES,
    ...STAKEHOLDER_EVENT_TYPES,
    ...COMMITMENT_EVENT_TYPES,
    ...TRACKING_EVENT_TYPES,
    ...DISCUSSION_EVENT_TYPES,
  ],
  tables: [{ name: 'command_ids', columns: { command_id: 'TEXT', binding: 'TEXT' }, primaryKey: ['command_id'] }],
  project(recorded, view): RowChange[] {
    const { commandId, commandBinding } = recorded.metadata as { commandId?: unknown; commandBinding?: unknown };
    if (typeof commandId !== 'string' || typeof commandBinding !== 'string') return [];
    if (view.get('command_ids', { command_id: commandId })) return [];
    return [{ kind: 'upsert', table: 'command_ids', row: { command_id: commandId, binding: commandBinding } }];
  },
};

/** The command ledger, read from its table. */
export class SqliteCommandLedger implements CommandLedger {
  private readonly sql: SqlQueries;

  constructor(db: Database.Database) {
    this.sql = new SqlQueries(db);
  }

  bindingOf(commandId: string): string | undefined {
    return this.sql.get<{ binding: string }>('SELECT binding FROM command_ids WHERE command_id = ?', commandId)?.binding;
  }
}
