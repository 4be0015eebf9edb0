// Bundles the compiled api and CLI (dist/apps/*/src/main.js, from tsc) into one ES module each, dist/api/main.mjs
// and dist/cli/main.mjs, with their libraries: a start reads one file instead of resolving and loading a few thousand
// modules one by one (test/bench/README.md has the figures). Some packages stay outside, loaded from node_modules.
import { build } from 'rolldown';

const EXTERNAL = [
  // A native addon.
  'better-sqlite3',
  // @nestjs/graphql's typings generator (npm run generate), never loaded by a running api: 12 MB of TypeScript.
  'ts-morph',
  '@ts-morph/common',
  'typescript',
  // Packages Nest and Apollo load only when they are installed and asked for (microservices, websockets gateways,
  // federation, Fastify): not installed here.
  '@apollo/gateway',
  '@apollo/subgraph',
  '@as-integrations/fastify',
  /^@nestjs\/microservices(\/|$)/,
  /^@nestjs\/websockets(\/|$)/,
];

const ENTRIES = { api: 'dist/apps/api/src/main.js', cli: 'dist/apps/cli/src/main.js' };

for (const [name, input] of Object.entries(ENTRIES)) {
  await build({
    input,
    platform: 'node',
    external: EXTERNAL,
    logLevel: 'warn',
    output: { file: `dist/${name}/main.mjs`, format: 'esm', codeSplitting: false, sourcemap: true },
  });
}
