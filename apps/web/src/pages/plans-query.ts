import { graphql } from '../gql';
import type { PlanStatus } from '../gql/graphql';

// The plans list's query, apart from its page: the app starts it as it starts (preload.ts), and the page then reads it
// with the same variables.

/** Plans per page: each brings its figures (cost ~110 in the api's query-cost limit), so a page stays well under it. */
export const PLANS_PER_PAGE = 20;

/** The first screen in one request: who runs the instance, and a page of plans each with its health line. */
export const PLANS = graphql(`
  query Plans($country: String, $status: PlanStatus, $first: Int!, $after: String) {
    serverInfo {
      operator
    }
    plans(country: $country, status: $status, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          country
          title
          periodStart
          periodEnd
          status
          summary {
            byOwnerKind {
              kind
              figures {
                milestonesOverdue
              }
            }
            reports {
              owed
              onTime
            }
          }
        }
      }
    }
  }
`);

/** The list's variables for the filters in the page's address (`?country=NL&status=ADOPTED`), first page. */
export function plansVariables(params: URLSearchParams) {
  return {
    country: params.get('country') || null,
    status: (params.get('status') || null) as PlanStatus | null,
    first: PLANS_PER_PAGE,
    after: null,
  };
}
