import type { RecordedEvent } from '#eventstore';
import { defineTable, integer, type KeyOf, type ReadModelView, type RowChange, type RowOf, text, versionDay } from '#projections';
import { typed, upsert } from '../read-model/rows.js';
import type { milestonesTable } from './tracking-tables.js';

/**
 * How many milestones of a plan stood in each state, on any day, without reading them one by one: each change of a
 * milestone adds +1 or −1 to the tally of its state and due date, on the day it was recorded. Summing a tally's
 * changes up to a day gives the count on that day — the milestone figures of summaries and scorecards, now and as of
 * any day, whatever the size of the plan (a tally holds one row per plan, owner, area, state, due date and day).
 *
 * States: OPEN (not completed), ON_TIME (completed on or before its due date), LATE (completed after it). A withdrawn
 * commitment's milestones leave the tallies on the day it is withdrawn: they are no longer deadlines.
 */
export type MilestoneState = 'OPEN' | 'ON_TIME' | 'LATE';

export const milestoneTalliesTable = defineTable({
  name: 'milestone_tallies',
  columns: {
    plan_id: text.orNull(),
    owner_id: text.orNull(),
    area_code: text.orNull(),
    state: text<MilestoneState>(),
    due_date: text(),
    day: text(),
    delta: integer(),
  },
  primaryKey: ['plan_id', 'owner_id', 'area_code', 'state', 'due_date', 'day'],
  indexes: [['plan_id', 'state', 'due_date', 'day']],
});

export const stateOf = (dueDate: string, completedOn: string | null): MilestoneState =>
  completedOn === null ? 'OPEN' : completedOn <= dueDate ? 'ON_TIME' : 'LATE';

/** The changes a milestone makes to the tallies: it leaves its state `before` and enters `after` (either may be none). */
export interface TallyMove {
  /** The milestone's row as it stands before the event (its plan, owner, area; its version's day). */
  readonly milestone: Pick<RowOf<typeof milestonesTable>, 'plan_id' | 'owner_id' | 'area_code'>;
  readonly before?: { readonly state: MilestoneState; readonly dueDate: string };
  readonly after?: { readonly state: MilestoneState; readonly dueDate: string };
}

/** The tallies' row changes for an event's milestone moves, one upsert per tally touched. */
export function tallyChanges(event: RecordedEvent, view: ReadModelView, moves: readonly TallyMove[]): RowChange[] {
  type Key = KeyOf<typeof milestoneTalliesTable>;
  const deltas = new Map<string, { key: Key; delta: number }>();
  const add = (milestone: TallyMove['milestone'], state: MilestoneState, dueDate: string, delta: number) => {
    const key: Key = {
      plan_id: milestone.plan_id,
      owner_id: milestone.owner_id,
      area_code: milestone.area_code,
      state,
      due_date: dueDate,
      day: versionDay(event, milestone),
    };
    const id = `${String(key.plan_id)}|${String(key.owner_id)}|${String(key.area_code)}|${state}|${dueDate}|${key.day}`;
    const found = deltas.get(id);
    if (found) found.delta += delta;
    else deltas.set(id, { key, delta });
  };
  for (const move of moves) {
    if (move.before) add(move.milestone, move.before.state, move.before.dueDate, -1);
    if (move.after) add(move.milestone, move.after.state, move.after.dueDate, +1);
  }
  const rows = typed(view);
  return [...deltas.values()]
    .filter(({ delta }) => delta !== 0)
    .map(({ key, delta }) =>
      upsert(milestoneTalliesTable, Object.assign({}, key, { delta: (rows.get(milestoneTalliesTable, key)?.delta ?? 0) + delta })),
    );
}
