import { dirname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

/**
 * The boundary of libs/domain, as an allow-list: its own files, and exactly these pure text libraries (no I/O, no
 * framework). Everything else (frameworks, node:*, #eventstore, #application, …) is an error.
 */
const domainRoot = resolve(dirname(fileURLToPath(import.meta.url)), 'libs/domain');
const domainPackages = ['libphonenumber-js', 'linkify-it', 'tlds', 'confusables'];
const allowedInDomain = (source, file) => {
  if (source.startsWith('.')) {
    const target = resolve(dirname(file), source);
    return target === domainRoot || target.startsWith(domainRoot + sep);
  }
  if (source === '#domain' || source.startsWith('#domain/')) return true;
  return source === 'libphonenumber-js' || source.startsWith('libphonenumber-js/') || domainPackages.slice(1).includes(source);
};
const domainBoundary = {
  meta: {
    type: 'problem',
    docs: { description: 'libs/domain imports only its own files and the pure text libraries it is allowed.' },
    messages: {
      outside:
        "libs/domain is pure: it imports only its own files and libphonenumber-js (and its subpaths), linkify-it, tlds and confusables. '{{source}}' is not one of them (no framework, no node:*, no #eventstore, #application, #projections or #platform).",
      computed: 'libs/domain imports only literal module names, so the boundary can be checked.',
    },
    schema: [],
  },
  create(context) {
    const check = (node) => {
      if (!node) return;
      if (node.type !== 'Literal' || typeof node.value !== 'string') {
        context.report({ node, messageId: 'computed' });
        return;
      }
      if (!allowedInDomain(node.value, context.filename)) context.report({ node, messageId: 'outside', data: { source: node.value } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => node.source && check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSImportEqualsDeclaration: (node) => node.moduleReference.type === 'TSExternalModuleReference' && check(node.moduleReference.expression),
      'CallExpression[callee.name="require"]': (node) => check(node.arguments[0]),
    };
  },
};

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
    // The boundary: libs/domain is pure TypeScript. It imports its own files and, of everything else, only the pure
    // text libraries the contact redactor is built on (an allow-list: anything not named here is an error).
    files: ['libs/domain/**/*.ts'],
    ignores: ['libs/domain/test/**'],
    plugins: { domain: { rules: { boundary: domainBoundary } } },
    rules: { 'domain/boundary': 'error' },
  },
  {
    files: ['test/**/*.ts', '**/*.spec.ts', '**/test/**/*.ts'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
