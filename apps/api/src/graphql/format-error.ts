import { unwrapResolverError } from '@apollo/server/errors';
import { HttpException } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';

/** Codes a client may rely on (DESIGN.md, GraphQL). */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RULE_VIOLATION',
  'RATE_LIMITED',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Codes of requests rejected before execution, as the client gets them; their messages are safe to show. A
 * malformed request or document — not JSON-shaped as GraphQL wants, a syntax error, a document that does not
 * validate (unknown fields or fragments, fragment cycles, duplicate operation names, too deep, introspection in
 * production), an operation name that matches nothing — is the client's input at fault: `BAD_USER_INPUT` (HTTP 400).
 * The automatic persisted queries protocol keeps its own codes, which clients act on.
 */
const REQUEST_CODES: ReadonlyMap<string, string> = new Map([
  ['BAD_USER_INPUT', 'BAD_USER_INPUT'],
  ['GRAPHQL_PARSE_FAILED', 'BAD_USER_INPUT'],
  ['GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT'],
  ['BAD_REQUEST', 'BAD_USER_INPUT'],
  ['OPERATION_RESOLUTION_FAILURE', 'BAD_USER_INPUT'],
  ['PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_FOUND'],
  ['PERSISTED_QUERY_NOT_SUPPORTED', 'PERSISTED_QUERY_NOT_SUPPORTED'],
  ['QUERY_TOO_COMPLEX', 'QUERY_TOO_COMPLEX'],
]);

const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  429: 'RATE_LIMITED',
};

interface CodedError {
  code: string;
  message: string;
  fields?: unknown;
  /** A domain rule's stable id (`RULE_VIOLATION`). */
  rule?: string;
}

function isCoded(error: unknown): error is CodedError {
  return (
    error instanceof Error &&
    typeof (error as { code?: unknown }).code === 'string' &&
    ERROR_CODES.includes((error as unknown as { code: ErrorCode }).code)
  );
}

/**
 * The field a variable's coercion error is about, so a form can show it next to the field: graphql-js says
 * `Variable "$input" got invalid value "" at "input.dueDate"; …` or `… Field "title" of required type "String!" was
 * not provided.` The path drops the variable's name (`dueDate`, `target.unit`), as validation errors' fields do.
 */
export function variableFields(message: string): { field: string; message: string; constraint: string }[] | undefined {
  const variable = /^Variable "\$(\w+)" got invalid value .*?(?: at "([^"]+)")?; (.*)$/s.exec(message);
  if (!variable) return undefined;
  const [, name, at, detail = ''] = variable;
  const missing = /Field "([\w.]+)" of required type "[^"]+" was not provided/.exec(detail);
  const path = [at, missing?.[1]].filter((part): part is string => Boolean(part)).join('.');
  const field = path.startsWith(`${name}.`) ? path.slice(name!.length + 1) : path === name ? '' : path;
  if (!field) return undefined;
  return [{ field, message: detail, constraint: missing ? 'required' : 'invalid' }];
}

/**
 * Turns any error into a client-safe GraphQL error with a stable `extensions.code`. Unknown errors become
 * `INTERNAL` with a generic message (logged with their stack, never sent).
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
    const original = unwrapResolverError(error);
    const apolloCode = formatted.extensions?.['code'];
    const requestCode = typeof apolloCode === 'string' ? REQUEST_CODES.get(apolloCode) : undefined;
    if (requestCode) {
      const fields = requestCode === 'BAD_USER_INPUT' ? variableFields(formatted.message) : undefined;
      return { ...base, extensions: { code: requestCode, ...(fields ? { fields } : {}) } };
    }
    if ((original as { code?: unknown } | undefined)?.code === 'EVENT_STORE_UNAVAILABLE') {
      logger.warn({ err: original, path: formatted.path }, 'event store unavailable');
      return {
        ...base,
        message:
          'The event store is unavailable, so the outcome is unknown. Retry later; retrying a mutation with the same commandId is safe.',
        extensions: { code: 'UNAVAILABLE' },
      };
    }
    if (isCoded(original)) {
      return {
        ...base,
        message: original.message,
        extensions: {
          code: original.code,
          ...(original.fields ? { fields: original.fields } : {}),
          ...(typeof original.rule === 'string' ? { rule: original.rule } : {}),
        },
      };
    }
    if (original instanceof HttpException) {
      const status = original.getStatus();
      const code = HTTP_STATUS_CODES[status];
      if (code) return { ...base, message: original.message, extensions: { code } };
    }
    if (original instanceof GraphQLError && !(original.originalError instanceof Error)) {
      // Coercion errors of variables and arguments: the client's input is at fault.
      const code = typeof original.extensions['code'] === 'string' ? original.extensions['code'] : 'BAD_USER_INPUT';
      return { ...base, extensions: { code: code === 'INTERNAL_SERVER_ERROR' ? 'BAD_USER_INPUT' : code } };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error while serving a GraphQL request');
    return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL' } };
  };
}
