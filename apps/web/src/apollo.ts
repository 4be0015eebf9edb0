import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { currentSession } from './auth';

/** The api's GraphQL endpoint, with the signed-in participant's token on every request. */
export function createClient(): ApolloClient {
  const auth = new SetContextLink((prev) => {
    const session = currentSession();
    return { headers: { ...prev.headers, 'apollo-require-preflight': 'true', ...(session ? { authorization: `Bearer ${session.token}` } : {}) } };
  });
  return new ApolloClient({
    link: ApolloLink.from([auth, new HttpLink({ uri: '/graphql' })]),
    cache: new InMemoryCache(),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}
