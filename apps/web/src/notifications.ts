import { useQuery } from '@apollo/client/react';
import { graphql } from './gql';

/** The signed-in reader's unread count, for the bell: asked again every minute and whenever the inbox changes it. */
export const UNREAD = graphql(`
  query UnreadNotifications {
    notifications(first: 1, unreadOnly: true) {
      unreadCount
    }
  }
`);

export const BELL_POLL_MS = 60_000;

export function useUnreadCount(signedIn: boolean): number | undefined {
  const { data } = useQuery(UNREAD, { skip: !signedIn, pollInterval: BELL_POLL_MS, fetchPolicy: 'cache-and-network' });
  return signedIn ? data?.notifications.unreadCount : undefined;
}
