import { Inject, Injectable } from '@nestjs/common';
import { CATALOGUE, type DraftsVisible, GRANTS, type GrantsReader, type SqliteCatalogueReader } from '#application';
import type { GraphQLContext } from '../graphql/viewer-context.js';

/**
 * Who reads which plans (DOMAIN.md): adopted and closed plans are public; a draft, and everything under it, is read
 * only by admins and the plan's coordinators. For everyone else a draft reads as absent.
 */
@Injectable()
export class PlanAccess {
  private readonly perRequest = new WeakMap<object, DraftsVisible>();

  constructor(
    @Inject(GRANTS) private readonly grants: GrantsReader,
    @Inject(CATALOGUE) private readonly catalogue: SqliteCatalogueReader,
  ) {}

  /** The drafts the request's viewer may read (worked out once per request). */
  drafts(context: GraphQLContext): DraftsVisible {
    let drafts = this.perRequest.get(context);
    if (drafts === undefined) {
      const roles = context.viewer ? this.grants.rolesOf(context.viewer.subject) : [];
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
