import type { Page } from '#application';

/** A reader's page as a Relay connection. */
export function toConnection<T>(page: Page<T>) {
  return {
    edges: page.items.map((item) => ({ cursor: item.cursor, node: item.node })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    totalCount: page.totalCount,
  };
}
