import type { CommitmentStatus, PlanStatus, StakeholderKind } from './gql/graphql';

// The queries a page asks for as it opens, by operation name and variables, in plain code with no library: the index
// page's inline script sends them while the app's code is still on its way (first-requests.ts), and the app starts
// them again as it starts (preload.ts), taking those answers.

/** Plans per page: each brings its figures (cost ~110 in the api's query-cost limit), so a page stays well under it. */
export const PLANS_PER_PAGE = 20;

/** The list's variables for the filters in the page's address (`?country=NL&status=ADOPTED`), first page. */
export function plansVariables(params: URLSearchParams) {
  return {
    country: params.get('country') || null,
    status: (params.get('status') || null) as PlanStatus | null,
    first: PLANS_PER_PAGE,
    after: null,
  };
}

/** The commitments table's filters, each '' for any. */
export interface CommitmentFilters {
  readonly thematicArea: string;
  readonly status: CommitmentStatus | '';
  readonly ownerKind: StakeholderKind | '';
}

export const NO_FILTERS: CommitmentFilters = { thematicArea: '', status: '', ownerKind: '' };

export const commitmentsVariables = (planId: string, filters: CommitmentFilters) => ({
  planId,
  thematicArea: filters.thematicArea || null,
  status: filters.status || null,
  ownerKind: filters.ownerKind || null,
});

/** Every operation a page may ask for as it opens. */
export const PAGE_OPERATIONS = [
  'PlatformDate',
  'Plans',
  'PlanDashboard',
  'PlanAccountability',
  'PlanCommitments',
  'PlanDashboardAsOf',
  'PlanAccountabilityAsOf',
  'PlanDeadlines',
] as const;
export type PageOperation = (typeof PAGE_OPERATIONS)[number];

export interface PageQuery {
  readonly operationName: PageOperation;
  readonly variables: Record<string, unknown>;
  /** About a past date (`?asOf=`): kept out of the cache, as the page's own request is (cache.ts, PAST). */
  readonly past: boolean;
}

/** The plan whose dashboard is at `location`, if it is one. */
export function dashboardPlanId(location: Pick<Location, 'pathname'>): string | undefined {
  const id = /^\/plans\/([^/]+)$/.exec(location.pathname)?.[1];
  return id === undefined ? undefined : decodeURIComponent(id);
}

/** The queries of the page at `location` (the plans list, a dashboard) and its header's (the platform's date). */
export function pageQueries(location: Pick<Location, 'pathname' | 'search'>): PageQuery[] {
  const query = (operationName: PageOperation, variables: Record<string, unknown>, past = false): PageQuery => ({
    operationName,
    variables,
    past,
  });
  // Every page's header asks for the platform's date (its deadlines are reckoned from it).
  const queries = [query('PlatformDate', {})];
  const params = new URLSearchParams(location.search);
  if (location.pathname === '/') return [...queries, query('Plans', plansVariables(params))];
  const planId = dashboardPlanId(location);
  if (planId === undefined) return queries;
  const asOf = params.get('asOf');
  if (asOf === null)
    queries.push(
      query('PlanDashboard', { planId }),
      query('PlanAccountability', { planId }),
      query('PlanCommitments', commitmentsVariables(planId, NO_FILTERS)),
    );
  else
    queries.push(query('PlanDashboardAsOf', { planId, date: asOf }, true), query('PlanAccountabilityAsOf', { planId, date: asOf }, true));
  return [...queries, query('PlanDeadlines', { planId, asAt: asOf }, asOf !== null)];
}

/** What makes two requests the same: the operation and its variables (in any order). */
export const requestKey = (operationName: string | undefined, variables: Record<string, unknown>): string =>
  JSON.stringify([operationName, Object.fromEntries(Object.entries(variables).sort(([a], [b]) => a.localeCompare(b)))]);
