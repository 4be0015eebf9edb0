import type { SqliteCatalogueReader, SqliteTrackingReader } from '#application';
import { dateOf } from '#domain';

/**
 * The readers of a past day: `plan.asOf(date)` and `deadlines(asAt)` read the read models' history as it stood at the
 * end of `day`, with `day` as today.
 */
export interface AsOf {
  readonly day: string;
  readonly catalogue: SqliteCatalogueReader;
  readonly tracking: SqliteTrackingReader;
}

export function asOf(day: string, catalogue: SqliteCatalogueReader, tracking: SqliteTrackingReader): AsOf {
  return { day, catalogue: catalogue.asOf(day), tracking: tracking.asOf(day) };
}

/** Views served as of a day carry its readers, so that every field under them reads the same day. */
const AS_OF = Symbol('asOf');

type Carrier = { [AS_OF]?: AsOf };

/** `view`, carrying the day it was read as of (nothing when read now). */
export function carrying<T extends object>(view: T, day: AsOf | undefined): T {
  return day ? (Object.assign(Object.create(null) as object, view, { [AS_OF]: day }) as T) : view;
}

/** A child view carrying the same day as its parent. */
export const carried = <T extends object>(parent: object, view: T): T => carrying(view, asOfOf(parent));

export const asOfOf = (parent: object): AsOf | undefined => (parent as Carrier)[AS_OF];

export const catalogueOf = (parent: object, live: SqliteCatalogueReader): SqliteCatalogueReader => asOfOf(parent)?.catalogue ?? live;

export const trackingOf = (parent: object, live: SqliteTrackingReader): SqliteTrackingReader => asOfOf(parent)?.tracking ?? live;

/** The day a parent's figures are computed for: its as-of day, or today. */
export const todayOf = (parent: object, now: Date): string => asOfOf(parent)?.day ?? dateOf(now);
