import type { ApolloServerPlugin } from '@apollo/server';
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
  visit,
} from 'graphql';
import { directiveEstimator, fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

interface ResolvedOperation {
  request: { operationName?: string | null; variables?: Record<string, unknown> | null };
  document: DocumentNode;
  schema: GraphQLSchema;
  /** Undefined when `operationName` names none of the document's operations (Apollo then answers it). */
  operation?: OperationDefinitionNode | null;
}

/**
 * The first field of `operation` nested deeper than `maxDepth` (its root fields are at depth 0), following fragment
 * spreads. Iterative and bounded: each fragment is walked once per depth it is spread at, and unknown fragments and
 * fragment cycles are left to graphql's own rules (KnownFragmentNames, NoFragmentCycles), which report them.
 */
function tooDeep(
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  maxDepth: number,
): FieldNode | undefined {
  const walked = new Set<string>();
  const pending: [SelectionSetNode, number][] = [[operation.selectionSet, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [selectionSet, depth] = next;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (depth > maxDepth) return selection;
        // Introspection fields (`__schema`, `__type`) are not counted, as graphql-depth-limit did not count them.
        if (selection.selectionSet && !selection.name.value.startsWith('__')) pending.push([selection.selectionSet, depth + 1]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        pending.push([selection.selectionSet, depth]);
      } else {
        const fragment = fragments.get(selection.name.value);
        const key = `${depth} ${selection.name.value}`;
        if (fragment && !walked.has(key)) {
          walked.add(key);
          pending.push([fragment.selectionSet, depth]);
        }
      }
    }
  }
  return undefined;
}

/**
 * A validation rule: an operation nested deeper than `maxDepth` fields is refused before it runs. It never throws,
 * whatever the document (graphql-depth-limit, which it replaces, crashed on unknown fragments and looped on cycles).
 */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    return {
      OperationDefinition(operation) {
        const field = tooDeep(operation, fragments, maxDepth);
        if (field)
          context.reportError(
            new GraphQLError(`'${operation.name?.value ?? ''}' exceeds maximum operation depth of ${maxDepth}`, { nodes: [field] }),
          );
        return false;
      },
    };
  };
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
          // No operation of that name: nothing will run, and Apollo answers OPERATION_RESOLUTION_FAILURE.
          if (!operation.operation) return;
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
