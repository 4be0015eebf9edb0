import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { getComplexity, simpleEstimator, fieldExtensionsEstimator } from 'graphql-query-complexity';

/**
 * Rejects an operation whose estimated cost is above `maxCost` before it runs. Each field costs 1 unless
 * its schema extensions say otherwise; list fields multiply by their `first` argument (connections).
 */
export function queryCostPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }: { request: { operationName?: string | null; variables?: Record<string, unknown> | null }; document: import('graphql').DocumentNode; schema: GraphQLSchema }) {
          const cost = getComplexity({
            schema,
            query: document,
            operationName: request.operationName ?? undefined,
            variables: request.variables ?? {},
            estimators: [
              fieldExtensionsEstimator(),
              ({ args, childComplexity }) =>
                typeof args['first'] === 'number' ? Math.max(1, args['first']) * (childComplexity + 1) : undefined,
              simpleEstimator({ defaultComplexity: 1 }),
            ],
          });
          if (cost > maxCost) {
            throw new GraphQLError(`Query is too expensive: cost ${cost} exceeds the limit of ${maxCost}.`, {
              extensions: { code: 'QUERY_TOO_COMPLEX', cost, maxCost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
