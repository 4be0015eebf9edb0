import type { Snapshot, SqliteCatalogueReader, SqliteTrackingReader } from '#application';

/** Views served from a snapshot (`plan.asOf`) carry it, so their nested fields read the same moment. */
const SNAPSHOT = Symbol('snapshot');

type Carrier = { [SNAPSHOT]?: Snapshot };

export function withSnapshot<T extends object>(view: T, snapshot: Snapshot | undefined): T {
  return snapshot ? Object.assign(Object.create(null) as object, view, { [SNAPSHOT]: snapshot }) as T : view;
}

export const snapshotOf = (parent: object): Snapshot | undefined => (parent as Carrier)[SNAPSHOT];

export const catalogueOf = (parent: object, live: SqliteCatalogueReader): SqliteCatalogueReader => snapshotOf(parent)?.catalogue ?? live;

export const trackingOf = (parent: object, live: SqliteTrackingReader): SqliteTrackingReader => snapshotOf(parent)?.tracking ?? live;
