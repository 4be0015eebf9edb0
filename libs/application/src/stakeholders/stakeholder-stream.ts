import { stakeholderDecider, type StakeholderState, stakeholderStream } from '#domain';
import type { EventStore } from '#eventstore';
import { currentState } from '../kernel/stream-state-cache.js';

export async function currentStakeholder(store: EventStore, stakeholderId: string): Promise<StakeholderState> {
  return currentState(store, stakeholderStream(stakeholderId), stakeholderDecider);
}
