import { ApolloClient, ApolloLink, HttpLink } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { RetryLink } from '@apollo/client/link/retry';
import { OperationTypeNode } from 'graphql';
import { currentSession } from './auth';
import { createCache } from './cache';
import { preloads } from './preload';
import { isUnreachable } from './query-errors';

/**
 * The api's GraphQL endpoint, with the signed-in participant's token on every request.
 *
 * When the api cannot be reached, a query is tried again twice (with backoff) before it fails; a failed query keeps
 * the data it showed (QueryState says the page may be out of date and offers to try again), and every query on
 * screen is asked again as soon as the browser says it is back online. Mutations are never retried here: the forms
 * say they failed and the reader sends them again.
 */
export function createClient(): ApolloClient {
  const auth = new SetContextLink((prev) => {
    const session = currentSession();
    return {
      headers: { ...prev.headers, 'apollo-require-preflight': 'true', ...(session ? { authorization: `Bearer ${session.token}` } : {}) },
    };
  });
  const retry = new RetryLink({
    delay: { initial: 300, max: 2_000, jitter: true },
    attempts: { max: 3, retryIf: (error, operation) => operation.operationType === OperationTypeNode.QUERY && isUnreachable(error) },
  });
  const client = new ApolloClient({
    link: ApolloLink.from([preloads.link, auth, retry, new HttpLink({ uri: '/graphql' })]),
    cache: createCache(),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
  preloads.bind(client);
  if (typeof window !== 'undefined') window.addEventListener('online', () => void client.refetchObservableQueries().catch(() => undefined));
  return client;
}
