import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { graphql } from '../gql';
import { Field } from '../components/Field';
import { QueryState } from '../components/QueryState';
import { type MutationProblem, problemOf } from '../mutation-errors';

const QUEUE = graphql(`
  query ModerationQueue($planId: ID!) {
    plan(id: $planId) { id title }
    moderationQueue(planId: $planId) { id milestoneId author text redactions status flags postedAt }
  }
`);
const APPROVE = graphql(`
  mutation ApproveComment($input: ApproveCommentInput!) { approveComment(input: $input) { position comment { id status } } }
`);
const HIDE = graphql(`
  mutation HideComment($input: HideCommentInput!) { hideComment(input: $input) { position comment { id status } } }
`);

type Queued = { id: string; milestoneId: string; author: string; text: string; redactions: number; status: string; flags: number; postedAt: string };

function QueuedComment({ comment, onDone }: { comment: Queued; onDone: () => Promise<unknown> }) {
  const { t, i18n } = useTranslation(['moderation', 'discussion']);
  const [approve] = useMutation(APPROVE);
  const [hide] = useMutation(HIDE);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<MutationProblem>();
  const act = async (write: () => Promise<unknown>) => {
    setProblem(undefined);
    try {
      await write();
      await onDone();
    } catch (error) {
      setProblem(problemOf(error));
    }
  };
  const ids = { commandId: crypto.randomUUID(), milestoneId: comment.milestoneId, commentId: comment.id };
  const submitHide = (event: FormEvent) => {
    event.preventDefault();
    void act(() => hide({ variables: { input: { ...ids, reason } } }));
  };
  return (
    <li className="comment">
      <p>
        <strong>{comment.author}</strong> · {new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(comment.postedAt))} ·{' '}
        <span className="badge">{comment.status === 'PENDING' ? t('pending') : t('flagged', { count: comment.flags })}</span>
        {comment.redactions > 0 && <> · {t('discussion:redacted', { count: comment.redactions })}</>}
      </p>
      <p className="comment-text">{comment.text}</p>
      <p>
        <Link to={`/milestones/${comment.milestoneId}`}>{t('openDiscussion')}</Link>
      </p>
      {problem && (
        <p role="alert" className="error">
          {problem.message}
        </p>
      )}
      <div className="filters">
        <button type="button" onClick={() => void act(() => approve({ variables: { input: ids } }))}>
          {t('approve')}
        </button>
        <form onSubmit={submitHide} className="inline-form">
          <Field label={t('reason')} error={problem?.fields['reason']?.message}>
            {(props) => <input {...props} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <button type="submit">{t('hide')}</button>
        </form>
      </div>
    </li>
  );
}

/** Coordinators of a plan: pending and flagged comments, oldest first; approve, or hide with a reason. */
export function ModerationPage() {
  const { planId = '' } = useParams();
  const { t } = useTranslation('moderation');
  const { data, loading, error, refetch } = useQuery(QUEUE, { variables: { planId }, fetchPolicy: 'network-only' });
  return (
    <section aria-labelledby="moderation-heading">
      <h1 id="moderation-heading">{t('heading')}</h1>
      {data?.plan && (
        <p>
          <Link to={`/plans/${data.plan.id}`}>{data.plan.title}</Link>
        </p>
      )}
      <QueryState loading={loading && !data} error={error}>
        {data?.moderationQueue.length === 0 ? (
          <p role="status">{t('empty')}</p>
        ) : (
          <ul className="plain">
            {data?.moderationQueue.map((comment) => <QueuedComment key={comment.id} comment={comment} onDone={() => refetch()} />)}
          </ul>
        )}
      </QueryState>
    </section>
  );
}
