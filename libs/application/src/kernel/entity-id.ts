import { v4 as uuidv4, v5 as uuidv5 } from 'uuid';
import type { CommandContext } from './command-context.js';
import { commandBinding } from './event-ids.js';

/** Namespace of entity ids derived from client command ids. Never change it: retries rely on it. */
const ENTITY_NAMESPACE = '2b7e9c41-6d3a-5f80-8e2b-41c9d7a6e053';

/**
 * The id of an entity a command creates: derived from the client's `commandId` and what it is bound to (sender,
 * operation, and `target`: where the entity is made, such as the commitment of a milestone) so that a retried command
 * addresses the same stream and is recognised as a retry — random without a command id.
 */
export const newEntityId = (context: Pick<CommandContext, 'actor' | 'asOperator' | 'commandId'>, operation: string, target = ''): string =>
  context.commandId ? uuidv5(`${commandBinding(context, operation, target)}\n${context.commandId}`, ENTITY_NAMESPACE) : uuidv4();
