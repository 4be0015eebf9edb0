import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { graphql } from '../gql';
import { Field } from '../components/Field';
import { Page } from '../components/Page';
import { QueryState } from '../components/QueryState';
import { FormOutcome, useForm } from '../forms';
import { dateTimeFormat } from '../i18n';

const QUEUE = graphql(`
  query ModerationQueue($planId: ID!) {
    plan(id: $planId) {
      id
      title
    }
    moderationQueue(planId: $planId) {
      id
      milestoneId
      author
      text
      redactions
      status
      flags
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
const APPROVE = graphql(`
  mutation ApproveComment($input: ApproveCommentInput!) {
    approveComment(input: $input) {
      position
      comment {
        id
        status
        flags
        hiddenReason
      }
    }
  }
`);
const HIDE = graphql(`
  mutation HideComment($input: HideCommentInput!) {
    hideComment(input: $input) {
      position
      comment {
        id
        status
        flags
        hiddenReason
      }
    }
  }
`);

type Queued = {
  id: string;
  milestoneId: string;
  author: string;
  text: string;
  redactions: number;
  status: string;
  flags: number;
  postedAt: string;
  milestone?: { id: string; title: string; commitment?: { id: string; title: string } | null } | null;
};

/** A comment's date and time in the reader's own locale. */
export function formatPosted(postedAt: string, language: string): string {
  return dateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(postedAt));
}

function QueuedComment({ comment, onReload }: { comment: Queued; onReload: () => void }) {
  const { t, i18n } = useTranslation(['moderation', 'discussion', 'errors']);
  const approveForm = useForm();
  const hideForm = useForm();
  const [approve] = useMutation(APPROVE);
  const [hide] = useMutation(HIDE);
  const [reason, setReason] = useState('');
  const [status] = useState(comment.status);
  const [flags] = useState(comment.flags);
  const decided = Boolean(approveForm.done || hideForm.done);
  const ids = () => ({ commandId: crypto.randomUUID(), milestoneId: comment.milestoneId, commentId: comment.id });
  const submitApprove = (event?: FormEvent) => {
    event?.preventDefault();
    hideForm.reset();
    void approveForm.run(() => approve({ variables: { input: ids() } }), t('approved'));
  };
  const submitHide = (event?: FormEvent) => {
    event?.preventDefault();
    approveForm.reset();
    if (!reason.trim()) return hideForm.refuse({ reason: t('errors:field.isNotEmpty') });
    void hideForm.run(() => hide({ variables: { input: { ...ids(), reason: reason.trim() } } }), t('hidden'));
  };
  const headingId = `comment-${comment.id}`;
  return (
    <li className="comment">
      <p id={headingId}>
        <strong>{comment.author}</strong> · {formatPosted(comment.postedAt, i18n.language)} ·{' '}
        {status === 'PENDING' && <span className="badge">{t('pending')}</span>}
        {status === 'PENDING' && flags > 0 && ' '}
        {flags > 0 && <span className="badge">{t('flagged', { count: flags })}</span>}
        {comment.redactions > 0 && <> · {t('discussion:redacted', { count: comment.redactions })}</>}
      </p>
      <p className="muted">
        {comment.milestone ? (
          <>
            {t('onMilestone')} <Link to={`/milestones/${comment.milestoneId}`}>{comment.milestone.title}</Link>
            {comment.milestone.commitment && (
              <>
                {' '}
                {t('ofCommitment')} <Link to={`/commitments/${comment.milestone.commitment.id}`}>{comment.milestone.commitment.title}</Link>
              </>
            )}
          </>
        ) : (
          <Link to={`/milestones/${comment.milestoneId}`}>{t('openDiscussion')}</Link>
        )}
      </p>
      <p className="comment-text">{comment.text}</p>
      {!decided && (
        <div className="moderation-actions">
          <form onSubmit={submitApprove} aria-label={t('approveLabel', { author: comment.author })}>
            <button type="submit" disabled={approveForm.saving}>
              {t('approve')}
            </button>
            <FormOutcome form={approveForm} onReload={onReload} onRetry={() => submitApprove()} />
          </form>
          <form onSubmit={submitHide} aria-label={t('hideLabel', { author: comment.author })} className="inline-form" noValidate>
            <Field label={t('reason')} error={hideForm.fieldError('reason')}>
              {(props) => <input {...props} value={reason} required maxLength={500} onChange={(e) => setReason(e.target.value)} />}
            </Field>
            <button type="submit" disabled={hideForm.saving}>
              {t('hide')}
            </button>
            <FormOutcome form={hideForm} onReload={onReload} onRetry={() => submitHide()} />
          </form>
        </div>
      )}
      {decided && <FormOutcome form={approveForm.done ? approveForm : hideForm} />}
    </li>
  );
}

/** Coordinators of a plan: pending and flagged comments, oldest first, each with its milestone; approve, or hide with a reason. */
export function ModerationPage() {
  const { planId = '' } = useParams();
  const { t } = useTranslation('moderation');
  const { data, loading, error, refetch } = useQuery(QUEUE, {
    variables: { planId },
    fetchPolicy: 'network-only',
    nextFetchPolicy: 'cache-first',
  });
  const reload = () => void refetch();
  return (
    <Page title={t('heading')}>
      {data?.plan && (
        <p>
          <Link to={`/plans/${data.plan.id}`}>{data.plan.title}</Link>
        </p>
      )}
      <QueryState loading={loading && !data} error={error}>
        {data?.moderationQueue.length === 0 ? (
          <p role="status">{t('empty')}</p>
        ) : (
          <>
            <p>{t('waiting', { count: data?.moderationQueue.length ?? 0 })}</p>
            <ul className="plain">
              {data?.moderationQueue.map((comment) => (
                <QueuedComment key={comment.id} comment={comment} onReload={reload} />
              ))}
            </ul>
          </>
        )}
        <button type="button" onClick={reload}>
          {t('refresh')}
        </button>
      </QueryState>
    </Page>
  );
}
