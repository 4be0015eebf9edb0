import { GraphQLError } from 'graphql';
import type { Request } from 'express';

/**
 * The authenticated caller of a request: the token's subject, and the participant it is (null when not registered).
 * Everything the platform records or reads about the caller goes by the participant id, never by the subject.
 */
export interface AuthenticatedViewer {
  readonly subject: string;
  readonly participantId: string | null;
}

/** Finds the participant a subject is (the platform's `Identities`). */
export interface ParticipantLookup {
  participantOf(subject: string): Promise<string | undefined>;
}

export interface GraphQLContext {
  readonly req: Request;
  readonly viewer: AuthenticatedViewer | null;
}

export type ViewerResolver = (req: Request) => Promise<AuthenticatedViewer | null>;

export interface BearerVerifier {
  verify(authorizationHeader: string | undefined): Promise<{ subject: string } | null>;
}

/**
 * Verifies the bearer token of a request and finds the participant it is; a bad token is an `UNAUTHENTICATED` error
 * (HTTP 401), no token is anonymous.
 */
export function viewerResolver(verifier: BearerVerifier, participants: () => ParticipantLookup): ViewerResolver {
  return async (req) => {
    let verified: { subject: string } | null;
    try {
      verified = await verifier.verify(req.headers.authorization);
    } catch (error) {
      throw new GraphQLError((error as Error).message || 'Invalid bearer token', {
        extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
      });
    }
    if (!verified) return null;
    return { subject: verified.subject, participantId: (await participants().participantOf(verified.subject)) ?? null };
  };
}
