import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Plugin, type Rolldown, build } from 'vite';
import { defineConfig } from 'vitest/config';
import { GENERATED, generatedDocuments, pageQueryTexts } from './generated-documents.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Each `graphql(`…`)` of src/ becomes the document codegen generated for it, written in place (as the codegen's own
 * babel plugin would, but inlined): a chunk carries the documents of its own pages, instead of the first screen
 * carrying the map of every document of the app with its text (about 100 kB of script).
 */
function graphqlDocuments(): Plugin {
  let generated: { at: number; documents: Map<string, string> } | undefined;
  return {
    name: 'npa-graphql-documents',
    enforce: 'pre',
    transform(code, id) {
      const file = id.split('?')[0]!;
      if (!/\.tsx?$/.test(file) || file.includes('/src/gql/') || !code.includes('graphql(`')) return null;
      const at = statSync(GENERATED).mtimeMs;
      if (generated?.at !== at) generated = { at, documents: generatedDocuments() };
      const { documents } = generated;
      // Same lines as the source: a document is one line, and the text it replaces is kept as a comment.
      const replaced = code.replace(/\bgraphql\(\s*`([^`]*)`\s*\)/g, (call, source: string) => {
        const definition = /\b(query|mutation|subscription|fragment)\s+(\w+)/.exec(source);
        const name = definition && `${definition[2]}${definition[1] === 'fragment' ? 'FragmentDoc' : 'Document'}`;
        const document = name && documents.get(name);
        if (!document)
          throw new Error(
            `${file}: no generated document for ${definition?.[2] ?? 'a graphql document without a name'} (npm run generate)`,
          );
        return `(${document} /*${call.replace(/\*\//g, '* /')}*/)`;
      });
      return { code: replaced, map: null };
    },
  };
}

/**
 * The index page's first script, inline (the api's Content-Security-Policy allows it by its hash): it sends the
 * opened page's queries as the page is parsed, while the app's code is still on its way (src/first-requests.ts).
 */
function firstRequests(): Plugin {
  return {
    name: 'npa-first-requests',
    apply: 'build',
    async transformIndexHtml() {
      const built = (await build({
        configFile: false,
        logLevel: 'silent',
        root,
        define: { PAGE_QUERY_TEXTS: JSON.stringify(pageQueryTexts()) },
        build: {
          write: false,
          minify: true,
          lib: { entry: fileURLToPath(new URL('./src/first-requests.inline.ts', import.meta.url)), formats: ['iife'], name: 'npa' },
        },
      })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
      const [output] = Array.isArray(built) ? built : [built];
      const script = output?.output[0].code.trim();
      if (!script) throw new Error("the index page's first script was not built");
      return [{ tag: 'script', children: script, injectTo: 'head-prepend' }];
    },
  };
}

/** React's modules, as the app and its libraries import them, answered by Preact's. */
const PREACT = [
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react\/jsx-(dev-)?runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom\/test-utils$/, replacement: 'preact/test-utils' },
  // A CommonJS shim (react-i18next imports it) that would require React itself where Node loads it (the tests).
  { find: /^use-sync-external-store\/shim(\/index\.js)?$/, replacement: 'preact/compat' },
  // Its ES module, so that its imports of react-dom go through the lines above in the tests too.
  { find: /^@testing-library\/react$/, replacement: '@testing-library/react/dist/@testing-library/react.esm.js' },
];

/** The web app, built into dist/web, which the api serves at `/`. `npm run dev:web` proxies the api on :3000. */
export default defineConfig({
  root,
  plugins: [graphqlDocuments(), firstRequests()],
  // The app is written against React's API and rendered by Preact (preact/compat), for the libraries too (Apollo,
  // react-router, react-i18next, recharts): a tenth of react-dom's code for the browser to compile and run before the
  // first page shows (test/bench/README.md has the side-by-side figures). The component tests render with it as well.
  resolve: { alias: PREACT },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      onwarn: (warning, warn) => {
        // Libraries marked "use client" (react-router) say so for server components; a client bundle has nothing to keep.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        // react-router reads React 19's useOptimistic when there is one, and does without under Preact.
        if (warning.code === 'IMPORT_IS_UNDEFINED' && warning.message.includes('`useOptimistic`')) return;
        warn(warning);
      },
    },
  },
  server: { proxy: { '/graphql': 'http://localhost:3000', '/auth': 'http://localhost:3000' } },
  // Logic tests run in Node; a component's test asks for a DOM with `// @vitest-environment jsdom` on its first line.
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    // The files share one module graph per worker thread: the app's libraries are loaded once rather than once per
    // file, in a third of the time. They hold no state between them (they pass in any order: --sequence.shuffle).
    pool: 'threads',
    isolate: false,
    // Run through Vite rather than loaded by Node, so that their imports of React reach Preact (PREACT above).
    server: { deps: { inline: [/@testing-library\/react/, /@apollo\/client/, /react-i18next/, /react-router/] } },
  },
});
