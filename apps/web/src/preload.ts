import { type ApolloClient, ApolloLink, type DocumentNode, type OperationVariables } from '@apollo/client';
import { type Observable, shareReplay } from 'rxjs';
import { PAST } from './cache';
import { PLATFORM_DATE } from './platform-date-query';
import { PLANS, plansVariables } from './pages/plans-query';
import {
  ACCOUNTABILITY,
  ACCOUNTABILITY_AS_OF,
  COMMITMENTS,
  DASHBOARD,
  DASHBOARD_AS_OF,
  DEADLINES,
  NO_FILTERS,
  commitmentsVariables,
} from './pages/PlanDashboard/queries';

/** The dashboard's code (a chunk of its own), fetched as the app starts when the reader opened a dashboard. */
export const loadPlanDashboard = () => import('./pages/PlanDashboard');

const keyOf = (operationName: string | undefined, variables: OperationVariables): string =>
  JSON.stringify([operationName, Object.fromEntries(Object.entries(variables).sort(([a], [b]) => a.localeCompare(b)))]);

/**
 * The queries of the page the reader opened, asked as the app starts, before its first render (and for a dashboard
 * before its code has come): the page's own request for the same operation and variables, when it comes, takes that
 * answer (or waits for it) instead of asking the api again. Each answer is taken once; the rest are dropped as soon as
 * the reader goes to another page or the cache is emptied (signing in or out), so nothing is ever taken late.
 */
export class Preloads {
  private readonly answers = new Map<string, Observable<ApolloLink.Result>>();

  /** First in the client's link chain: a preloaded operation goes on and is kept; the page's own one takes it. */
  readonly link = new ApolloLink((operation, forward) => {
    const key = keyOf(operation.operationName, operation.variables);
    if (operation.getContext()['preload'] === true) {
      const answer = forward(operation).pipe(shareReplay());
      this.answers.set(key, answer);
      return answer;
    }
    const preloaded = this.answers.get(key);
    if (!preloaded) return forward(operation);
    this.answers.delete(key);
    return preloaded;
  });

  /** Starts one query; one about the past (`past`) stays out of the cache, as the page's own does (see PAST). */
  start<TData, TVariables extends OperationVariables>(
    client: ApolloClient,
    query: DocumentNode,
    variables: TVariables,
    past = false,
  ): void {
    // Not deduplicated by the client, so that the page's request reaches the link above and takes this answer.
    const fetchPolicy = past ? PAST.fetchPolicy : 'network-only';
    void client
      .query<TData, TVariables>({ query, variables, fetchPolicy, context: { preload: true, queryDeduplication: false } })
      .catch(() => undefined);
  }

  /** Drops every answer not taken yet. */
  clear(): void {
    this.answers.clear();
  }

  /** Drops them whenever `client`'s cache is emptied. */
  bind(client: ApolloClient): void {
    client.onResetStore(async () => this.clear());
  }

  /** Starts the queries of the page at `location` (the plans list, a dashboard) and the header's, and fetches the dashboard's code. */
  startPage(client: ApolloClient, location: Pick<Location, 'pathname' | 'search'>): void {
    // Every page's header asks for the platform's date (its deadlines are reckoned from it): with the page's queries,
    // not after the first render.
    this.start(client, PLATFORM_DATE, {});
    const params = new URLSearchParams(location.search);
    if (location.pathname === '/') {
      this.start(client, PLANS, plansVariables(params));
      return;
    }
    const planId = /^\/plans\/([^/]+)$/.exec(location.pathname)?.[1];
    if (!planId) return;
    void loadPlanDashboard().catch(() => undefined);
    const asOf = params.get('asOf');
    const id = decodeURIComponent(planId);
    if (asOf === null) {
      this.start(client, DASHBOARD, { planId: id });
      this.start(client, ACCOUNTABILITY, { planId: id });
      this.start(client, COMMITMENTS, commitmentsVariables(id, NO_FILTERS));
    } else {
      this.start(client, DASHBOARD_AS_OF, { planId: id, date: asOf }, true);
      this.start(client, ACCOUNTABILITY_AS_OF, { planId: id, date: asOf }, true);
    }
    this.start(client, DEADLINES, { planId: id, asAt: asOf }, asOf !== null);
  }
}

export const preloads = new Preloads();
