import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { graphql } from '../gql';
import { Field } from '../components/Field';
import { Page } from '../components/Page';
import { QueryState } from '../components/QueryState';
import { FormOutcome, useForm } from '../forms';
import { dateTimeFormat, formatDate } from '../i18n';
import { isYouth, mayComment, mayFlag, type PlanParticipation } from '../jobs';
import { useViewer } from '../viewer';

const DISCUSSION = graphql(`
  query Discussion($id: ID!, $after: Position) {
    milestone(id: $id, consistentAfter: $after) {
      id
      title
      dueDate
      status
      commitment {
        id
        title
        plan {
          id
          title
          status
          stakeholders {
            id
          }
        }
      }
      comments(first: 100) {
        totalCount
        edges {
          node {
            id
            milestoneId
            author
            text
            redactions
            status
            hiddenReason
            mine
            postedAt
          }
        }
      }
    }
  }
`);
const POST = graphql(`
  mutation PostComment($input: PostCommentInput!) {
    postComment(input: $input) {
      position
      comment {
        id
        text
        status
        redactions
        mine
      }
    }
  }
`);
const FLAG = graphql(`
  mutation FlagComment($input: FlagCommentInput!) {
    flagComment(input: $input) {
      commentId
      position
    }
  }
`);
const WITHDRAW = graphql(`
  mutation WithdrawComment($input: WithdrawCommentInput!) {
    withdrawComment(input: $input) {
      position
      comment {
        id
        status
      }
    }
  }
`);

export type CommentItem = {
  id: string;
  milestoneId: string;
  author: string;
  text: string;
  redactions: number;
  status: string;
  hiddenReason?: string | null;
  mine: boolean;
  postedAt: string;
};

/** A comment's state in words, for its author: waiting, visible, hidden (with the coordinator's reason), withdrawn. */
export function CommentState({ comment }: { comment: Pick<CommentItem, 'status' | 'hiddenReason'> }) {
  const { t } = useTranslation('discussion');
  return (
    <span>
      <span className={`badge comment-${comment.status}`}>{t(`state.${comment.status}`)}</span>
      {comment.status === 'HIDDEN' && comment.hiddenReason ? ` — ${t('hiddenBecause', { reason: comment.hiddenReason })}` : ''}
    </span>
  );
}

/** Withdraw one's own comment: it is no longer shown to anyone. */
export function WithdrawButton({ comment, onDone }: { comment: Pick<CommentItem, 'id' | 'milestoneId' | 'status'>; onDone?: () => void }) {
  const { t } = useTranslation('discussion');
  const form = useForm();
  const [withdraw] = useMutation(WITHDRAW);
  if (comment.status === 'WITHDRAWN' && !form.done) return null;
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    void form.run(async () => {
      await withdraw({ variables: { input: { commandId: crypto.randomUUID(), milestoneId: comment.milestoneId, commentId: comment.id } } });
      onDone?.();
    }, t('withdrawn'));
  };
  return (
    <form onSubmit={submit} className="inline-actions">
      {!form.done && (
        <button type="submit" disabled={form.saving}>
          {t('withdraw')}
        </button>
      )}
      <FormOutcome form={form} onRetry={() => submit()} />
    </form>
  );
}

function FlagButton({ comment }: { comment: CommentItem }) {
  const { t } = useTranslation('discussion');
  const form = useForm();
  const [flag] = useMutation(FLAG);
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    void form.run(
      () => flag({ variables: { input: { commandId: crypto.randomUUID(), milestoneId: comment.milestoneId, commentId: comment.id } } }),
      t('flagged'),
    );
  };
  return (
    <form onSubmit={submit} className="inline-actions" aria-label={t('flagLabel', { author: comment.author })}>
      {!form.done && (
        <button type="submit" disabled={form.saving}>
          {t('flag')}
        </button>
      )}
      <FormOutcome form={form} onRetry={() => submit()} />
    </form>
  );
}

