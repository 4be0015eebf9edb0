import { stakeholderDecider, type StakeholderState, stakeholderStream } from '#domain';
import type { EventStore } from '#eventstore';

export async function currentStakeholder(store: EventStore, stakeholderId: string): Promise<StakeholderState> {
  return (await store.readStream(stakeholderStream(stakeholderId))).reduce(stakeholderDecider.evolve, stakeholderDecider.initialState);
}
