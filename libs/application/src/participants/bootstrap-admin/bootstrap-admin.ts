import { randomUUID } from 'node:crypto';
import type { EventStore } from '#eventstore';
import { ensureRole } from '../ensure-role/ensure-role.js';
import type { Identities } from '../identities.js';
import type { ParticipantResult } from '../participant-stream.js';
import type { GrantsReader } from '../read-model/participant-views.js';

/**
 * At start-up (`BOOTSTRAP_ADMIN`): makes `subject` an administrator when the platform has none, registering them
 * first if needed (display name `Administrator`, kind ADULT), recorded with actor `system`. Does nothing (undefined)
 * once any admin exists. The caller lets the grants read model catch up first.
 */
export async function bootstrapAdmin(
  store: EventStore,
  identities: Identities,
  grants: GrantsReader,
  subject: string,
  now: Date,
): Promise<ParticipantResult | undefined> {
  if (grants.adminCount() > 0) return undefined;
  return ensureRole(
    store,
    identities,
    { subject, displayName: 'Administrator' },
    { role: 'ADMIN', scope: null },
    { actor: 'system', correlationId: randomUUID(), now, asOperator: true },
    'BootstrapAdmin',
  );
}
