import { MemoryEventStore } from '#eventstore';
import { describeEventStoreConformance } from './event-store.conformance.js';

describeEventStoreConformance('memory', async () => {
  const store = new MemoryEventStore();
  return { store, dispose: () => store.close() };
});
