import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

function parsePosition(value: unknown): bigint {
  if (typeof value === 'string' && /^\d{1,20}$/.test(value)) return BigInt(value);
  throw new GraphQLError('Position must be a string returned by the API (digits only).', {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

/** A log position: a bigint inside, an opaque string on the wire. */
export const PositionScalar = new GraphQLScalarType<bigint, string>({
  name: 'Position',
  description: 'Global position of an event in the log, as an opaque string.',
  serialize: (value) => {
    if (typeof value === 'bigint' || typeof value === 'number') return value.toString();
    if (typeof value === 'string') return value;
    throw new GraphQLError('Position cannot represent this value.');
  },
  parseValue: parsePosition,
  parseLiteral: (ast) => parsePosition(ast.kind === Kind.STRING ? ast.value : undefined),
});

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function parseDateTime(value: unknown): string {
  if (typeof value === 'string' && ISO_INSTANT.test(value)) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return date.toISOString();
  }
  throw new GraphQLError('DateTime must be an ISO-8601 instant such as 2026-11-23T10:00:00Z.', {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

/** An instant, always serialised as ISO-8601 UTC. */
export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'An ISO-8601 instant.',
  serialize: (value) => {
    if (value instanceof Date) return value.toISOString();
    if (typeof value === 'string') return value;
    throw new GraphQLError('DateTime cannot represent this value.');
  },
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(value: unknown): string {
  if (typeof value === 'string' && CALENDAR_DATE.test(value)) {
    const date = new Date(`${value}T00:00:00.000Z`);
    if (!Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)) return value;
  }
  throw new GraphQLError('LocalDate must be a calendar date written YYYY-MM-DD, such as 2013-12-31.', {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

/** A calendar date, `YYYY-MM-DD`. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'LocalDate',
  description: 'A calendar date, YYYY-MM-DD.',
  serialize: (value) => {
    if (typeof value === 'string') return value;
    throw new GraphQLError('LocalDate cannot represent this value.');
  },
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});
