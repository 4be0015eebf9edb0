import { type ApolloClient, ApolloLink, type DocumentNode, type OperationVariables } from '@apollo/client';
import { print } from '@apollo/client/utilities';
import { type Observable, from, mergeMap, of, shareReplay } from 'rxjs';
import { PAST } from './cache';
import type { FirstRequest } from './first-requests';
import { type PageOperation, dashboardPlanId, pageQueries, requestKey } from './page-queries';
import { PLATFORM_DATE } from './platform-date-query';
import { PLANS } from './pages/plans-query';
import { ACCOUNTABILITY, ACCOUNTABILITY_AS_OF, COMMITMENTS, DASHBOARD, DASHBOARD_AS_OF, DEADLINES } from './pages/PlanDashboard/queries';

/** The document of each operation a page asks for as it opens. */
export const PAGE_DOCUMENTS: Readonly<Record<PageOperation, DocumentNode>> = {
  PlatformDate: PLATFORM_DATE,
  Plans: PLANS,
  PlanDashboard: DASHBOARD,
  PlanAccountability: ACCOUNTABILITY,
  PlanCommitments: COMMITMENTS,
  PlanDashboardAsOf: DASHBOARD_AS_OF,
  PlanAccountabilityAsOf: ACCOUNTABILITY_AS_OF,
  PlanDeadlines: DEADLINES,
};

/** The dashboard's code (a chunk of its own), fetched as the app starts when the reader opened a dashboard. */
export const loadPlanDashboard = () => import('./pages/PlanDashboard');

/**
 * The queries of the page the reader opened, asked as the app starts, before its first render (and for a dashboard
 * before its code has come): the page's own request for the same operation and variables, when it comes, takes that
 * answer (or waits for it) instead of asking the api again. Each answer is taken once; the rest are dropped as soon as
 * the reader goes to another page or the cache is emptied (signing in or out), so nothing is ever taken late.
 */
export class Preloads {
  private readonly answers = new Map<string, Observable<ApolloLink.Result>>();

  /** `sent`: the queries the index page sent before the app's code came (first-requests.ts), by request key. */
  constructor(private readonly sent = new Map<string, FirstRequest>()) {}

  /**
   * First in the client's link chain: a preloaded operation takes the answer of the same query the index page sent
   * (same text, same variables) or goes on, and is kept; the page's own one takes it.
   */
  readonly link = new ApolloLink((operation, forward) => {
    const key = requestKey(operation.operationName, operation.variables);
    if (operation.getContext()['preload'] === true) {
      const sent = this.sent.get(key);
      this.sent.delete(key);
      const answer = (
        sent && sent.query === print(operation.query)
          ? from(sent.answer).pipe(mergeMap((result) => (result ? of(result as ApolloLink.Result) : forward(operation))))
          : forward(operation)
      ).pipe(shareReplay());
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
    this.sent.clear();
  }

  /** Drops them whenever `client`'s cache is emptied. */
  bind(client: ApolloClient): void {
    client.onResetStore(async () => this.clear());
  }

  /** Starts the queries of the page at `location` (the plans list, a dashboard) and the header's, and fetches the dashboard's code. */
  startPage(client: ApolloClient, location: Pick<Location, 'pathname' | 'search'>): void {
    if (dashboardPlanId(location) !== undefined) void loadPlanDashboard().catch(() => undefined);
    for (const { operationName, variables, past } of pageQueries(location))
      this.start(client, PAGE_DOCUMENTS[operationName], variables, past);
  }
}

export const preloads = new Preloads(typeof window === 'undefined' ? undefined : window.npaFirstRequests);
