import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { currentSession } from '../auth';
import { graphql } from '../gql';
import { Field } from '../components/Field';
import { QueryState } from '../components/QueryState';
import { formatDate } from '../i18n';
import { type MutationProblem, problemOf } from '../mutation-errors';

const DISCUSSION = graphql(`
  query Discussion($id: ID!, $after: Position) {
    milestone(id: $id, consistentAfter: $after) {
      id
      title
      dueDate
      status
      comments(first: 100) { totalCount edges { node { id author text redactions status postedAt } } }
    }
  }
`);
const POST = graphql(`
  mutation PostComment($input: PostCommentInput!) { postComment(input: $input) { position comment { id text status redactions } } }
`);

/** A milestone's discussion: comments the reader may see, and a safe place to add one. */
export function DiscussionPage() {
  const { milestoneId = '' } = useParams();
  const { t, i18n } = useTranslation(['discussion', 'common']);
  const { data, loading, error, refetch } = useQuery(DISCUSSION, { variables: { id: milestoneId } });
  const [post] = useMutation(POST);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<MutationProblem>();
  const [posted, setPosted] = useState<{ status: string; redactions: number }>();
  const signedIn = currentSession() !== undefined;
  const milestone = data?.milestone;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    setPosted(undefined);
    try {
      const result = await post({ variables: { input: { commandId: crypto.randomUUID(), milestoneId, text } } });
      const comment = result.data!.postComment.comment;
      setPosted({ status: comment.status, redactions: comment.redactions });
      setText('');
      await refetch({ id: milestoneId, after: result.data!.postComment.position });
    } catch (e) {
      setProblem(problemOf(e));
    }
  };

  return (
    <QueryState loading={loading && !data} error={error}>
      {!milestone ? (
        <p>{t('common:app.notFound')}</p>
      ) : (
        <article aria-labelledby="discussion-heading" className="discussion">
          <h1 id="discussion-heading">{milestone.title}</h1>
          <p>
            <span className={`badge deadline-${milestone.status}`}>{t(`common:deadline.${milestone.status}`)}</span> · {t('due', { date: formatDate(milestone.dueDate, i18n.language) })}
          </p>
          <section aria-labelledby="comments-heading">
            <h2 id="comments-heading">{t('comments', { count: milestone.comments.totalCount })}</h2>
            <ul className="plain">
              {milestone.comments.edges.map(({ node }) => (
                <li key={node.id} className="comment">
                  <p>
                    <strong>{node.author}</strong> · {new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(node.postedAt))}
                    {node.status === 'PENDING' && (
                      <>
                        {' '}
                        · <span className="badge">{t('pending')}</span>
                      </>
                    )}
                  </p>
                  <p className="comment-text">{node.text}</p>
                </li>
              ))}
            </ul>
          </section>
          {signedIn ? (
            <form onSubmit={(event) => void submit(event)} aria-labelledby="add-heading">
              <h2 id="add-heading">{t('add')}</h2>
              <p className="notice" id="safety-notice">
                {t('safety')}
              </p>
              {problem && (
                <p role="alert" className="error">
                  {problem.code === 'RATE_LIMITED' ? t('tooFast') : problem.message}
                </p>
              )}
              {posted && (
                <p role="status" className="ok">
                  {posted.status === 'PENDING' ? t('postedPending') : t('postedVisible')} {posted.redactions > 0 && t('redacted', { count: posted.redactions })}
                </p>
              )}
              <Field label={t('yourComment')} error={problem?.fields['text']?.message}>
                {(props) => <textarea {...props} aria-describedby="safety-notice" value={text} rows={4} maxLength={2000} required onChange={(e) => setText(e.target.value)} />}
              </Field>
              <button type="submit">{t('post')}</button>
            </form>
          ) : (
            <p>{t('signInToComment')}</p>
          )}
        </article>
      )}
    </QueryState>
  );
}
