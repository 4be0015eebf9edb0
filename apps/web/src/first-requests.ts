import { currentSession } from './auth';
import { type PageOperation, pageQueries, requestKey } from './page-queries';

/** A query the index page sent before the app's code came: its text, and its answer (undefined if it failed). */
export interface FirstRequest {
  readonly query: string;
  readonly answer: Promise<unknown>;
}

declare global {
  interface Window {
    /** The queries the index page's inline script sent, by `requestKey` (see first-requests.inline.ts). */
    npaFirstRequests?: Map<string, FirstRequest>;
  }
}

/**
 * Sends the queries of the page at `location` (pageQueries) as the app's client would send them: the same text (given
 * in `texts`, as the client prints it), the same headers, the signed-in participant's token. Each answer is kept for
 * the app to take (preload.ts); a request that fails, or answers with an HTTP error, is kept as undefined and the app
 * asks again through its own client (with its retries).
 */
export function sendFirstRequests(
  texts: Readonly<Record<PageOperation, string>>,
  location: Pick<Location, 'pathname' | 'search'>,
  send: typeof fetch,
): Map<string, FirstRequest> {
  const session = currentSession();
  const headers: Record<string, string> = {
    accept: 'application/graphql-response+json,application/json;q=0.9',
    'content-type': 'application/json',
    'apollo-require-preflight': 'true',
    ...(session ? { authorization: `Bearer ${session.token}` } : {}),
  };
  const sent = new Map<string, FirstRequest>();
  for (const { operationName, variables } of pageQueries(location)) {
    const query = texts[operationName];
    const answer = send('/graphql', { method: 'POST', headers, body: JSON.stringify({ operationName, variables, query }) })
      .then((response) => (response.ok ? (response.json() as Promise<unknown>) : undefined))
      .catch(() => undefined);
    sent.set(requestKey(operationName, variables), { query, answer });
  }
  return sent;
}
