import tseslint from 'typescript-eslint';

/** Packages the pure domain must never import: frameworks and infrastructure. */
const forbiddenInDomain = [
  '@nestjs/*',
  'graphql',
  'graphql-*',
  '@apollo/*',
  'class-validator',
  'class-transformer',
  '@eventstore/*',
  'better-sqlite3',
  'sqlite3',
  'pino',
  'jose',
  'uuid',
  'express',
  'node:*',
  '#eventstore',
  '#eventstore/*',
  '#projections',
  '#projections/*',
  '#application',
  '#application/*',
  '#platform',
  '#platform/*',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'apps/api/src/graphql/generated/**', 'apps/web/src/gql/**', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    // Nest injects by the constructor parameter types that decorator metadata records: the lint must know.
    languageOptions: { parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { disallowTypeAnnotations: false, fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    // Libraries never reach into applications, and nothing in apps or libs imports test support.
    files: ['libs/**/*.ts', 'apps/**/*.ts'],
    ignores: ['**/test/**', '**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)test/support', message: 'Test support is not product code.' }] },
      ],
    },
  },
  {
    // The boundary: libs/domain is pure TypeScript. It imports nothing outside itself.
    files: ['libs/domain/**/*.ts'],
    ignores: ['libs/domain/test/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: forbiddenInDomain, message: 'libs/domain is pure: no framework or infrastructure imports.' },
            { regex: '^\\.\\./\\.\\./\\.\\./', message: 'libs/domain imports nothing outside itself.' },
            { regex: '(^|/)test/support', message: 'Test support is not product code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', '**/*.spec.ts', '**/test/**/*.ts'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
