import { describe, expect, it } from '@jest/globals';
import { GraphQLError, buildSchema, parse, specifiedRules, validate } from 'graphql';
import pino from 'pino';
import { createErrorFormatter } from '../src/graphql/format-error.js';
import { depthLimitRule } from '../src/graphql/query-limits.plugin.js';

const schema = buildSchema(`
  type Query { node: Node, version: String }
  type Node { id: ID, child: Node, name: String }
`);

const errorsOf = (query: string, maxDepth = 3) =>
  validate(schema, parse(query), [...specifiedRules, depthLimitRule(maxDepth)]).map((e) => e.message);

describe('the depth limit (a validation rule that never throws)', () => {
  it('counts fields from the root (0) through fragments and inline fragments, like graphql-depth-limit', () => {
    expect(errorsOf('{ node { child { child { id } } } }')).toEqual([]); // id at depth 3
    expect(errorsOf('query Deep { node { child { child { child { id } } } } }')).toEqual(["'Deep' exceeds maximum operation depth of 3"]);
    expect(errorsOf('{ node { ...F } } fragment F on Node { child { ... on Node { child { id } } } }')).toEqual([]);
    expect(errorsOf('{ node { ...F } } fragment F on Node { child { ... on Node { child { child { id } } } } }')).toEqual([
      "'' exceeds maximum operation depth of 3",
    ]);
    expect(errorsOf('{ node { child { child { __typename } } } }')).toEqual([]);
  });

  it('reports one error per operation, at the first field too deep', () => {
    const errors = validate(schema, parse('query A { node { child { child { child { id name } } } } }'), [depthLimitRule(3)]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.locations).toEqual([{ line: 1, column: 42 }]);
  });

  it('leaves unknown fragments and fragment cycles to graphql’s own rules, without throwing', () => {
    expect(errorsOf('{ ...Nope }')).toEqual(['Unknown fragment "Nope".']);
    expect(errorsOf('{ node { ...Nope } }')).toEqual(['Unknown fragment "Nope".']);
    expect(errorsOf('{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }')).toEqual([
      'Cannot spread fragment "A" within itself via "B".',
    ]);
    // A cycle through fields: graphql-depth-limit recursed until the limit; this rule stops as soon as it is too deep.
    expect(errorsOf('{ node { ...A } } fragment A on Node { child { ...A } }').sort()).toEqual([
      "'' exceeds maximum operation depth of 3",
      'Cannot spread fragment "A" within itself.',
    ]);
  });

  it('walks each fragment once per depth, so fragments spread twice at every level cost no more than their size', () => {
    // 40 levels of fragments each spread twice: 2^40 paths. A rule that walked every path would never return (jest's
    // timeout fails it on any machine); one that walks each fragment once per depth answers at once.
    const levels = 40;
    const fragments = Array.from(
      { length: levels },
      (_, i) => `fragment F${i} on Node { child { ...F${i + 1} } child { ...F${i + 1} } }`,
    ).join(' ');
    const query = `{ node { ...F0 } } ${fragments} fragment F${levels} on Node { id }`;
    const errors = validate(schema, parse(query), [depthLimitRule(100)]);
    expect(errors).toEqual([]);
  });
});

describe('the error formatter on requests refused before execution', () => {
  const format = createErrorFormatter(pino({ level: 'silent' }));
  const formatted = (code: string) =>
    format({ message: 'refused', extensions: { code } }, new GraphQLError('refused', { extensions: { code } }));

  it.each(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE', 'BAD_USER_INPUT'])(
    'answers %s as BAD_USER_INPUT, with its message',
    (code) => {
      expect(formatted(code)).toEqual({ message: 'refused', extensions: { code: 'BAD_USER_INPUT' } });
    },
  );

  it.each(['QUERY_TOO_COMPLEX', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED'])('keeps %s, which clients act on', (code) => {
    expect(formatted(code).extensions).toEqual({ code });
  });
});
