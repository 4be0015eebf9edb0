// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import i18n from '../i18n';
import { QueryState } from './QueryState';
import { readProblemOf } from '../query-errors';

const client = new ApolloClient({ link: ApolloLink.empty(), cache: new InMemoryCache() });
const show = (props: Omit<Parameters<typeof QueryState>[0], 'children'>) =>
  render(
    <ApolloProvider client={client}>
      <QueryState {...props}>
        <p>The plans</p>
      </QueryState>
    </ApolloProvider>,
  );
const unreachable = new TypeError('Failed to fetch');

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('en');
});

describe('QueryState', () => {
  it('keeps what the page showed when a refresh fails, says so in plain words, and tries again on request', () => {
    const refetch = vi.fn(() => Promise.resolve());
    show({ loading: false, error: unreachable, data: { plans: [] }, refetch });
    expect(screen.getByText('The plans')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toMatch(/cannot be reached/);
    expect(document.body.textContent).not.toMatch(/Failed to fetch/);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(refetch).toHaveBeenCalledTimes(1);
  });

  it('says in French that nothing could be read, without the api text, and offers to try again', async () => {
    await i18n.changeLanguage('fr');
    const error = new CombinedGraphQLErrors({
      errors: [{ message: 'Cannot query field "x" on type "Query".', extensions: { code: 'INTERNAL' } }],
    });
    show({ loading: false, error, refetch: () => Promise.resolve() });
    expect(screen.queryByText('The plans')).toBeNull();
    expect(screen.getByRole('alert').textContent).toMatch(/Une erreur s'est produite de notre côté/);
    expect(document.body.textContent).not.toMatch(/Cannot query/);
    expect(screen.getByRole('button', { name: 'Réessayer' })).toBeTruthy();
  });

  it('shows a loading line only while there is nothing to show', () => {
    show({ loading: true, error: undefined });
    expect(screen.getByRole('status').textContent).toBe('Loading…');
    cleanup();
    show({ loading: true, error: undefined, data: { plans: [] } });
    expect(screen.getByText('The plans')).toBeTruthy();
  });
});

describe('readProblemOf', () => {
  it('tells an unreachable api from an offline browser and from what the api refused', () => {
    expect(readProblemOf(unreachable, true)).toBe('UNREACHABLE');
    expect(readProblemOf(unreachable, false)).toBe('OFFLINE');
    expect(readProblemOf(new CombinedGraphQLErrors({ errors: [{ message: 'x', extensions: { code: 'FORBIDDEN' } }] }))).toBe('FORBIDDEN');
    expect(readProblemOf(new CombinedGraphQLErrors({ errors: [{ message: 'x', extensions: { code: 'WHATEVER' } }] }))).toBe('INTERNAL');
  });
});
