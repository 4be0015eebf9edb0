import type { Role, RoleGrant } from '#domain';
import { ForbiddenError } from '../errors.js';
import type { CommandContext } from '../kernel/command-context.js';
import type { GrantsReader } from '../participants/read-model/participant-views.js';

/** A role a command accepts, with the plan or stakeholder it must apply to (none for ADMIN). */
export interface RequiredRole {
  readonly role: Role;
  readonly scope: string | null;
}

const holds = (grants: readonly RoleGrant[], required: RequiredRole): boolean =>
  grants.some((grant) => grant.role === required.role && (required.role === 'ADMIN' || grant.scope === required.scope));

/**
 * DOMAIN.md's permission table: an ADMIN may do everything; otherwise the actor must hold one of `anyOf`. Operators
 * (start-up bootstrap, the CLI, demo seeding) act with the authority of whoever can write DATA_DIR.
 */
export function authorize(grants: GrantsReader, context: CommandContext, anyOf: readonly RequiredRole[], action: string): void {
  if (context.asOperator) return;
  const held = grants.rolesOf(context.actor);
  if (held.some((grant) => grant.role === 'ADMIN')) return;
  if (anyOf.some((required) => holds(held, required))) return;
  const needed = anyOf.map((r) => (r.scope ? `${r.role} of ${r.scope}` : r.role)).join(' or ');
  throw new ForbiddenError(`You may not ${action}${needed ? `: it needs ${needed}` : ': it needs ADMIN'}.`);
}

/** True when the actor holds `role` for any scope (e.g. "a coordinator of some plan"). */
export function holdsAnywhere(grants: GrantsReader, context: CommandContext, role: Role): boolean {
  return context.asOperator === true || grants.rolesOf(context.actor).some((grant) => grant.role === role || grant.role === 'ADMIN');
}
