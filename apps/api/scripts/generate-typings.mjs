// Generates the TypeScript typings of the GraphQL contract from the SDL in `schema/` (`npm run generate`).
// The output is never edited by hand and not committed.
import { GraphQLDefinitionsFactory } from '@nestjs/graphql';
import { join } from 'node:path';

const root = process.cwd();

await new GraphQLDefinitionsFactory().generate({
  typePaths: [join(root, 'schema/**/*.graphql')],
  path: join(root, 'apps/api/src/graphql/generated/schema.ts'),
  outputAs: 'interface',
  defaultScalarType: 'unknown',
  customScalarTypeMapping: { Position: 'string', DateTime: 'string', LocalDate: 'string' },
  enumsAsTypes: true,
  skipResolverArgs: true,
  emitDescriptions: true,
});
