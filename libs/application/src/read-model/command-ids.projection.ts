import type Database from 'better-sqlite3';
import {
  COMMITMENT_EVENT_TYPES,
  DISCUSSION_EVENT_TYPES,
  INBOX_EVENT_TYPES,
  PARTICIPANT_EVENT_TYPES,
  PLAN_EVENT_TYPES,
  STAKEHOLDER_EVENT_TYPES,
  TRACKING_EVENT_TYPES,
} from '#domain';
import { defineTable, type Projection, type RowChange, type RowOf, text } from '#projections';
import type { CommandLedger } from '../kernel/command-ids.js';
import { typed, upsert } from './rows.js';
import { SqlQueries } from './sql-queries.js';

export const commandIdsTable = defineTable({
  name: 'command_ids',
  columns: { command_id: text(), binding: text() },
  primaryKey: ['command_id'],
});

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
    ...INBOX_EVENT_TYPES,
  ],
  tables: [commandIdsTable],
  project(recorded, view): RowChange[] {
    const { commandId, commandBinding } = recorded.metadata as { commandId?: unknown; commandBinding?: unknown };
    if (typeof commandId !== 'string' || typeof commandBinding !== 'string') return [];
    if (typed(view).get(commandIdsTable, { command_id: commandId })) return [];
    return [upsert(commandIdsTable, { command_id: commandId, binding: commandBinding })];
  },
};

/** The command ledger, read from its table. */
export class SqliteCommandLedger implements CommandLedger {
  private readonly sql: SqlQueries;

  constructor(db: Database.Database) {
    this.sql = new SqlQueries(db);
  }

  bindingOf(commandId: string): string | undefined {
    return this.sql.get<Pick<RowOf<typeof commandIdsTable>, 'binding'>>('SELECT binding FROM command_ids WHERE command_id = ?', commandId)
      ?.binding;
  }
}
