import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import { QueryState } from '../../components/QueryState';
import { formatDate } from '../../i18n';
import { missingReports, periodsToClose, waitingForVerdict } from '../../jobs';
import { usePlatformToday } from '../../platform-date';
import { CommentState, WithdrawButton } from '../DiscussionPage';
import { formatPosted } from '../ModerationPage';

const PLANS = graphql(`
  query WorkspacePlans {
    plans(first: 100) {
      edges {
        node {
          id
          title
          status
          stakeholders {
            id
            name
          }
        }
      }
    }
  }
`);

const FOCAL_POINT_JOBS = graphql(`
  query FocalPointJobs($planId: ID!) {
    deadlines(planId: $planId, statuses: [OVERDUE, DUE_SOON]) {
      kind
      id
      title
      dueDate
      status
      commitment {
        id
        title
        owner {
          id
          name
        }
      }
    }
    plan(id: $planId) {
      id
      stakeholders {
        id
        name
        scorecard(planId: $planId) {
          compliance {
            period
            missing {
              commitment {
                id
                title
              }
            }
          }
        }
      }
    }
  }
`);

const MONITOR_JOBS = graphql(`
  query MonitorJobs($planId: ID!) {
    plan(id: $planId) {
      id
      title
      commitments(first: 100) {
        edges {
          node {
            id
            title
            owner {
              id
              name
            }
            progressReports {
              id
              period
              verification
              supersededBy
              reportedOn
            }
          }
        }
      }
    }
  }
`);

const COORDINATOR_JOBS = graphql(`
  query CoordinatorSummary($planId: ID!) {
    plan(id: $planId) {
      id
      title
      reportingPeriods {
        id
        end
        closed
      }
      commitments(first: 1, status: PROPOSED) {
        totalCount
      }
    }
    moderationQueue(planId: $planId) {
      id
    }
  }
`);

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

/** A focal point's plans: for the stakeholders they speak for, what is overdue, due soon, and the reports owed for ended periods. */
export function FocalPointJobs({ stakeholderIds }: { stakeholderIds: readonly string[] }) {
  const { t } = useTranslation('workspace');
  const { data, loading, error } = useQuery(PLANS);
  const mine = new Set(stakeholderIds);
  const plans = (data?.plans.edges ?? []).map((e) => e.node).filter((plan) => plan.stakeholders.some((s) => mine.has(s.id)));
  return (
    <section aria-labelledby="focal-heading">
      <h2 id="focal-heading">{t('focalHeading')}</h2>
      <QueryState loading={loading && !data} error={error}>
        {plans.length === 0 ? (
          <p>{t('noPlans')}</p>
        ) : (
          plans.map((plan) => (
            <FocalPointPlan
              key={plan.id}
              planId={plan.id}
              title={plan.title}
              open={plan.status === 'ADOPTED'}
              stakeholderIds={stakeholderIds}
            />
          ))
        )}
      </QueryState>
    </section>
  );
}

