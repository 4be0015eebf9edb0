import { graphql } from '../gql';

// The plans list's query, apart from its page: the app starts it as it starts (preload.ts), and the page then reads it
// with the same variables (page-queries.ts).

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
