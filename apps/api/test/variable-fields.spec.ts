import { describe, expect, it } from '@jest/globals';
import { buildSchema, graphql } from 'graphql';
import { variableFields } from '../src/graphql/format-error.js';

const schema = buildSchema(`
  scalar LocalDate
  input Target { unit: String!, value: Float! }
  input ScheduleInput { title: String!, dueDate: LocalDate!, target: Target }
  type Query { ok: Boolean }
  type Mutation { schedule(input: ScheduleInput!): Boolean }
`);

/** What graphql-js itself says about `input`, as the field a form shows it next to. */
async function fieldsFor(input: unknown) {
  const result = await graphql({
    schema,
    source: 'mutation ($input: ScheduleInput!) { schedule(input: $input) }',
    variableValues: { input },
  });
  return result.errors?.map((error) => variableFields(error.message)?.map(({ field, constraint }) => ({ field, constraint })));
}

describe('the field a variable coercion error is about', () => {
  it('names a missing field, a wrongly typed one and a nested one, without the variable', async () => {
    expect(await fieldsFor({ dueDate: '2013-12-31' })).toEqual([[{ field: 'title', constraint: 'required' }]]);
    expect(await fieldsFor({ title: 12, dueDate: '2013-12-31' })).toEqual([[{ field: 'title', constraint: 'invalid' }]]);
    expect(await fieldsFor({ title: 'Map', dueDate: '2013-12-31', target: { value: 3 } })).toEqual([
      [{ field: 'target.unit', constraint: 'required' }],
    ]);
    expect(await fieldsFor({ title: 'Map', dueDate: '2013-12-31', target: { unit: 'maps', value: 'three' } })).toEqual([
      [{ field: 'target.value', constraint: 'invalid' }],
    ]);
  });

  it('leaves other messages alone', () => {
    expect(variableFields('Syntax Error: Unexpected Name "x".')).toBeUndefined();
    expect(variableFields('Variable "$input" of required type "ScheduleInput!" was not provided.')).toBeUndefined();
  });
});
