import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../gql';
import { Page } from '../components/Page';
import { QueryState } from '../components/QueryState';
import { FormOutcome, useForm } from '../forms';
import { formatDate } from '../i18n';
import { UNREAD } from '../notifications';

const INBOX = graphql(`
  query Inbox($first: Int!, $after: String, $unreadOnly: Boolean!) {
    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      totalCount
      unreadCount
      edges {
        node {
          id
          topic
          dueDate
          recordedAt
          read
          subject {
            kind
            id
            title
            commitmentId
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
const MARK_ALL = graphql(`
  mutation MarkAllNotificationsRead {
    markNotificationsRead(input: {}) {
      marked
      unreadCount
    }
  }
`);

const PAGE = 50;

/** The signed-in reader's notifications, newest first: what each is about (a link to it), and which are unread. */
export function NotificationsPage() {
  const { t, i18n } = useTranslation('notifications');
  const [unreadOnly, setUnreadOnly] = useState(false);
  const { data, loading, error, refetch, fetchMore } = useQuery(INBOX, { variables: { first: PAGE, after: null, unreadOnly } });
  const [markAll] = useMutation(MARK_ALL, { refetchQueries: [INBOX, UNREAD], awaitRefetchQueries: true });
  const form = useForm();
  const inbox = data?.notifications;

  return (
    <Page title={t('title')}>
      <p>{t('intro')}</p>
      <div className="filters">
        <label>
          <input type="checkbox" checked={unreadOnly} onChange={(event) => setUnreadOnly(event.target.checked)} /> {t('unreadOnly')}
        </label>
        <button
          type="button"
          disabled={form.saving || !inbox || inbox.unreadCount === 0}
          onClick={() => void form.run(() => markAll(), t('marked', { count: inbox?.unreadCount ?? 0 }))}
        >
          {t('markAllRead')}
        </button>
      </div>
      <FormOutcome form={form} />
      <QueryState loading={loading} error={error} data={data} refetch={refetch}>
        {inbox && inbox.edges.length === 0 && <p>{t(unreadOnly ? 'noneUnread' : 'none')}</p>}
        {inbox && inbox.edges.length > 0 && (
          <ul className="plain notifications">
            {inbox.edges.map(({ node }) => (
              <li key={node.id} className={node.read ? 'read' : 'unread'}>
                <strong className={`badge deadline-${node.topic === 'DEADLINE_OVERDUE' ? 'OVERDUE' : 'DUE_SOON'}`}>
                  {t(`topic.${node.topic}`)}
                </strong>{' '}
                {t(`kind.${node.subject.kind}`)} <Link to={`/commitments/${node.subject.commitmentId}`}>{node.subject.title}</Link>,{' '}
                {t(node.topic === 'REPORT_MISSING' ? 'periodEnded' : 'due', { date: formatDate(node.dueDate, i18n.language) })}
                {!node.read && <span className="unread-mark"> · {t('unread')}</span>}
              </li>
            ))}
          </ul>
        )}
        {inbox?.pageInfo.hasNextPage && (
          <button type="button" onClick={() => void fetchMore({ variables: { after: inbox.pageInfo.endCursor } })}>
            {t('more')}
          </button>
        )}
      </QueryState>
    </Page>
  );
}
