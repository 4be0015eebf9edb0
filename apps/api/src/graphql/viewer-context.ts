import { GraphQLError } from 'graphql';
import type { Request } from 'express';

/** The authenticated caller of a request: the token's subject. Roles are looked up from the grants read model. */
export interface AuthenticatedViewer {
  readonly subject: string;
}

export interface GraphQLContext {
  readonly req: Request;
  readonly viewer: AuthenticatedViewer | null;
}

export type ViewerResolver = (req: Request) => Promise<AuthenticatedViewer | null>;

export interface BearerVerifier {
  verify(authorizationHeader: string | undefined): Promise<{ subject: string } | null>;
}

/** Verifies the bearer token of a request; a bad token is an `UNAUTHENTICATED` error (HTTP 401), no token is anonymous. */
export function viewerResolver(verifier: BearerVerifier): ViewerResolver {
  return async (req) => {
    try {
      const verified = await verifier.verify(req.headers.authorization);
      return verified ? { subject: verified.subject } : null;
    } catch (error) {
      throw new GraphQLError((error as Error).message || 'Invalid bearer token', {
        extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
      });
    }
  };
}
