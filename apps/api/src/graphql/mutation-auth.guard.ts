import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import type { GraphQLContext } from './viewer-context.js';

/**
 * Anyone may read; every mutation needs an authenticated viewer. What the viewer may do is decided by the
 * command handlers from the recorded role grants.
 */
@Injectable()
export class MutationAuthGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType<GqlContextType>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    if (info.parentType.name !== 'Mutation') return true;
    if (gql.getContext<GraphQLContext>().viewer) return true;
    throw new GraphQLError('Sign in to change anything: this mutation needs a bearer token.', {
      extensions: { code: 'UNAUTHENTICATED' },
    });
  }
}
