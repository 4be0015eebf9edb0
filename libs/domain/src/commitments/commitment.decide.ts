import { assertNever } from '../decider.js';
import { type ExistingPlan, openPlan } from '../plans/plan.state.js';
import { RuleViolation } from '../rule-violation.js';
import { dateOf, requireDate, requireText } from '../shared/values.js';
import type { CompleteCommitment, CommitmentCommand, MakeCommitment, ReviseCommitment, WithdrawCommitment } from './commitment.commands.js';
import type { CommitmentChanges, CommitmentEvent, Target } from './commitment.events.js';
import type { CommitmentState } from './commitment.state.js';

type Open = Extract<CommitmentState, { status: 'PROPOSED' | 'ACTIVE' }>;

function openCommitment(state: CommitmentState): Open {
  if (state.status === 'none') throw new RuleViolation('commitment.not_found', 'There is no such commitment.');
  if (state.status === 'COMPLETED' || state.status === 'WITHDRAWN') {
    throw new RuleViolation('commitment.final', `The commitment is ${state.status.toLowerCase()}; nothing changes it any more.`);
  }
  return state;
}

function checkTarget(target: Target): Target {
  if (!Number.isFinite(target.baseline) || !Number.isFinite(target.targetValue)) {
    throw new RuleViolation('commitment.invalid_target', 'Baseline and target value must be numbers.');
  }
  return {
    indicator: requireText(target.indicator, 'commitment.invalid_target', 'The target indicator'),
    unit: requireText(target.unit, 'commitment.invalid_target', 'The target unit'),
    baseline: target.baseline,
    targetValue: target.targetValue,
  };
}

function checkCoOwners(plan: ExistingPlan, ownerId: string, coOwnerIds: readonly string[]): string[] {
  const unique = [...new Set(coOwnerIds)];
  if (unique.includes(ownerId)) throw new RuleViolation('commitment.owner_as_co_owner', 'The owner cannot also be a co-owner.');
  const outsider = unique.find((id) => !plan.admitted.includes(id));
  if (outsider) throw new RuleViolation('commitment.co_owner_not_admitted', 'Every co-owner must have joined the plan.');
  return unique;
}

export function make(command: MakeCommitment, state: CommitmentState): CommitmentEvent[] {
  if (state.status !== 'none') throw new RuleViolation('commitment.already_made', 'This commitment has already been made.');
  const plan = openPlan(command.plan);
  if (!plan.areas.some((area) => area.code === command.thematicAreaCode)) {
    throw new RuleViolation('commitment.unknown_thematic_area', `The plan has no thematic area ${command.thematicAreaCode}.`);
  }
  if (!plan.admitted.includes(command.ownerId)) {
    throw new RuleViolation('commitment.owner_not_admitted', 'The owning stakeholder must have joined the plan.');
  }
  const inherited = command.dueDate === null;
  const dueDate = inherited ? plan.defaultDeadline : requireDate(command.dueDate!, 'commitment.invalid_due_date', 'The due date');
  if (dueDate === null) {
    throw new RuleViolation('commitment.due_date_required', 'Give a due date: the plan has no default deadline to inherit.');
  }
  return [
    {
      type: 'CommitmentMade',
      data: {
        commitmentId: command.commitmentId,
        planId: plan.planId,
        thematicAreaCode: command.thematicAreaCode,
        ownerId: command.ownerId,
        coOwnerIds: checkCoOwners(plan, command.ownerId, command.coOwnerIds),
        title: requireText(command.title, 'commitment.title_required', 'The title'),
        description: requireText(command.description, 'commitment.description_required', 'The description'),
        sourceReference: command.sourceReference?.trim() || null,
        target: checkTarget(command.target),
        dueDate,
        dueDateInherited: inherited,
      },
    },
  ];
}

export function activate(state: CommitmentState, now: Date): CommitmentEvent[] {
  const commitment = openCommitment(state);
  if (commitment.status !== 'PROPOSED') throw new RuleViolation('commitment.already_active', 'The commitment is already active.');
  return [{ type: 'CommitmentActivated', data: { commitmentId: commitment.commitmentId, activatedOn: dateOf(now) } }];
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function revise(command: ReviseCommitment, state: CommitmentState): CommitmentEvent[] {
  const commitment = openCommitment(state);
  const reason = requireText(command.reason, 'commitment.reason_required', 'The reason for a revision');
  const wanted: CommitmentChanges = {
    ...(command.changes.title !== undefined ? { title: requireText(command.changes.title, 'commitment.title_required', 'The title') } : {}),
    ...(command.changes.description !== undefined
      ? { description: requireText(command.changes.description, 'commitment.description_required', 'The description') }
      : {}),
    ...(command.changes.sourceReference !== undefined ? { sourceReference: command.changes.sourceReference?.trim() || null } : {}),
    ...(command.changes.target !== undefined ? { target: checkTarget(command.changes.target) } : {}),
    ...(command.changes.dueDate !== undefined
      ? { dueDate: requireDate(command.changes.dueDate, 'commitment.invalid_due_date', 'The due date') }
      : {}),
    ...(command.changes.coOwnerIds !== undefined
      ? { coOwnerIds: checkCoOwners(openPlan(command.plan), commitment.ownerId, command.changes.coOwnerIds) }
      : {}),
  };
  const changes: Record<string, unknown> = {};
  const previous: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(wanted)) {
    const current = commitment[field as keyof CommitmentChanges];
    if (!same(current, value)) {
      changes[field] = value;
      previous[field] = current;
    }
  }
  if (Object.keys(changes).length === 0) throw new RuleViolation('commitment.nothing_changed', 'The revision changes nothing.');
  return [{ type: 'CommitmentRevised', data: { commitmentId: commitment.commitmentId, changes, previous, reason } }];
}

export function withdraw(command: WithdrawCommitment, state: CommitmentState, now: Date): CommitmentEvent[] {
  const commitment = openCommitment(state);
  const reason = requireText(command.reason, 'commitment.reason_required', 'The reason for withdrawing');
  return [{ type: 'CommitmentWithdrawn', data: { commitmentId: commitment.commitmentId, withdrawnOn: dateOf(now), reason } }];
}

export function complete(command: CompleteCommitment, state: CommitmentState, now: Date): CommitmentEvent[] {
  const commitment = openCommitment(state);
  if (commitment.status !== 'ACTIVE') throw new RuleViolation('commitment.not_active', 'Only an active commitment can be completed.');
  const completedOn =
    command.completedOn === null
      ? dateOf(now)
      : requireDate(command.completedOn, 'commitment.invalid_completion_date', 'The completion date');
  if (completedOn > dateOf(now))
    throw new RuleViolation('commitment.completed_in_future', 'A commitment cannot be completed in the future.');
  return [{ type: 'CommitmentCompleted', data: { commitmentId: commitment.commitmentId, completedOn } }];
}

export function decideCommitment(command: CommitmentCommand, state: CommitmentState, now: Date): CommitmentEvent[] {
  openPlan(command.plan); // whatever the command: nothing under a closed plan changes
  switch (command.type) {
    case 'MakeCommitment':
      return make(command, state);
    case 'ActivateCommitment':
      return activate(state, now);
    case 'ReviseCommitment':
      return revise(command, state);
    case 'WithdrawCommitment':
      return withdraw(command, state, now);
    case 'CompleteCommitment':
      return complete(command, state, now);
    default:
      return assertNever(command);
  }
}
