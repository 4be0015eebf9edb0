import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  commitmentDecider,
  type CommitmentEvent,
  type DomainEvent,
  fold,
  type MakeCommitment,
  planDecider,
  type PlanEvent,
  stakeholderDecider,
} from '#domain';
import { specFor } from './given-when-then.js';

const given = specFor(commitmentDecider);
const planId = 'p-1';
const plan = fold(planDecider, [
  {
    type: 'PlanDrafted',
    data: {
      planId,
      country: 'CR',
      title: 'Costa Rica NPA',
      periodStart: '2010-01-01',
      periodEnd: '2013-12-31',
      defaultDeadline: '2013-12-31',
      reportingCycle: 'ANNUAL',
    },
  },
  { type: 'ThematicAreaDefined', data: { planId, code: 'PREV', title: 'Prevention' } },
  { type: 'StakeholderAdmitted', data: { planId, stakeholderId: 'tourism-chamber' } },
  { type: 'StakeholderAdmitted', data: { planId, stakeholderId: 'tourism-ministry' } },
] satisfies PlanEvent[]);
const make: MakeCommitment = {
  type: 'MakeCommitment',
  commitmentId: 'c-1',
  plan,
  thematicAreaCode: 'PREV',
  ownerId: 'tourism-chamber',
  coOwnerIds: ['tourism-ministry'],
  title: 'Members adopt The Code',
  description: 'Every member hotel adopts The Code and reports annually.',
  sourceReference: 'Agenda for Action 2.i.b',
  target: { indicator: 'member hotels applying The Code', unit: 'hotels', baseline: 12, targetValue: 150 },
  dueDate: '2012-12-31',
};
const made = (overrides: Partial<Extract<CommitmentEvent, { type: 'CommitmentMade' }>['data']> = {}): CommitmentEvent => ({
  type: 'CommitmentMade',
  data: {
    commitmentId: 'c-1',
    planId,
    thematicAreaCode: 'PREV',
    ownerId: 'tourism-chamber',
    coOwnerIds: ['tourism-ministry'],
    title: 'Members adopt The Code',
    description: 'Every member hotel adopts The Code and reports annually.',
    sourceReference: 'Agenda for Action 2.i.b',
    target: { indicator: 'member hotels applying The Code', unit: 'hotels', baseline: 12, targetValue: 150 },
    dueDate: '2012-12-31',
    dueDateInherited: false,
    ...overrides,
  },
});
const activated: CommitmentEvent = { type: 'CommitmentActivated', data: { commitmentId: 'c-1', activatedOn: '2026-11-23' } };
const withdrawn: CommitmentEvent = {
  type: 'CommitmentWithdrawn',
  data: { commitmentId: 'c-1', withdrawnOn: '2026-11-23', reason: 'merged' },
};
const completed: CommitmentEvent = { type: 'CommitmentCompleted', data: { commitmentId: 'c-1', completedOn: '2026-11-23' } };

