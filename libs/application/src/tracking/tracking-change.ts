import { type CommitmentState, type TrackingCommand, trackingDecider, type TrackingEvent } from '#domain';
import type { RequiredRole } from '../authorization/authorize.js';
import { commitmentChange, type MadeCommitment, type OnCommitment } from '../commitments/commitment-stream.js';
import { ForbiddenError } from '../errors.js';
import type { EntityResult, Run, UseCase } from '../kernel/use-case.js';

/** What a tracking command answers: the commitment's version and position, and the item it concerns. */
export interface TrackingResult extends EntityResult {
  readonly itemId: string;
}

/** Who may track a commitment (DOMAIN.md). */
export type Trackers =
  /** the owner's focal points */
  | 'owner'
  /** the focal points of the owner and of its co-owners */
  | 'co-owners'
  /** the plan's monitors, never one who is a focal point of the owner */
  | 'monitors';

function rolesFor(trackers: Trackers, commitment: MadeCommitment): RequiredRole[] {
  if (trackers === 'monitors') return [{ role: 'MONITOR', scope: commitment.planId }];
  const owners = trackers === 'co-owners' ? [commitment.ownerId, ...commitment.coOwnerIds] : [commitment.ownerId];
  return owners.map((scope) => ({ role: 'FOCAL_POINT', scope }));
}

/** A monitor may not judge a report of a stakeholder they are a focal point of. */
function judgesOwnReport(commitment: MadeCommitment, { ports, context }: Run<unknown, CommitmentState>): void {
  if (
    !context.asOperator &&
    ports.grants.rolesOf(context.actor).some((grant) => grant.role === 'FOCAL_POINT' && grant.scope === commitment.ownerId)
  ) {
    throw new ForbiddenError('A monitor may not judge a report of a stakeholder they are a focal point of.');
  }
}

/**
 * A change to what tracks a commitment (milestones, tasks, progress reports): on the commitment's stream, decided by
 * the tracking decider, answering with the item it concerns (`item`: a new one's id comes from `run.newId`).
 */
export function trackingChange<Input extends OnCommitment, Command extends TrackingCommand>(use: {
  readonly name: Command['type'];
  readonly trackers: Trackers;
  readonly check?: (run: Run<Input, CommitmentState>) => Promise<void>;
  readonly command: (input: Input, plan: Command['plan'], run: Run<Input, CommitmentState>) => Command;
  readonly item: (command: Command) => string;
}): UseCase<Input, CommitmentState, Command, TrackingEvent, TrackingResult> {
  return commitmentChange<Input, Command, TrackingEvent, TrackingResult>({
    name: use.name,
    decider: trackingDecider,
    action: `${use.name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()} on this commitment`,
    roles: (commitment) => rolesFor(use.trackers, commitment),
    async check(commitment, run) {
      if (use.trackers === 'monitors') judgesOwnReport(commitment, run as Run<unknown, CommitmentState>);
      await use.check?.(run);
    },
    command: use.command,
    result: (entity, command) => ({ ...entity, itemId: use.item(command) }),
  });
}
