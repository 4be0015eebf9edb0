import { InMemoryCache, type StoreObject, type TypePolicies } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';

/**
 * What makes two of the api's id-less objects the same thing when they sit in the same list or field: a plan's
 * figures for one kind of stakeholder, one thematic area, one reporting period, one status. Objects without a key here
 * (a plan's summary, figures, a scorecard, the server's info) are the one object of the field that holds them.
 */
const NATURAL_KEYS: Record<string, (object: StoreObject) => unknown> = {
  OwnerKindTracking: (o) => o['kind'],
  ThematicAreaTracking: (o) => (o['thematicArea'] as StoreObject | undefined)?.['code'],
  ThematicArea: (o) => o['code'],
  ThematicAreaCount: (o) => (o['thematicArea'] as StoreObject | undefined)?.['code'],
  StatusCount: (o) => o['status'],
  PeriodCompliance: (o) => o['period'],
};

/** The id-less objects the pages read with different fields: each is merged into what the cache holds, field by field. */
export const MERGED_TYPES: readonly string[] = [
  'ServerInfo',
  'Viewer',
  'PlanSummary',
  'TrackingFigures',
  'ReportCompliance',
  'Scorecard',
  'Target',
  ...Object.keys(NATURAL_KEYS),
];

const isStoreObject = (value: unknown): value is StoreObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !('__ref' in value);
const keyOf = (object: StoreObject): unknown => NATURAL_KEYS[String(object.__typename)]?.(object);

/**
 * `incoming` merged into `existing`, deeply: an object's fields one by one, a list's items by their natural key (an
 * item without a match, or a list of anything else, is taken as it comes). Two objects of different types or keys are
 * different things: the incoming one replaces the other.
 */
export function mergeDeep(existing: unknown, incoming: unknown): unknown {
  if (Array.isArray(existing) && Array.isArray(incoming)) {
    return incoming.map((item: unknown) => {
      if (!isStoreObject(item) || keyOf(item) === undefined) return item;
      const match = existing.find((old: unknown) => isStoreObject(old) && old.__typename === item.__typename && keyOf(old) === keyOf(item));
      return match === undefined ? item : mergeDeep(match, item);
    });
  }
  if (!isStoreObject(existing) || !isStoreObject(incoming)) return incoming;
  if (existing.__typename !== incoming.__typename || keyOf(existing) !== keyOf(incoming)) return incoming;
  const merged: Record<string, unknown> = { ...existing };
  for (const [field, value] of Object.entries(incoming)) merged[field] = field in existing ? mergeDeep(existing[field], value) : value;
  return merged;
}

/**
 * How the cache stores the api's answers. Objects with an id are normalised (one copy per id). Objects without an id
 * that several queries read with different fields (a plan's summary and its figures by kind of stakeholder, a
 * scorecard and its periods, the server's info) are merged, not replaced: replacing them left another query's data
 * incomplete, and that query went to the api again — on the dashboard, every query twice.
 */
export const TYPE_POLICIES: TypePolicies = {
  Query: { fields: { plans: relayStylePagination(['country', 'status']), notifications: relayStylePagination(['unreadOnly']) } },
  ...Object.fromEntries(
    MERGED_TYPES.map((type) => [type, { merge: (existing: unknown, incoming: unknown) => mergeDeep(existing, incoming) }]),
  ),
};

/**
 * How a query about the past is fetched (a plan, its commitments or its deadlines as they stood on a day): its answer
 * carries the ids of today's objects, so it is kept out of the cache, where it would overwrite today's figures for
 * every page that shows them.
 */
export const PAST = { fetchPolicy: 'no-cache' } as const;

export function createCache(): InMemoryCache {
  return new InMemoryCache({ typePolicies: TYPE_POLICIES });
}
