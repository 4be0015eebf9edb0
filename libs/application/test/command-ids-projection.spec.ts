import { describe, expect, it } from '@jest/globals';
import { commandIdsProjection, SqliteCommandLedger } from '#application';
import { given } from './given.js';
import { Timeline } from './timeline.js';

describe('the command ids projection (the command ledger)', () => {
  it('given events recorded under a client command id, then that id with the binding it was first recorded with', () => {
    const t = new Timeline();
    const readModels = given(
      t.event('plan-1', 'PlanDrafted', { planId: 'plan-1' }, { commandId: 'cmd-1', commandBinding: 'digest-a' }),
      t.event(
        'plan-1',
        'ThematicAreaDefined',
        { planId: 'plan-1', code: 'A', title: 'A' },
        { commandId: 'cmd-1', commandBinding: 'digest-b' },
      ),
      t.event('stakeholder-s', 'StakeholderRegistered', { stakeholderId: 's' }, { commandId: 'cmd-2', commandBinding: 'digest-c' }),
    );

    expect(readModels.rows('command_ids')).toEqual([
      { command_id: 'cmd-1', binding: 'digest-a' },
      { command_id: 'cmd-2', binding: 'digest-c' },
    ]);
    const ledger = new SqliteCommandLedger(readModels.database());
    expect(ledger.bindingOf('cmd-1')).toBe('digest-a');
    expect(ledger.bindingOf('cmd-unknown')).toBeUndefined();
  });

  it('records nothing for events without a command id or without a binding', () => {
    const t = new Timeline();
    const readModels = given(
      t.planDrafted('plan-1'),
      t.event('plan-1', 'PlanAdopted', { planId: 'plan-1' }, { commandId: 'cmd-1' }),
      t.event('plan-1', 'PlanClosed', { planId: 'plan-1' }, { commandBinding: 'digest' }),
    );
    expect(readModels.rows('command_ids')).toEqual([]);
  });

  it('handles the events of every stream the commands write', () => {
    expect([...commandIdsProjection.eventTypes]).toEqual(
      expect.arrayContaining([
        'ParticipantRegistered',
        'PlanDrafted',
        'StakeholderRegistered',
        'CommitmentMade',
        'ProgressReported',
        'CommentPosted',
      ]),
    );
  });
});
