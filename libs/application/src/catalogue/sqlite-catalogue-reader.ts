import type Database from 'better-sqlite3';
import type { RowOf } from '#projections';
import { placeholders, SqlQueries } from '../read-model/sql-queries.js';
import type {
  CommitmentFilter,
  CommitmentView,
  DraftsVisible,
  Page,
  PageRequest,
  PlanFilter,
  PlanSummaryView,
  PlanView,
  StakeholderFilter,
  StakeholderView,
  ThematicAreaView,
} from './catalogue-views.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { legacyParticipantId } from '../participants/participant-id.js';
import { READ_MODEL_HISTORY } from '../read-model/read-model-history.js';
import { participantsTable } from '../participants/read-model/participants.projection.js';
import { commitmentDaysTable, commitmentRevisionsTable, commitmentsTable } from './projections/commitments.projection.js';
import { planAreasTable, plansTable, planStakeholdersTable } from './projections/plans.projection.js';
import { stakeholdersTable } from './projections/stakeholders.projection.js';

type AreaRow = RowOf<typeof planAreasTable>;
type PlanStakeholderRow = RowOf<typeof planStakeholdersTable>;

type PlanRow = RowOf<typeof plansTable>;
type StakeholderRow = RowOf<typeof stakeholdersTable>;
/** A commitment's row with its stream's version (`withVersion`). */
type CommitmentRow = RowOf<typeof commitmentsTable> & Pick<RowOf<typeof commitmentRevisionsTable>, 'version'>;

const toPlan = (r: PlanRow): PlanView => ({
  id: r.plan_id,
  country: r.country,
  title: r.title,
  periodStart: r.period_start,
  periodEnd: r.period_end,
  defaultDeadline: r.default_deadline,
  reportingCycle: r.reporting_cycle,
  status: r.status,
  version: r.version,
});
const toStakeholder = (r: StakeholderRow): StakeholderView => ({
  id: r.stakeholder_id,
  name: r.name,
  kind: r.kind,
  sector: r.sector,
  country: r.country,
  version: r.version,
});
const toCommitment = (r: CommitmentRow): CommitmentView => ({
  id: r.commitment_id,
  planId: r.plan_id,
  thematicAreaCode: r.area_code,
  ownerId: r.owner_id,
  coOwnerIds: JSON.parse(r.co_owner_ids) as string[],
  title: r.title,
  description: r.description,
  sourceReference: r.source_reference,
  target: { indicator: r.indicator, unit: r.unit, baseline: r.baseline, targetValue: r.target_value },
  dueDate: r.due_date,
  dueDateInherited: r.due_date_inherited === 1,
  status: r.status,
  version: r.version,
  completedOn: r.completed_on,
  withdrawalReason: r.withdrawal_reason,
});

/** A WHERE clause from the filters that are set; every value is a bound parameter (a list: one per `?`). */
function where(conditions: readonly [string, unknown][]): { sql: string; params: unknown[] } {
  const set = conditions.filter(([, value]) => value !== undefined && value !== null);
  return {
    sql: set.map(([condition]) => condition).join(' AND '),
    params: set.flatMap(([, value]) => (Array.isArray(value) ? value : [value])),
  };
}

/** The condition on rows of `plans` that keeps those a reader may see (none when every plan is), with its parameters. */
function visiblePlans(drafts: DraftsVisible | undefined): [string, unknown] {
  if (drafts === undefined || drafts === 'all') return ['', undefined];
  return [`(plans.status != 'DRAFT' OR plans.plan_id IN (${placeholders(drafts.length)}))`, drafts.length === 0 ? [null] : [...drafts]];
}

/**
 * Plans, stakeholders and commitments, read from the catalogue projections (the audit trail is read from the log, by
 * `auditTrail`). Lists page by the position each row was created at (keyset pagination); nested fields are loaded
 * for many parents at once.
 */
export class SqliteCatalogueReader {
  constructor(
    private readonly db: Database.Database,
    readonly sql = new SqlQueries(db, READ_MODEL_HISTORY),
  ) {}

  /** The same reader as of the end of `day` (the tables' history). */
  asOf(day: string): SqliteCatalogueReader {
    return new SqliteCatalogueReader(this.db, this.sql.asOf(day));
  }

  /** The day this reader reads as of; null: now. */
  get day(): string | null {
    return this.sql.day;
  }

