import { describe, expect, it } from 'vitest';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { problemOf } from './mutation-errors';

describe('problemOf', () => {
  it('reads the code, the message and the fields of a refused mutation, with what is wrong with each', () => {
    const error = new CombinedGraphQLErrors({
      errors: [
        {
          message: 'Invalid input',
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: [{ field: 'input.reason', message: 'reason should not be empty', constraint: 'isNotEmpty' }],
          },
        },
      ],
    });
    expect(problemOf(error)).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'Invalid input',
      fields: { reason: { constraint: 'isNotEmpty', message: 'reason should not be empty' } },
    });
  });

  it('puts a rule refusal about one field on that field', () => {
    const error = new CombinedGraphQLErrors({
      errors: [{ message: 'No such period', extensions: { code: 'RULE_VIOLATION', rule: 'progress.unknown_period' } }],
    });
    expect(problemOf(error)).toEqual({
      code: 'RULE_VIOLATION',
      rule: 'progress.unknown_period',
      message: 'No such period',
      fields: { period: { constraint: 'rule', rule: 'progress.unknown_period', message: 'No such period' } },
    });
  });

  it('says NETWORK when the api could not be reached', () => {
    expect(problemOf(new TypeError('Failed to fetch'))).toMatchObject({ code: 'NETWORK', message: 'Failed to fetch' });
  });
});
