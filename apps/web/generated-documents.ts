import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InMemoryCache } from '@apollo/client';
import { type DocumentNode, print } from 'graphql';
import { PAGE_OPERATIONS, type PageOperation } from './src/page-queries.ts';

// What the build (vite.config.ts) reads of the documents codegen generated.

export const GENERATED = join(dirname(fileURLToPath(import.meta.url)), 'src/gql/graphql.ts');

/** The documents codegen generated (src/gql/graphql.ts), by name: `PlansDocument`, `TrackingFiguresFieldsFragmentDoc`. */
export function generatedDocuments(): Map<string, string> {
  const documents = new Map<string, string>();
  for (const match of readFileSync(GENERATED, 'utf8').matchAll(/^export const (\w+) = (\{.*\}) as unknown as DocumentNode<.*>;$/gm))
    documents.set(match[1]!, match[2]!);
  return documents;
}

/**
 * Each operation a page asks for as it opens, as the app's client sends it: its cache's transform of the document
 * (`__typename` added), printed. The app compares before it takes an answer (preload.ts), and a test holds them equal.
 */
export function pageQueryTexts(): Record<PageOperation, string> {
  const documents = generatedDocuments();
  const cache = new InMemoryCache();
  const text = (name: PageOperation) => {
    const document = documents.get(`${name}Document`);
    if (!document) throw new Error(`no generated document for ${name} (npm run generate)`);
    return print(cache.transformDocument(JSON.parse(document) as DocumentNode));
  };
  return Object.fromEntries(PAGE_OPERATIONS.map((name) => [name, text(name)])) as Record<PageOperation, string>;
}