function FocalPointPlan({
  planId,
  title,
  open,
  stakeholderIds,
}: {
  planId: string;
  title: string;
  open: boolean;
  stakeholderIds: readonly string[];
}) {
  const { t, i18n } = useTranslation(['workspace', 'common']);
  const { data, loading, error } = useQuery(FOCAL_POINT_JOBS, { variables: { planId }, fetchPolicy: 'cache-and-network' });
  const mine = new Set(stakeholderIds);
  const deadlines = (data?.deadlines ?? []).filter((d) => mine.has(d.commitment.owner.id));
  const overdue = deadlines.filter((d) => d.status === 'OVERDUE');
  const dueSoon = deadlines.filter((d) => d.status === 'DUE_SOON');
  const owed = missingReports((data?.plan?.stakeholders ?? []).filter((s) => mine.has(s.id)));
  const headingId = `focal-${planId}`;
  const item = (d: (typeof deadlines)[number]) => (
    <li key={`${d.kind}-${d.id}`}>
      {t(`common:kind.${d.kind}`)}:{' '}
      {d.kind === 'MILESTONE' ? (
        <Link to={`/milestones/${d.id}`}>{d.title}</Link>
      ) : d.kind === 'COMMITMENT' ? (
        <Link to={`/commitments/${d.id}`}>{d.title}</Link>
      ) : (
        d.title
      )}
      {d.kind !== 'COMMITMENT' && (
        <>
          {' '}
          — <Link to={`/commitments/${d.commitment.id}`}>{d.commitment.title}</Link>
        </>
      )}{' '}
      · {t('dueOn', { date: formatDate(d.dueDate, i18n.language) })}
    </li>
  );
  return (
    <section aria-labelledby={headingId} className="card">
      <h3 id={headingId}>
        <Link to={`/plans/${planId}`}>{title}</Link>
      </h3>
      {open && (
        <p>
          <Link to={`/plans/${planId}#focal-point-heading`}>{t('makeCommitment')}</Link>
        </p>
      )}
      <QueryState loading={loading && !data} error={error}>
        <h4>{t('overdue', { count: overdue.length })}</h4>
        {overdue.length > 0 && <ul className="plain">{overdue.map(item)}</ul>}
        <h4>{t('dueSoon', { count: dueSoon.length })}</h4>
        {dueSoon.length > 0 && <ul className="plain">{dueSoon.map(item)}</ul>}
        <h4>{t('owed', { count: owed.length })}</h4>
        {owed.length > 0 && (
          <ul className="plain">
            {owed.map((m) => (
              <li key={`${m.period}-${m.commitmentId}`}>
                {t('owedItem', { period: m.period })} <Link to={`/commitments/${m.commitmentId}`}>{m.commitment}</Link>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}

/** A monitor's plans: the standing reports no monitor has verified or disputed yet. */
export function MonitorJobs({ planIds }: { planIds: readonly string[] }) {
  const { t } = useTranslation('workspace');
  return (
    <section aria-labelledby="monitor-heading">
      <h2 id="monitor-heading">{t('monitorHeading')}</h2>
      {planIds.map((planId) => (
        <MonitorPlan key={planId} planId={planId} />
      ))}
    </section>
  );
}

function MonitorPlan({ planId }: { planId: string }) {
  const { t, i18n } = useTranslation('workspace');
  const { data, loading, error } = useQuery(MONITOR_JOBS, { variables: { planId }, fetchPolicy: 'cache-and-network' });
  const waiting = waitingForVerdict(data?.plan?.commitments.edges.map((e) => e.node) ?? []);
  const headingId = `monitor-${planId}`;
  return (
    <section aria-labelledby={headingId} className="card">
      <h3 id={headingId}>{data?.plan ? <Link to={`/plans/${planId}`}>{data.plan.title}</Link> : t('plan')}</h3>
      <QueryState loading={loading && !data} error={error}>
        <p>{t('waitingVerdict', { count: waiting.length })}</p>
        {waiting.length > 0 && (
          <ul className="plain">
            {waiting.map(({ commitment, report }) => (
              <li key={report.id}>
                <Link to={`/commitments/${commitment.id}`}>{commitment.title}</Link> · {commitment.owner.name} ·{' '}
                {t('reportFor', { period: report.period })}
                {'reportedOn' in report && typeof report.reportedOn === 'string' && (
                  <> · {t('reportedOn', { date: formatDate(report.reportedOn, i18n.language) })}</>
                )}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}

/** A coordinator's plans: commitments to activate, periods to close, comments to moderate. */
export function CoordinatorSummary({ planIds }: { planIds: readonly string[] }) {
  const { t } = useTranslation('workspace');
  return (
    <section aria-labelledby="coordinating-heading">
      <h2 id="coordinating-heading">{t('coordinating')}</h2>
      {planIds.map((planId) => (
        <CoordinatorPlan key={planId} planId={planId} />
      ))}
    </section>
  );
}

function CoordinatorPlan({ planId }: { planId: string }) {
  const { t } = useTranslation('workspace');
  const { data, loading, error } = useQuery(COORDINATOR_JOBS, { variables: { planId }, fetchPolicy: 'cache-and-network' });
  const headingId = `coordinating-${planId}`;
  const today = usePlatformToday();
  const toClose = periodsToClose(data?.plan?.reportingPeriods ?? [], today);
  return (
    <section aria-labelledby={headingId} className="card">
      <h3 id={headingId}>{data?.plan ? <Link to={`/plans/${planId}`}>{data.plan.title}</Link> : t('plan')}</h3>
      <QueryState loading={loading && !data} error={error}>
        <ul className="plain">
          <li>
            <Link to={`/plans/${planId}#coordinator-heading`}>{t('toActivate', { count: data?.plan?.commitments.totalCount ?? 0 })}</Link>
          </li>
          <li>
            <Link to={`/plans/${planId}#close-heading`}>
              {t('toClose', { count: toClose.length, periods: toClose.map((p) => p.id).join(', ') })}
            </Link>
          </li>
          <li>
            <Link to={`/plans/${planId}/moderation`}>{t('toModerate', { count: data?.moderationQueue.length ?? 0 })}</Link>
          </li>
        </ul>
      </QueryState>
    </section>
  );
}

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
