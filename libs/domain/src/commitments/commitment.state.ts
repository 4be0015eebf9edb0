import type { DomainEvent } from '../decider.js';
import type { CalendarDate } from '../shared/values.js';
import type { CommitmentEvent, CommitmentMade } from './commitment.events.js';
import type { TrackingEvent } from '../tracking/tracking.events.js';
import { type CommitmentWork, emptyWork, evolveWork } from '../tracking/tracking.state.js';

export const COMMITMENT_STATUSES = ['PROPOSED', 'ACTIVE', 'COMPLETED', 'WITHDRAWN'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

export type CommitmentFacts = CommitmentMade['data'] & {
  readonly work: CommitmentWork;
  /** The day a coordinator activated it; null while it never was (a proposal withdrawn stays never active). */
  readonly activatedOn: CalendarDate | null;
};

export type CommitmentState =
  | { readonly status: 'none' }
  | ({ readonly status: 'PROPOSED' | 'ACTIVE' } & CommitmentFacts)
  | ({ readonly status: 'COMPLETED'; readonly completedOn: CalendarDate } & CommitmentFacts)
  | ({ readonly status: 'WITHDRAWN'; readonly reason: string } & CommitmentFacts);

export const initialCommitmentState: CommitmentState = { status: 'none' };

export function evolveCommitment(state: CommitmentState, event: DomainEvent): CommitmentState {
  const known = event as CommitmentEvent | TrackingEvent;
  if (known.type === 'CommitmentMade') return { status: 'PROPOSED', ...known.data, work: emptyWork, activatedOn: null };
  if (state.status === 'none') return state;
  switch (known.type) {
    case 'CommitmentActivated':
      return { ...state, status: 'ACTIVE', activatedOn: known.data.activatedOn };
    case 'CommitmentRevised':
      return { ...state, ...known.data.changes, dueDateInherited: known.data.changes.dueDate ? false : state.dueDateInherited };
    case 'CommitmentWithdrawn':
      return { ...state, status: 'WITHDRAWN', reason: known.data.reason };
    case 'CommitmentCompleted':
      return { ...state, status: 'COMPLETED', completedOn: known.data.completedOn };
    default:
      return { ...state, work: evolveWork(state.work, known) };
  }
}
