import { randomUUID } from 'node:crypto';
import type { CommandContext } from '#application';
import type { GraphQLContext } from './viewer-context.js';

/**
 * What every command records about its request: who (the viewer's participant id — never the subject, which is
 * personal data; an unregistered caller acts as `unregistered`, who holds no role), which request, which client
 * command, which version.
 */
export function commandContext(
  context: GraphQLContext,
  now: Date,
  input: { commandId?: string | null; expectedVersion?: number | null },
): CommandContext {
  const header = context.req.headers['x-correlation-id'];
  const correlationId = typeof header === 'string' && /^[\w.:-]{1,100}$/.test(header) ? header : randomUUID();
  return {
    actor: context.viewer!.participantId ?? 'unregistered',
    correlationId,
    now,
    ...(input.commandId ? { commandId: input.commandId } : {}),
    ...(input.expectedVersion !== undefined && input.expectedVersion !== null ? { expectedVersion: input.expectedVersion } : {}),
  };
}
