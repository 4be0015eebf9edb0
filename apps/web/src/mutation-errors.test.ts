import { describe, expect, it } from 'vitest';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { problemOf } from './mutation-errors';

describe('problemOf', () => {
  it('reads the code, the message and the fields of a refused mutation', () => {
    const error = new CombinedGraphQLErrors({
      errors: [{ message: 'Invalid input', extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'input.reason', message: 'reason should not be empty' }] } }],
    });
    expect(problemOf(error)).toEqual({ code: 'BAD_USER_INPUT', message: 'Invalid input', fields: { reason: 'reason should not be empty' } });
  });

  it('says NETWORK when the api could not be reached', () => {
    expect(problemOf(new TypeError('Failed to fetch'))).toMatchObject({ code: 'NETWORK', message: 'Failed to fetch' });
  });
});
