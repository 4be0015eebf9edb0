import { describe, expect, it } from '@jest/globals';
import { SqliteCatalogueReader } from '#application';
import { given } from './given.js';
import { Timeline } from './timeline.js';

describe('the commitments projection', () => {
  const made = (t: Timeline) => [
    t.planDrafted('plan-1'),
    t.on('2026-02-15').commitmentMade('c-1', 'plan-1', {
      thematicAreaCode: 'PREV',
      ownerId: 'canatur',
      coOwnerIds: ['ict'],
      title: 'The Code',
      description: 'Hotels sign the code of conduct',
      sourceReference: 'Art. 4',
      target: { indicator: 'criteria', unit: 'criteria', baseline: 0, targetValue: 6 },
      dueDate: '2028-12-31',
      dueDateInherited: true,
    }),
  ];

  it('given a commitment made, then a PROPOSED row with its terms, its due date as the original one, and its revision', () => {
    const t = new Timeline();
    const readModels = given(...made(t));

    expect(readModels.rows('commitments')).toEqual([
      {
        commitment_id: 'c-1',
        plan_id: 'plan-1',
        area_code: 'PREV',
        owner_id: 'canatur',
        co_owner_ids: '["ict"]',
        title: 'The Code',
        description: 'Hotels sign the code of conduct',
        source_reference: 'Art. 4',
        indicator: 'criteria',
        unit: 'criteria',
        baseline: 0,
        target_value: 6,
        due_date: '2028-12-31',
        due_date_inherited: 1,
        original_due_date: '2028-12-31',
        due_moves: 0,
        due_days_moved: 0,
        status: 'PROPOSED',
        created_position: 2,
        made_at: '2026-02-15T12:00:00.000Z',
      },
    ]);
    expect(readModels.rows('commitment_revisions')).toEqual([{ commitment_id: 'c-1', version: 0, day: '2026-02-15' }]);
  });

  it('when it is activated, then completed, then its status and days say so', () => {
    const t = new Timeline();
    const readModels = given(...made(t), t.on('2026-03-01').commitmentActivated('c-1'));
    expect(readModels.row('commitments', { commitment_id: 'c-1' })).toMatchObject({ status: 'ACTIVE', activated_on: '2026-03-01' });

    readModels.when(t.on('2027-06-30').commitmentCompleted('c-1'));
    expect(readModels.row('commitments', { commitment_id: 'c-1' })).toMatchObject({
      status: 'COMPLETED',
      activated_on: '2026-03-01',
      completed_on: '2027-06-30',
    });
  });

  it('when it is withdrawn, then WITHDRAWN with the day and the reason', () => {
    const t = new Timeline();
    const readModels = given(...made(t), t.on('2026-05-01').commitmentWithdrawn('c-1', 'budget cut'));
    expect(readModels.row('commitments', { commitment_id: 'c-1' })).toMatchObject({
      status: 'WITHDRAWN',
      withdrawn_on: '2026-05-01',
      withdrawal_reason: 'budget cut',
    });
  });

  it('when it is revised, then only the changed columns change; a moved due date counts its moves and the days moved', () => {
    const t = new Timeline();
    const readModels = given(...made(t));
    const before = readModels.row('commitments', { commitment_id: 'c-1' });

    readModels.when(
      t.commitmentRevised('c-1', { title: 'The Code of Conduct', coOwnerIds: [] }, { title: 'The Code', coOwnerIds: ['ict'] }),
      t.commitmentRevised('c-1', { dueDate: '2029-01-31' }, { dueDate: '2028-12-31' }),
      t.commitmentRevised(
        'c-1',
        { dueDate: '2029-01-21', target: { indicator: 'hotels', unit: 'hotels', baseline: 1, targetValue: 40 } },
        { dueDate: '2029-01-31' },
      ),
    );

    expect(readModels.row('commitments', { commitment_id: 'c-1' })).toEqual({
      ...before,
      title: 'The Code of Conduct',
      co_owner_ids: '[]',
      indicator: 'hotels',
      unit: 'hotels',
      baseline: 1,
      target_value: 40,
      due_date: '2029-01-21',
      due_date_inherited: 0,
      due_moves: 2,
      due_days_moved: 31 + 10,
    });
  });

  it('moves the commitment’s version on with every event of its stream, tracking events included, one version a day', () => {
    const t = new Timeline();
    const readModels = given(
      ...made(t),
      t.on('2026-03-01').commitmentActivated('c-1'),
      t.milestoneScheduled('c-1', 'm-1', '2026-06-30'),
      t.on('2026-03-02').taskAdded('c-1', 'task-1', '2026-04-01'),
      t.progressReported('c-1', 'r-1'),
    );

    expect(readModels.rows('commitment_revisions')).toEqual([{ commitment_id: 'c-1', version: 4, day: '2026-03-02' }]);
    expect(readModels.rows('commitment_days')).toEqual([
      { commitment_id: 'c-1', day: '2026-02-15', version: 0 },
      { commitment_id: 'c-1', day: '2026-03-01', version: 2 },
      { commitment_id: 'c-1', day: '2026-03-02', version: 4 },
    ]);
    // The tracking events leave the commitment's own row, and its history, alone.
    expect(readModels.history('commitments', { commitment_id: 'c-1' }, 'status')).toEqual([
      ['2026-02-15', '2026-03-01', 'PROPOSED'],
      ['2026-03-01', null, 'ACTIVE'],
    ]);
  });

  it('never counts a version on a day before the last one its stream changed on', () => {
    const t = new Timeline();
    const readModels = given(...made(t), t.on('2026-02-10').commitmentActivated('c-1'));
    expect(readModels.rows('commitment_revisions')).toEqual([{ commitment_id: 'c-1', version: 1, day: '2026-02-15' }]);
  });

  it('answers the catalogue’s commitment queries, now and as of a day', () => {
    const t = new Timeline();
    const readModels = given(
      ...made(t),
      t.on('2026-03-01').commitmentActivated('c-1'),
      t.on('2026-03-05').milestoneScheduled('c-1', 'm-1', '2026-06-30'),
    );
    const catalogue = new SqliteCatalogueReader(readModels.database());

    expect(catalogue.commitmentsByIds(['c-1'])).toEqual([
      expect.objectContaining({
        id: 'c-1',
        planId: 'plan-1',
        title: 'The Code',
        ownerId: 'canatur',
        coOwnerIds: ['ict'],
        status: 'ACTIVE',
        dueDate: '2028-12-31',
        dueDateInherited: true,
        version: 2,
      }),
    ]);
    expect(catalogue.asOf('2026-02-20').commitmentsByIds(['c-1'])).toEqual([expect.objectContaining({ status: 'PROPOSED', version: 0 })]);
    expect(catalogue.asOf('2026-02-14').commitmentsByIds(['c-1'])).toEqual([]);
    expect(catalogue.planSummary('plan-1')).toMatchObject({ total: 1, byStatus: [{ status: 'ACTIVE', count: 1 }] });
  });
});
