import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { join } from 'node:path';
import type { Request } from 'express';
import type { Logger } from 'pino';
import type { PlatformConfig } from '#platform';
import { projectRoot } from '../project-root.js';
import { createErrorFormatter } from './format-error.js';
import { depthLimitRule, queryCostPlugin } from './query-limits.plugin.js';
import { DateScalar, DateTimeScalar, PositionScalar } from './scalars.js';
import type { ViewerResolver } from './viewer-context.js';

/**
 * The most tokens a GraphQL document may have (names, punctuation, values; the web app's largest has a few hundred).
 * Parsing stops there with a syntax error: graphql's own validation rules recurse along chains of fragments and
 * overflow the stack on a few thousand of them, which would otherwise be an internal error.
 */
export const MAX_DOCUMENT_TOKENS = 20_000;

/** The SDL folder: `schema/` at the project's root. */
export const schemaDir = (): string => join(projectRoot(), 'schema');

/**
 * Apollo Server options: schema-first from `schema/`, limits, error formatting, request context. With
 * `NODE_ENV=production` the schema is not served to strangers: no introspection, no GraphiQL page, and no "did you
 * mean" hints naming fields in validation errors (the SDL in `schema/` is the contract for client developers).
 */
export function graphqlOptions(config: PlatformConfig, logger: Logger, viewerOf: ViewerResolver): ApolloDriverConfig {
  return {
    typePaths: [join(schemaDir(), '**/*.graphql')],
    resolvers: { Position: PositionScalar, DateTime: DateTimeScalar, LocalDate: DateScalar },
    path: '/graphql',
    graphiql: !config.production,
    introspection: !config.production,
    hideSchemaDetailsFromClientErrors: config.production,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    parseOptions: { maxTokens: MAX_DOCUMENT_TOKENS },
    validationRules: [depthLimitRule(config.graphqlMaxDepth)],
    // No HTTP cache hints are served, so Apollo's per-field cache-control bookkeeping is switched off.
    plugins: [queryCostPlugin(config.graphqlMaxCost), ApolloServerPluginCacheControlDisabled()],
    formatError: createErrorFormatter(logger),
    context: async ({ req }: { req: Request }) => ({ req, viewer: await viewerOf(req) }),
  };
}
