import { dirname, relative, resolve, sep } from 'node:path';
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
      TSImportEqualsDeclaration: (node) =>
        node.moduleReference.type === 'TSExternalModuleReference' && check(node.moduleReference.expression),
      'CallExpression[callee.name="require"]': (node) => check(node.arguments[0]),
    };
  },
};

/**
 * Where an import leads, to compare with a layer's boundaries: `libs/<name>/…` for `#name` aliases, the path from the
 * repository's root for relative imports, `package:<name>` for a package (`package:node:fs`).
 */
const root = dirname(fileURLToPath(import.meta.url));
const locationOf = (source, file) => {
  const alias = /^#([a-z]+)(\/.*)?$/.exec(source);
  if (alias) return `libs/${alias[1]}/src${alias[2] ?? ''}`;
  if (source.startsWith('.'))
    return relative(root, resolve(dirname(file), source))
      .split(sep)
      .join('/');
  return `package:${source}`;
};

/**
 * The layers' boundaries, checked on every import (static, dynamic, re-export, require) by where it leads, so that a
 * relative path cannot step around an alias. Each boundary is a pattern of forbidden locations and the rule in words.
 */
const layerBoundary = {
  meta: {
    type: 'problem',
    docs: { description: "An import does not cross one of its layer's boundaries." },
    messages: {
      crossed: "{{rule}} ('{{source}}' leads to {{location}})",
      computed: 'Imports here name literal modules, so that the layer boundaries can be checked.',
    },
    schema: [
      {
        type: 'array',
        items: { type: 'object', properties: { forbidden: { type: 'string' }, rule: { type: 'string' } }, required: ['forbidden', 'rule'] },
      },
    ],
  },
  create(context) {
    const boundaries = (context.options[0] ?? []).map(({ forbidden, rule }) => ({ forbidden: new RegExp(forbidden), rule }));
    const check = (node) => {
      if (!node) return;
      if (node.type === 'TemplateLiteral' && node.expressions.length === 0) node = { ...node, value: node.quasis[0].value.cooked };
      else if (node.type !== 'Literal' || typeof node.value !== 'string') {
        context.report({ node, messageId: 'computed' });
        return;
      }
      const location = locationOf(node.value, context.filename);
      const crossed = boundaries.find(({ forbidden }) => forbidden.test(location));
      if (crossed) context.report({ node, messageId: 'crossed', data: { rule: crossed.rule, source: node.value, location } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => node.source && check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSImportEqualsDeclaration: (node) =>
        node.moduleReference.type === 'TSExternalModuleReference' && check(node.moduleReference.expression),
      'CallExpression[callee.name="require"]': (node) => check(node.arguments[0]),
    };
  },
};

/** Boundaries that several layers share. */
const NO_TEST_SUPPORT = {
  forbidden: '(^|/)test/',
  rule: 'Test code (test/, libs/*/test/) is not product code: product code never imports it.',
};
const NO_APPS = {
  forbidden: '^apps/',
  rule: 'Libraries never import applications (apps/*): apps are built on libs, not the other way round.',
};

/**
 * Every layer the README and DESIGN.md describe, with what it may not import. libs/domain has its own, stricter rule
 * (an allow-list, below).
 */
const layers = [
  {
    files: ['libs/eventstore/src/**/*.ts'],
    boundaries: [
      NO_APPS,
      NO_TEST_SUPPORT,
      {
        forbidden: '^libs/(?!eventstore/)',
        rule: 'libs/eventstore is the event store port and its adapters: it imports no other part of the platform (domain, projections, application, platform).',
      },
    ],
  },
  {
    files: ['libs/projections/src/**/*.ts'],
    boundaries: [
      NO_APPS,
      NO_TEST_SUPPORT,
      {
        forbidden: '^libs/(?!projections/|eventstore/)',
        rule: 'libs/projections is the projection runner and the read-model store: it builds on libs/eventstore only (the projectors live with their use cases in libs/application).',
      },
    ],
  },
  {
    files: ['libs/application/src/**/*.ts'],
    boundaries: [
      NO_APPS,
      NO_TEST_SUPPORT,
      {
        forbidden: '^libs/platform/',
        rule: 'libs/application does not import libs/platform: the platform composes the application, not the other way round.',
      },
    ],
  },
  { files: ['libs/platform/src/**/*.ts'], boundaries: [NO_APPS, NO_TEST_SUPPORT] },
  {
    files: ['apps/api/src/**/*.ts'],
    boundaries: [
      NO_TEST_SUPPORT,
      { forbidden: '^apps/(?!api/)', rule: 'apps/api imports no other app: what the api and the CLI share lives in libs/platform.' },
    ],
  },
  {
    files: ['apps/cli/src/**/*.ts'],
    boundaries: [
      NO_TEST_SUPPORT,
      { forbidden: '^apps/(?!cli/)', rule: 'apps/cli imports no other app: what the api and the CLI share lives in libs/platform.' },
    ],
  },
  {
    files: ['apps/web/src/**/*.ts', 'apps/web/src/**/*.tsx'],
    ignores: ['apps/web/src/**/*.test.ts', 'apps/web/src/**/*.test.tsx'],
    boundaries: [
      NO_TEST_SUPPORT,
      {
        forbidden: '^(libs/|apps/(?!web/)|package:(@nestjs/|@eventstore/|better-sqlite3|node:))',
        rule: 'The web app runs in the browser and speaks to the server through GraphQL only: it imports no server code (libs/*, apps/api, apps/cli, Nest, the event store, SQLite, node:*).',
      },
    ],
  },
  // The web app's build configuration (vite, codegen) runs in node, beside product code.
  { files: ['apps/web/*.ts'], boundaries: [NO_TEST_SUPPORT] },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'apps/api/src/graphql/generated/**',
      'apps/web/src/gql/**',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
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
  // The layers' boundaries (see `layers`): one rule, with each boundary said in words.
  ...layers.map(({ files, ignores = [], boundaries }) => ({
    files,
    ignores: ['**/*.spec.ts', ...ignores],
    plugins: { layers: { rules: { boundary: layerBoundary } } },
    rules: { 'layers/boundary': ['error', boundaries] },
  })),
  {
    // DESIGN.md: Nest is the outer shell only. Its AggregateRoot and EventBus are in-process and route by class name:
    // events are persisted by the event store and projected by the projection runner, never through them.
    files: ['libs/**/*.ts', 'apps/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@nestjs/cqrs',
              importNames: ['AggregateRoot', 'EventBus', 'EventPublisher', 'EventsHandler', 'IEventHandler', 'Saga'],
              message:
                "Nest's AggregateRoot and EventBus are in-process and route by class name: events go through the event store and the projection runner.",
            },
          ],
        },
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
