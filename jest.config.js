import { availableParallelism } from 'node:os';

/** Jest runs TypeScript sources as native ES modules through SWC (decorator metadata included). */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

const base = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^#(domain|eventstore|projections|application|platform)$': '<rootDir>/libs/$1/src/index.ts',
    '^#(domain|eventstore|projections|application|platform)/(.*)$': '<rootDir>/libs/$1/src/$2.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
};

export default {
  // A test fails on a wrong answer, never on a slow machine: jest's 5 s default is replaced by a bound that only a hung
  // test reaches (property tests replay dozens of runs, and CI shares two cores with a compiler). A global option.
  testTimeout: 180_000,
  // Test files run side by side, at least two at once even on two cores: an e2e file spends most of its time waiting
  // for the api process (or the browser) it started, and jest's default (cores - 1) would run them one after another.
  // Every file has its own data directory and free port. `--maxWorkers=1` runs them one by one.
  maxWorkers: Math.max(2, availableParallelism()),
  reporters: ['default', '<rootDir>/test/support/slowest-files-reporter.mjs'],
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/infra/**/*.spec.ts'],
    },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e.ts', '<rootDir>/test/**/*.spec.ts'] },
  ],
};
