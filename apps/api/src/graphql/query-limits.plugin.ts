import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, GraphQLError, type GraphQLSchema, Kind, visit } from 'graphql';
import { directiveEstimator, fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

interface ResolvedOperation {
  request: { operationName?: string | null; variables?: Record<string, unknown> | null };
  document: DocumentNode;
  schema: GraphQLSchema;
}

function costOf({ request, document, schema }: ResolvedOperation): number {
  try {
    return getComplexity({
      schema,
      query: document,
      operationName: request.operationName ?? undefined,
      variables: request.variables ?? {},
      estimators: [
        directiveEstimator(), // `@complexity(value: …)` in the SDL
        fieldExtensionsEstimator(),
        ({ args, childComplexity }) => (typeof args['first'] === 'number' ? Math.max(1, args['first']) * (childComplexity + 1) : undefined),
        simpleEstimator({ defaultComplexity: 1 }),
      ],
    });
  } catch (error) {
    // Variables that do not fit the schema: the client's input is at fault.
    throw new GraphQLError((error as Error).message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
  }
}

/** Costs already worked out, per parsed document (Apollo keeps one per query text) and per deciding variables. */
const KEPT_PER_DOCUMENT = 64;
const known = new WeakMap<DocumentNode, { deciding: readonly string[]; costs: Map<string, number> }>();

/**
 * The variables that can change a document's cost: those given to a `first` argument (a list's length) or to
 * `@include`/`@skip`. Any other variable (a mutation's input) leaves the cost as it is.
 */
function decidingVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument(node, _key, _parent, _path, ancestors) {
      if (node.value.kind !== Kind.VARIABLE) return;
      // The argument's owner: the nearest ancestor that is a node, not the list of arguments.
      const owner = ancestors.findLast((ancestor) => !Array.isArray(ancestor)) as { kind?: string } | undefined;
      if (node.name.value === 'first' || owner?.kind === Kind.DIRECTIVE) names.add(node.value.name.value);
    },
  });
  return [...names].sort();
}

/** `costOf`, worked out once per document, operation and values of its deciding variables. */
function cachedCostOf(operation: ResolvedOperation): number {
  let entry = known.get(operation.document);
  if (!entry) known.set(operation.document, (entry = { deciding: decidingVariables(operation.document), costs: new Map() }));
  const variables = operation.request.variables ?? {};
  const key = JSON.stringify([operation.request.operationName ?? null, ...entry.deciding.map((name) => variables[name] ?? null)]);
  let cost = entry.costs.get(key);
  if (cost === undefined) {
    cost = costOf(operation);
    if (entry.costs.size >= KEPT_PER_DOCUMENT) entry.costs.delete(entry.costs.keys().next().value!);
    entry.costs.set(key, cost);
  }
  return cost;
}

/**
 * Rejects an operation whose estimated cost is above `maxCost` before it runs. Each field costs 1 unless the SDL says
 * otherwise (`@complexity`); list fields multiply by their `first` argument (connections).
 */
export function queryCostPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(operation: ResolvedOperation) {
          const cost = cachedCostOf(operation);
          if (cost > maxCost) {
            throw new GraphQLError(`Query is too expensive: cost ${cost} exceeds the limit of ${maxCost}.`, {
              extensions: { code: 'QUERY_TOO_COMPLEX', cost, maxCost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
