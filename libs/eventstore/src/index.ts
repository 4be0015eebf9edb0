export * from './port.js';
export { validateAppend, checkExpectedRevision, findEarlierAppend } from './append-rules.js';
export { catchUpSubscription, SubscriptionSet, type ReadBatch } from './catch-up-subscription.js';
export { ChangeNotifier } from './change-notifier.js';
export { MemoryEventStore, type MemoryEventStoreOptions } from './memory/memory-event-store.js';
export { SqliteEventStore, type SqliteEventStoreOptions, type SqliteEventStoreStats } from './sqlite/sqlite-event-store.js';
export { BackgroundCheckpoints, type BackgroundCheckpointOptions } from './sqlite/background-checkpoints.js';
export { NO_UPCASTERS, type Upcaster, UpcasterRegistry, type UpcastShape } from './upcasting.js';