describe('commitment', () => {
  it('is made by an admitted owner under a thematic area of the plan', () => given().when(make).then(made()));
  it('inherits the plan default deadline when it has no due date, and says so', () =>
    given()
      .when({ ...make, dueDate: null })
      .then(made({ dueDate: '2013-12-31', dueDateInherited: true })));
  it('needs a due date when the plan has no default deadline', () =>
    given()
      .when({ ...make, dueDate: null, plan: { ...plan, defaultDeadline: null } as typeof plan })
      .thenViolates('commitment.due_date_required'));
  it('needs an existing, open plan', () => {
    given()
      .when({ ...make, plan: planDecider.initialState })
      .thenViolates('commitment.plan_not_found');
    given()
      .when({ ...make, plan: { ...plan, status: 'CLOSED' } as typeof plan })
      .thenViolates('plan.closed');
  });
  it('needs a thematic area of the plan and an admitted owner and co-owners', () => {
    given()
      .when({ ...make, thematicAreaCode: 'LAW' })
      .thenViolates('commitment.unknown_thematic_area');
    given()
      .when({ ...make, ownerId: 'stranger' })
      .thenViolates('commitment.owner_not_admitted');
    given()
      .when({ ...make, coOwnerIds: ['stranger'] })
      .thenViolates('commitment.co_owner_not_admitted');
    given()
      .when({ ...make, coOwnerIds: ['tourism-chamber'] })
      .thenViolates('commitment.owner_as_co_owner');
  });
  it('needs a title, a description, a numeric target and a real due date', () => {
    given()
      .when({ ...make, title: '' })
      .thenViolates('commitment.title_required');
    given()
      .when({ ...make, description: ' ' })
      .thenViolates('commitment.description_required');
    given()
      .when({ ...make, target: { ...make.target, targetValue: Number.NaN } })
      .thenViolates('commitment.invalid_target');
    given()
      .when({ ...make, target: { ...make.target, unit: '' } })
      .thenViolates('commitment.invalid_target');
    given()
      .when({ ...make, dueDate: '31/12/2012' })
      .thenViolates('commitment.invalid_due_date');
  });
  it('is made once', () => given(made()).when(make).thenViolates('commitment.already_made'));
  it('is activated once, from proposed', () => {
    given(made()).when({ type: 'ActivateCommitment', plan }).then(activated);
    given(made(), activated).when({ type: 'ActivateCommitment', plan }).thenViolates('commitment.already_active');
  });
  it('is revised with a reason, recording only what changed and what it was', () => {
    given(made())
      .when({ type: 'ReviseCommitment', plan, reason: 'Budget cut', changes: { title: 'Members adopt The Code', dueDate: '2013-06-30' } })
      .then({
        type: 'CommitmentRevised',
        data: { commitmentId: 'c-1', changes: { dueDate: '2013-06-30' }, previous: { dueDate: '2012-12-31' }, reason: 'Budget cut' },
      });
    given(made())
      .when({ type: 'ReviseCommitment', plan, reason: ' ', changes: { dueDate: '2013-06-30' } })
      .thenViolates('commitment.reason_required');
    given(made())
      .when({ type: 'ReviseCommitment', plan, reason: 'none', changes: { title: 'Members adopt The Code' } })
      .thenViolates('commitment.nothing_changed');
    given(made())
      .when({ type: 'ReviseCommitment', plan, reason: 'x', changes: { coOwnerIds: ['stranger'] } })
      .thenViolates('commitment.co_owner_not_admitted');
  });
  it('is withdrawn only with a reason', () => {
    given(made(), activated).when({ type: 'WithdrawCommitment', reason: 'merged', plan }).then(withdrawn);
    given(made()).when({ type: 'WithdrawCommitment', reason: '', plan }).thenViolates('commitment.reason_required');
  });
  it('is completed only when active, never in the future', () => {
    given(made(), activated).when({ type: 'CompleteCommitment', completedOn: null, plan }).then(completed);
    given(made()).when({ type: 'CompleteCommitment', completedOn: null, plan }).thenViolates('commitment.not_active');
    given(made(), activated)
      .when({ type: 'CompleteCommitment', completedOn: '2030-01-01', plan })
      .thenViolates('commitment.completed_in_future');
  });
  it('changes no more once its plan is closed', () => {
    const closed = { ...plan, status: 'CLOSED' } as typeof plan;
    given(made()).when({ type: 'ActivateCommitment', plan: closed }).thenViolates('plan.closed');
    given(made(), activated)
      .when({ type: 'ReviseCommitment', plan: closed, reason: 'x', changes: { title: 'New' } })
      .thenViolates('plan.closed');
    given(made(), activated).when({ type: 'WithdrawCommitment', reason: 'x', plan: closed }).thenViolates('plan.closed');
    given(made(), activated).when({ type: 'CompleteCommitment', completedOn: null, plan: closed }).thenViolates('plan.closed');
  });
  it('changes no more once completed or withdrawn', () => {
    for (const final of [
      [made(), activated, completed],
      [made(), withdrawn],
    ]) {
      given(...final)
        .when({ type: 'ActivateCommitment', plan })
        .thenViolates('commitment.final');
      given(...final)
        .when({ type: 'ReviseCommitment', plan, reason: 'x', changes: { title: 'New' } })
        .thenViolates('commitment.final');
      given(...final)
        .when({ type: 'WithdrawCommitment', reason: 'x', plan })
        .thenViolates('commitment.final');
      given(...final)
        .when({ type: 'CompleteCommitment', completedOn: null, plan })
        .thenViolates('commitment.final');
    }
  });
});

describe('evolve', () => {
  const anyEvent: fc.Arbitrary<DomainEvent> = fc.oneof(
    fc.constantFrom<DomainEvent>(made(), activated, withdrawn, completed, { type: 'Unrelated', data: null }),
    fc.record({
      type: fc.constantFrom('CommitmentRevised'),
      data: fc.record({
        commitmentId: fc.constant('c-1'),
        reason: fc.string(),
        previous: fc.constant({}),
        changes: fc.record({ title: fc.string() }, { requiredKeys: [] }),
      }),
    }),
    fc.record({
      type: fc.constantFrom(
        'PlanDrafted',
        'ThematicAreaDefined',
        'PlanAdopted',
        'PlanClosed',
        'StakeholderAdmitted',
        'StakeholderRegistered',
      ),
      data: fc.record({ planId: fc.constant('p'), code: fc.string(), title: fc.string(), stakeholderId: fc.string() }),
    }),
  );

  it.each([
    ['commitment', commitmentDecider],
    ['plan', planDecider],
    ['stakeholder', stakeholderDecider],
  ] as const)('of the %s is total and deterministic over any sequence of events', (_, decider) => {
    fc.assert(
      fc.property(fc.array(anyEvent, { maxLength: 30 }), (events) => {
        const once = fold(decider as never, events);
        const again = fold(decider as never, events);
        expect(again).toEqual(once);
      }),
    );
  });
});
