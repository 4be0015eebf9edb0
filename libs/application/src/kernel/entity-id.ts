import { v4 as uuidv4, v5 as uuidv5 } from 'uuid';

/** Namespace of entity ids derived from client command ids. Never change it: retries rely on it. */
const ENTITY_NAMESPACE = 'c1d7a3e2-8b4f-5a61-9e0c-3f2b7d9a4c18';

/**
 * The id of an entity a command creates: derived from the client's `commandId` so that a retried command addresses
 * the same stream (and is recognised as a retry), random otherwise.
 */
export const newEntityId = (commandId: string | undefined): string => (commandId ? uuidv5(commandId, ENTITY_NAMESPACE) : uuidv4());
