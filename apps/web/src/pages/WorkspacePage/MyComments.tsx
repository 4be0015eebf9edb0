import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import { QueryState } from '../../components/QueryState';
import { CommentState, WithdrawButton } from '../DiscussionPage';
import { formatPosted } from '../ModerationPage';

const MY_COMMENTS = graphql(`
  query MyComments {
    myComments {
      id
      milestoneId
      text
      status
      hiddenReason
      mine
      postedAt
      milestone {
        id
        title
        commitment {
          id
          title
        }
      }
    }
  }
`);

/** The reader's own comments and what became of each: waiting, visible, hidden (and why), withdrawn. */
export function MyComments({ always }: { always: boolean }) {
  const { t, i18n } = useTranslation(['workspace', 'discussion']);
  const { data, loading, error, refetch } = useQuery(MY_COMMENTS, { fetchPolicy: 'cache-and-network' });
  const comments = data?.myComments ?? [];
  if (!always && comments.length === 0) return null;
  return (
    <section aria-labelledby="my-comments-heading">
      <h2 id="my-comments-heading">{t('myComments')}</h2>
      <QueryState loading={loading && !data} error={error}>
        {comments.length === 0 ? (
          <p>{t('noComments')}</p>
        ) : (
          <ul className="plain">
            {comments.map((comment) => (
              <li key={comment.id} className="comment">
                <p>
                  <CommentState comment={comment} /> · {formatPosted(comment.postedAt, i18n.language)}
                </p>
                <p className="comment-text">{comment.text}</p>
                {comment.milestone && (
                  <p className="muted">
                    {t('discussion:onMilestone')} <Link to={`/milestones/${comment.milestone.id}`}>{comment.milestone.title}</Link>
                    {comment.milestone.commitment && <> — {comment.milestone.commitment.title}</>}
                  </p>
                )}
                <WithdrawButton comment={comment} onDone={() => void refetch()} />
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}