  private t(table: { readonly name: string }): string {
    return this.sql.table(table);
  }

  /**
   * A page of `table`'s rows (under that name in `from` and `filter`), in the order they were created; `more` adds
   * columns from a join to the rows of the page only (not to the count).
   */
  private page<Row extends { created_position: number }, View>(
    table: string,
    from: string,
    filter: { sql: string; params: unknown[] },
    request: PageRequest,
    map: (row: Row) => View,
    more: { columns: string; join: string } = { columns: '', join: '' },
  ): Page<View> {
    const after = decodeCursor(request.after);
    const conditions = [filter.sql, `${table}.created_position > ?`].filter(Boolean).join(' AND ');
    const rows = this.sql.all<Row>(
      `SELECT ${table}.*${more.columns} FROM ${from}${more.join} WHERE ${conditions} ORDER BY ${table}.created_position LIMIT ?`,
      ...filter.params,
      after,
      request.first + 1,
    );
    const total = this.sql.get<{ n: number }>(
      `SELECT count(*) AS n FROM ${from}${filter.sql ? ` WHERE ${filter.sql}` : ''}`,
      ...filter.params,
    );
    const items = rows.slice(0, request.first).map((row) => ({ cursor: encodeCursor(row.created_position), node: map(row) }));
    return { items, hasNextPage: rows.length > request.first, endCursor: items.at(-1)?.cursor ?? null, totalCount: total?.n ?? 0 };
  }

  plans(filter: PlanFilter, request: PageRequest): Page<PlanView> {
    const conditions = where([['plans.country = ?', filter.country], ['plans.status = ?', filter.status], visiblePlans(filter.drafts)]);
    return this.page<PlanRow, PlanView>('plans', `${this.t(plansTable)} plans`, conditions, request, toPlan);
  }

  plansByIds(ids: readonly string[]): PlanView[] {
    if (ids.length === 0) return [];
    return this.sql.all<PlanRow>(`SELECT * FROM ${this.t(plansTable)} WHERE plan_id IN (${placeholders(ids.length)})`, ...ids).map(toPlan);
  }

  thematicAreasOf(planIds: readonly string[]): ThematicAreaView[] {
    if (planIds.length === 0) return [];
    return this.sql
      .all<Pick<AreaRow, 'plan_id' | 'code' | 'title'>>(
        `SELECT plan_id, code, title FROM ${this.t(planAreasTable)} WHERE plan_id IN (${placeholders(planIds.length)}) ORDER BY plan_id, ordinal`,
        ...planIds,
      )
      .map((r) => ({ planId: r.plan_id, code: r.code, title: r.title }));
  }

  /** Admitted stakeholders of each plan, in the order they joined. */
  stakeholdersOf(planIds: readonly string[]): { planId: string; stakeholder: StakeholderView }[] {
    if (planIds.length === 0) return [];
    return this.sql
      .all<StakeholderRow & Pick<PlanStakeholderRow, 'plan_id'>>(
        `SELECT ps.plan_id, s.* FROM ${this.t(planStakeholdersTable)} ps JOIN ${this.t(stakeholdersTable)} s ON s.stakeholder_id = ps.stakeholder_id
         WHERE ps.plan_id IN (${placeholders(planIds.length)}) ORDER BY ps.plan_id, ps.ordinal`,
        ...planIds,
      )
      .map((row) => ({ planId: row.plan_id, stakeholder: toStakeholder(row) }));
  }

  stakeholders(filter: StakeholderFilter, request: PageRequest): Page<StakeholderView> {
    const conditions = where([
      ['stakeholders.kind = ?', filter.kind],
      ['stakeholders.sector = ?', filter.sector],
      ['stakeholders.country = ?', filter.country],
    ]);
    return this.page<StakeholderRow, StakeholderView>(
      'stakeholders',
      `${this.t(stakeholdersTable)} stakeholders`,
      conditions,
      request,
      toStakeholder,
    );
  }

  stakeholdersByIds(ids: readonly string[]): StakeholderView[] {
    if (ids.length === 0) return [];
    return this.sql
      .all<StakeholderRow>(`SELECT * FROM ${this.t(stakeholdersTable)} WHERE stakeholder_id IN (${placeholders(ids.length)})`, ...ids)
      .map(toStakeholder);
  }

