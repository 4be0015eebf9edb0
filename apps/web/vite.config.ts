import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
const GENERATED = fileURLToPath(new URL('./src/gql/graphql.ts', import.meta.url));

/** The documents codegen generated (src/gql/graphql.ts), by name: `PlansDocument`, `TrackingFiguresFieldsFragmentDoc`. */
function generatedDocuments(): Map<string, string> {
  const documents = new Map<string, string>();
  for (const match of readFileSync(GENERATED, 'utf8').matchAll(/^export const (\w+) = (\{.*\}) as unknown as DocumentNode<.*>;$/gm))
    documents.set(match[1]!, match[2]!);
  return documents;
}

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

/** The web app, built into dist/web, which the api serves at `/`. `npm run dev:web` proxies the api on :3000. */
export default defineConfig({
  root,
  plugins: [graphqlDocuments()],
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // Libraries marked "use client" (react-router) say so for server components; a client bundle has nothing to keep.
    rolldownOptions: { onwarn: (warning, warn) => (warning.code === 'MODULE_LEVEL_DIRECTIVE' ? undefined : warn(warning)) },
  },
  server: { proxy: { '/graphql': 'http://localhost:3000', '/auth': 'http://localhost:3000' } },
  // Logic tests run in Node; a component's test asks for a DOM with `// @vitest-environment jsdom` on its first line.
  test: { environment: 'node', include: ['src/**/*.test.ts', 'src/**/*.test.tsx'] },
});
