import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed operations from the api's schema: every `graphql(...)` document in src/ gets its result and variable types. */
const config: CodegenConfig = {
  schema: 'schema/*.graphql',
  documents: ['apps/web/src/**/*.tsx', 'apps/web/src/**/*.ts', '!apps/web/src/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'apps/web/src/gql/': {
      preset: 'client',
      config: {
        scalars: { Position: 'string', DateTime: 'string', LocalDate: 'string' },
        enumsAsTypes: true,
        useTypeImports: true,
      },
      presetConfig: { fragmentMasking: false },
    },
  },
};
export default config;
