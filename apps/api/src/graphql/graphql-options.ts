import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import depthLimit from 'graphql-depth-limit';
import type { Request } from 'express';
import type { Logger } from 'pino';
import type { PlatformConfig } from '#platform';
import { createErrorFormatter } from './format-error.js';
import { queryCostPlugin } from './query-limits.plugin.js';
import { DateScalar, DateTimeScalar, PositionScalar } from './scalars.js';
import type { ViewerResolver } from './viewer-context.js';

/** The SDL folder: `schema/` at the repository root, found from this file in sources and in `dist/`. */
export function schemaDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'schema')) || !existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('schema/ folder not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return join(dir, 'schema');
}

/** Apollo Server options: schema-first from `schema/`, limits, error formatting, request context. */
export function graphqlOptions(config: PlatformConfig, logger: Logger, viewerOf: ViewerResolver): ApolloDriverConfig {
  return {
    typePaths: [join(schemaDir(), '**/*.graphql')],
    resolvers: { Position: PositionScalar, DateTime: DateTimeScalar, LocalDate: DateScalar },
    path: '/graphql',
    graphiql: process.env['NODE_ENV'] !== 'production',
    introspection: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    validationRules: [depthLimit(config.graphqlMaxDepth)],
    // No HTTP cache hints are served, so Apollo's per-field cache-control bookkeeping is switched off.
    plugins: [queryCostPlugin(config.graphqlMaxCost), ApolloServerPluginCacheControlDisabled()],
    formatError: createErrorFormatter(logger),
    context: async ({ req }: { req: Request }) => ({ req, viewer: await viewerOf(req) }),
  };
}
