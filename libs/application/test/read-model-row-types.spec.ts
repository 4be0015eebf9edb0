import { describe, expect, it } from '@jest/globals';
import { defineTable, integer, type RowOf, text } from '#projections';
import { tasksTable } from '../src/tracking/tasks.projection.js';
import { trackingProjection } from '../src/tracking/tracking.projection.js';
import { milestonesTable, trackedCommitmentsTable } from '../src/tracking/tracking-tables.js';
import { remove, typed, upsert } from '../src/read-model/rows.js';
import { InMemoryReadModel } from './in-memory-read-model.js';

/**
 * Row types come from the tables' definitions: `npm run typecheck` compiles this file, and each `@ts-expect-error`
 * below fails the type check if the mistake under it ever compiles.
 */
describe('read-model row types', () => {
  it('refuse a misspelt column, a missing key or a value of the wrong type in a projector write', () => {
    // @ts-expect-error: 'complted_on' is not a column of tasks
    upsert(tasksTable, { task_id: 't', complted_on: null });
    // @ts-expect-error: an upsert names the row's primary key
    upsert(tasksTable, { completed_on: null });
    // @ts-expect-error: created_position is an integer column
    upsert(tasksTable, { task_id: 't', created_position: 'first' });
    // @ts-expect-error: title is not nullable
    upsert(tasksTable, { task_id: 't', title: null });
    // @ts-expect-error: the status column holds a commitment status
    upsert(trackedCommitmentsTable, { commitment_id: 'c', status: 'FINISHED' });
    // @ts-expect-error: 'scope' is not a column of tasks
    remove(tasksTable, { scope: '' });
    expect(upsert(tasksTable, { task_id: 't', completed_on: '2026-01-02' })).toEqual({
      kind: 'upsert',
      table: 'tasks',
      row: { task_id: 't', completed_on: '2026-01-02' },
    });
  });

  it('give a projector and a reader typed rows', () => {
    const view = typed(new InMemoryReadModel(trackingProjection));
    const row = view.get(milestonesTable, { milestone_id: 'm' });
    // @ts-expect-error: 'due_dat' is not a column of milestones
    void row?.due_dat;
    // @ts-expect-error: a milestone is found by its id, not its title
    view.get(milestonesTable, { title: 'm' });
    const reports: number | undefined = view.get(trackedCommitmentsTable, { commitment_id: 'c' })?.reports_current;
    // @ts-expect-error: plan_id of a milestone may be null (a commitment the log never made)
    const plan: string | undefined = row?.plan_id;
    expect([row, reports, plan]).toEqual([undefined, undefined, undefined]);
  });

  it('define a table whose key and indexes name its own columns, with the DDL types unchanged', () => {
    const things = defineTable({
      name: 'things',
      columns: { thing_id: text(), note: text.orNull(), count: integer() },
      primaryKey: ['thing_id'],
      indexes: [['count']],
    });
    // @ts-expect-error: the key names a column the table does not have
    defineTable({ name: 'things', columns: { thing_id: text() }, primaryKey: ['id'] });
    // @ts-expect-error: an index names a column the table does not have
    defineTable({ name: 'things', columns: { thing_id: text() }, primaryKey: ['thing_id'], indexes: [['kind']] });
    const row: RowOf<typeof things> = { thing_id: 'a', note: null, count: 1 };
    expect(row.count).toBe(1);
    expect(things.columns).toEqual({ thing_id: 'TEXT', note: 'TEXT', count: 'INTEGER' });
  });
});
