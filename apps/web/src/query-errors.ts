import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';

/** Why a page could not be read, as a stable name the app translates (`common:query.<reason>`): never the api's words. */
export type ReadProblem =
  'OFFLINE' | 'UNREACHABLE' | 'UNAVAILABLE' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'RATE_LIMITED' | 'TOO_COMPLEX' | 'INTERNAL';

/** The api did not answer (no connection, the server down or restarting, a proxy's 502/503/504 page). */
export function isUnreachable(error: unknown): boolean {
  if (CombinedGraphQLErrors.is(error)) return false;
  if (ServerError.is(error)) return error.statusCode >= 500 || error.statusCode === 0;
  if (ServerParseError.is(error)) return true;
  // fetch's own failure: a TypeError ("Failed to fetch", "NetworkError when attempting to fetch resource", "Load failed").
  return error instanceof TypeError || (error instanceof Error && error.name === 'TypeError');
}

const CODES: Readonly<Record<string, ReadProblem>> = {
  UNAVAILABLE: 'UNAVAILABLE',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  RATE_LIMITED: 'RATE_LIMITED',
  QUERY_TOO_COMPLEX: 'TOO_COMPLEX',
};

/** What went wrong with a query, in a word the reader's language has a sentence for. */
export function readProblemOf(error: unknown, online: boolean = typeof navigator === 'undefined' || navigator.onLine): ReadProblem {
  if (isUnreachable(error)) return online ? 'UNREACHABLE' : 'OFFLINE';
  if (CombinedGraphQLErrors.is(error)) {
    const code = error.errors[0]?.extensions?.['code'];
    return (typeof code === 'string' && CODES[code]) || 'INTERNAL';
  }
  if (ServerError.is(error) && error.statusCode === 429) return 'RATE_LIMITED';
  return 'INTERNAL';
}

/** Problems that may go away by themselves: the page tries again on its own, and says it will. */
export const TRANSIENT: ReadonlySet<ReadProblem> = new Set(['OFFLINE', 'UNREACHABLE', 'UNAVAILABLE', 'RATE_LIMITED']);
