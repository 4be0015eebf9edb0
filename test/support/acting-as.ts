import { expect } from '@jest/globals';

/** What both apis answer: data, or errors with their extensions. */
export interface Answer<T> {
  data?: T;
  errors?: readonly { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
}

/** Anything that answers GraphQL with a bearer token: a running api process or the in-process one. */
interface GraphQLEndpoint {
  graphql<T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<Answer<T>>;
}

/**
 * Requests as the person a token belongs to, by name: `as` answers whatever the api says, `ok` expects no error and
 * answers the data. Anyone without a token (or with an empty one) asks anonymously. The api is looked up on each call,
 * so a test may restart it.
 */
export function actingAs(api: () => GraphQLEndpoint, tokens: Record<string, string>) {
  const as = <T>(who: string, query: string, variables: Record<string, unknown> = {}): Promise<Answer<T>> =>
    api().graphql<T>(query, variables, tokens[who] || undefined);
  async function ok<T>(who: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await as<T>(who, query, variables);
    expect(res.errors).toBeUndefined();
    return res.data!;
  }
  return { as, ok };
}
