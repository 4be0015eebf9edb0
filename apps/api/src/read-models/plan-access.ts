import { Inject, Injectable } from '@nestjs/common';
import { CATALOGUE, type DraftsVisible, GRANTS, type GrantsReader, type SqliteCatalogueReader } from '#application';
import type { RoleGrant, Visibility } from '#domain';
import type { GraphQLContext } from '../graphql/viewer-context.js';
import { readerLevel } from '../tracking/visibility.js';

/**
 * Who reads which plans (DOMAIN.md): adopted and closed plans are public; a draft, and everything under it, is read
 * only by admins and the plan's coordinators. For everyone else a draft reads as absent.
 */
@Injectable()
export class PlanAccess {
  private readonly perRequest = new WeakMap<object, DraftsVisible>();
  private readonly rolesPerRequest = new WeakMap<object, readonly RoleGrant[] | null>();

  constructor(
    @Inject(GRANTS) private readonly grants: GrantsReader,
    @Inject(CATALOGUE) private readonly catalogue: SqliteCatalogueReader,
  ) {}

  /** The viewer's roles, looked up once per request: null for anonymous readers, none for unregistered ones. */
  rolesOf(context: GraphQLContext): readonly RoleGrant[] | null {
    if (!this.rolesPerRequest.has(context)) {
      const { viewer } = context;
      this.rolesPerRequest.set(context, viewer ? (viewer.participantId ? this.grants.rolesOf(viewer.participantId) : []) : null);
    }
    return this.rolesPerRequest.get(context) ?? null;
  }

  /**
   * The visibility level of the reports on a commitment the viewer reads at (DOMAIN.md), given the stakeholders
   * admitted to its plan.
   */
  reportLevel(
    context: GraphQLContext,
    commitment: { planId: string; ownerId: string },
    admittedStakeholderIds: readonly string[],
  ): Visibility {
    return readerLevel(this.rolesOf(context), commitment, admittedStakeholderIds);
  }

  /** The drafts the request's viewer may read (worked out once per request). */
  drafts(context: GraphQLContext): DraftsVisible {
    let drafts = this.perRequest.get(context);
    if (drafts === undefined) {
      const roles = this.rolesOf(context) ?? [];
      drafts = roles.some((grant) => grant.role === 'ADMIN')
        ? 'all'
        : roles.filter((grant) => grant.role === 'COORDINATOR' && grant.scope !== null).map((grant) => grant.scope!);
      this.perRequest.set(context, drafts);
    }
    return drafts;
  }

  /** Whether the viewer may read the plan (as it stands now; an unknown plan: no). */
  mayReadPlan(context: GraphQLContext, planId: string): boolean {
    return this.mayRead(context, this.catalogue.plansByIds([planId])[0]);
  }

  mayRead(context: GraphQLContext, plan: { readonly id: string; readonly status: string } | undefined): boolean {
    if (!plan) return false;
    if (plan.status !== 'DRAFT') return true;
    const drafts = this.drafts(context);
    return drafts === 'all' || drafts.includes(plan.id);
  }
}