function CommentForm({ milestoneId, onPosted }: { milestoneId: string; onPosted: (position: string) => Promise<unknown> }) {
  const { t } = useTranslation('discussion');
  const form = useForm();
  const [post] = useMutation(POST);
  const [text, setText] = useState('');
  const [posted, setPosted] = useState<{ status: string; redactions: number }>();
  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    setPosted(undefined);
    if (!text.trim()) return form.refuse({ text: t('errors:field.isNotEmpty') });
    let position = '';
    const ok = await form.run(async () => {
      const result = await post({ variables: { input: { commandId: crypto.randomUUID(), milestoneId, text } } });
      const comment = result.data!.postComment.comment;
      setPosted({ status: comment.status, redactions: comment.redactions });
      position = String(result.data!.postComment.position);
    }, '');
    if (ok) {
      setText('');
      await onPosted(position);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="add-heading" noValidate>
      <h2 id="add-heading">{t('add')}</h2>
      <p className="notice" id="safety-notice">
        {t('safety')}
      </p>
      <Field label={t('yourComment')} error={form.fieldError('text')}>
        {(props) => (
          <textarea
            {...props}
            aria-describedby={[props['aria-describedby'], 'safety-notice'].filter(Boolean).join(' ')}
            value={text}
            rows={4}
            maxLength={2000}
            required
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" disabled={form.saving}>
        {t('post')}
      </button>
      <FormOutcome form={form} onRetry={() => void submit()} />
      {posted && !form.problem && (
        <p role="status" className="ok">
          {posted.status === 'PENDING' ? t('postedPending') : t('postedVisible')}{' '}
          {posted.redactions > 0 && t('redacted', { count: posted.redactions })}
        </p>
      )}
    </form>
  );
}

/** Why the reader is not offered the comment form. */
function NoCommentForm({ signedIn, plan, youth }: { signedIn: boolean; plan: PlanParticipation | undefined; youth: boolean }) {
  const { t } = useTranslation('discussion');
  if (!signedIn) return <p>{t('signInToComment')}</p>;
  if (plan?.status === 'CLOSED') return <p>{t('planClosed')}</p>;
  if (youth) return <p>{t('panelNotInPlan')}</p>;
  return <p>{t('cannotComment')}</p>;
}

/** A milestone's discussion: comments the reader may see, one's own with their state, and a safe place to add one. */
export function DiscussionPage() {
  const { milestoneId = '' } = useParams();
  const { t, i18n } = useTranslation(['discussion', 'common']);
  const { viewer } = useViewer();
  const { data: current, previousData, loading, error, refetch } = useQuery(DISCUSSION, { variables: { id: milestoneId } });
  // Reading one's own comment after posting it changes the query's variables: the page keeps what it shows meanwhile.
  const data = current ?? (previousData?.milestone?.id === milestoneId ? previousData : undefined);
  const milestone = data?.milestone;
  const plan = milestone?.commitment?.plan;
  const canComment = plan ? mayComment(viewer, plan) : false;
  const date = (iso: string) => dateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(iso));

  return (
    <Page title={milestone?.title ?? t('heading')} className="discussion">
      <QueryState loading={loading && !data} error={error}>
        {!milestone ? (
          <p>{t('common:app.notFound')}</p>
        ) : (
          <article aria-labelledby="discussion-meta">
            <p id="discussion-meta">
              <span className={`badge deadline-${milestone.status}`}>{t(`common:deadline.${milestone.status}`)}</span> ·{' '}
              {t('due', { date: formatDate(milestone.dueDate, i18n.language) })}
              {milestone.commitment && (
                <>
                  {' '}
                  · {t('ofCommitment')} <Link to={`/commitments/${milestone.commitment.id}`}>{milestone.commitment.title}</Link> ·{' '}
                  <Link to={`/plans/${milestone.commitment.plan.id}`}>{milestone.commitment.plan.title}</Link>
                </>
              )}
            </p>
            <section aria-labelledby="comments-heading">
              <h2 id="comments-heading">{t('comments', { count: milestone.comments.totalCount })}</h2>
              <ul className="plain">
                {milestone.comments.edges.map(({ node }) => (
                  <li key={node.id} className="comment">
                    <p>
                      <strong>{node.author}</strong> · <time dateTime={node.postedAt}>{date(node.postedAt)}</time>
                      {node.mine && (
                        <>
                          {' '}
                          · {t('yours')} · <CommentState comment={node} />
                        </>
                      )}
                      {!node.mine && node.status === 'PENDING' && (
                        <>
                          {' '}
                          · <span className="badge">{t('pending')}</span>
                        </>
                      )}
                    </p>
                    <p className="comment-text">{node.text}</p>
                    {node.mine && <WithdrawButton comment={node} />}
                    {plan && mayFlag(viewer, plan, node) && <FlagButton comment={node} />}
                  </li>
                ))}
              </ul>
            </section>
            {canComment ? (
              <CommentForm milestoneId={milestoneId} onPosted={(position) => refetch({ id: milestoneId, after: position })} />
            ) : (
              <NoCommentForm signedIn={Boolean(viewer)} plan={plan} youth={isYouth(viewer)} />
            )}
          </article>
        )}
      </QueryState>
    </Page>
  );
}