  commitments(filter: CommitmentFilter, request: PageRequest): Page<CommitmentView> {
    const conditions = where([
      ['commitments.plan_id = ?', filter.planId],
      ['commitments.owner_id = ?', filter.ownerId],
      ['commitments.area_code = ?', filter.thematicAreaCode],
      ['commitments.status = ?', filter.status],
      ['owner.kind = ?', filter.ownerKind],
      this.ofVisiblePlans(filter.drafts),
    ]);
    const commitments = `${this.t(commitmentsTable)} commitments`;
    const from = filter.ownerKind
      ? `${commitments} JOIN ${this.t(stakeholdersTable)} owner ON owner.stakeholder_id = commitments.owner_id`
      : commitments;
    return this.page<CommitmentRow, CommitmentView>('commitments', from, conditions, request, toCommitment, this.withVersion());
  }

  /** The condition on `commitments` that keeps those of plans a reader may see, with its parameters. */
  private ofVisiblePlans(drafts: DraftsVisible | undefined): [string, unknown] {
    const [condition, params] = visiblePlans(drafts);
    return condition
      ? [`commitments.plan_id IN (SELECT plans.plan_id FROM ${this.t(plansTable)} plans WHERE ${condition})`, params]
      : ['', undefined];
  }

  commitmentsByIds(ids: readonly string[]): CommitmentView[] {
    if (ids.length === 0) return [];
    const { columns, join } = this.withVersion();
    return this.sql
      .all<CommitmentRow>(
        `SELECT commitments.*${columns} FROM ${this.t(commitmentsTable)} commitments${join} WHERE commitments.commitment_id IN (${placeholders(ids.length)})`,
        ...ids,
      )
      .map(toCommitment);
  }

  /**
   * A commitment's version: the revision of its stream, kept apart from its rows — the latest (`commitment_revisions`),
   * or the last of the days up to the reader's (`commitment_days`).
   */
  private withVersion(): { columns: string; join: string } {
    if (this.sql.day !== null) {
      return {
        columns: `, (SELECT days.version FROM ${commitmentDaysTable.name} days WHERE days.commitment_id = commitments.commitment_id AND days.day <= as_of_day() ORDER BY days.day DESC LIMIT 1) AS version`,
        join: '',
      };
    }
    return {
      columns: ', revisions.version',
      join: ` JOIN ${commitmentRevisionsTable.name} revisions ON revisions.commitment_id = commitments.commitment_id`,
    };
  }

  planSummary(planId: string): PlanSummaryView {
    const byStatus = this.sql.all<Pick<CommitmentRow, 'status'> & { n: number }>(
      `SELECT status, count(*) AS n FROM ${this.t(commitmentsTable)} WHERE plan_id = ? GROUP BY status ORDER BY status`,
      planId,
    );
    const byArea = this.sql.all<Pick<AreaRow, 'code' | 'title'> & { n: number }>(
      `SELECT a.code, a.title, count(c.commitment_id) AS n FROM ${this.t(planAreasTable)} a
       LEFT JOIN ${this.t(commitmentsTable)} c ON c.plan_id = a.plan_id AND c.area_code = a.code
       WHERE a.plan_id = ? GROUP BY a.code, a.title ORDER BY a.ordinal`,
      planId,
    );
    return {
      total: byStatus.reduce((sum, row) => sum + row.n, 0),
      byStatus: byStatus.map((row) => ({ status: row.status, count: row.n })),
      byThematicArea: byArea.map((row) => ({ code: row.code, title: row.title, count: row.n })),
    };
  }

  /**
   * Display names of registered participants by the actor an event names: a participant id, or — in events recorded
   * before the subject counted as personal data — the subject, whose participant has the id derived from it.
   */
  displayNames(actors: readonly string[]): Map<string, string> {
    if (actors.length === 0) return new Map();
    const idOf = new Map(actors.flatMap((actor) => [[actor, actor] as const, [legacyParticipantId(actor), actor] as const]));
    const rows = this.sql.all<Pick<RowOf<typeof participantsTable>, 'participant_id' | 'display_name'>>(
      `SELECT participant_id, display_name FROM ${participantsTable.name} WHERE participant_id IN (${placeholders(idOf.size)})`,
      ...idOf.keys(),
    );
    return new Map(rows.map((row) => [idOf.get(row.participant_id)!, row.display_name]));
  }
}
