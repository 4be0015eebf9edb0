import { CombinedGraphQLErrors } from '@apollo/client/errors';

/** What the api said about a refused mutation: its stable code, message, and the offending fields. */
export interface MutationProblem {
  readonly code: string;
  readonly message: string;
  /** Field path (e.g. `input.reason`, or just `reason`) → message. */
  readonly fields: Readonly<Record<string, string>>;
}

export function problemOf(error: unknown): MutationProblem {
  if (CombinedGraphQLErrors.is(error)) {
    const [first] = error.errors;
    const code = typeof first?.extensions?.['code'] === 'string' ? first.extensions['code'] : 'INTERNAL';
    const raw = first?.extensions?.['fields'];
    const fields: Record<string, string> = {};
    if (Array.isArray(raw)) {
      for (const field of raw as { field?: string; message?: string }[]) {
        if (field.field && field.message) fields[field.field.replace(/^input\./, '')] = field.message;
      }
    }
    return { code, message: first?.message ?? 'Refused', fields };
  }
  return { code: 'NETWORK', message: error instanceof Error ? error.message : String(error), fields: {} };
}
