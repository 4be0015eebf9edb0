import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AccountabilityFieldsFragment } from '../../gql/graphql';
import { PAST } from '../../cache';
import { QueryState } from '../../components/QueryState';
import { planHealth } from '../../health';
import { formatNumber } from '../../i18n';
import { missingReports, uniqueAtRisk } from '../../jobs';
import { ACCOUNTABILITY, ACCOUNTABILITY_AS_OF } from './queries';

/** The plan's figures as accountability: its health, what is missing, who is at risk and why, each stakeholder's scorecard. */
export function Accountability({ planId, asOf }: { planId: string; asOf: string | null }) {
  const { t } = useTranslation(['dashboard', 'common']);
  const current = useQuery(ACCOUNTABILITY, { variables: { planId }, skip: asOf !== null });
  const past = useQuery(ACCOUNTABILITY_AS_OF, { variables: { planId, date: asOf ?? '' }, skip: asOf === null, ...PAST });
  const plan = asOf === null ? current.data?.plan : past.data?.plan?.asOf;
  const loading = asOf === null ? current.loading && !current.data : past.loading && !past.data;
  const error = asOf === null ? current.error : past.error;
  return (
    <section aria-labelledby="health-heading">
      <h2 id="health-heading">{t('health')}</h2>
      <QueryState loading={loading} error={error}>
        {plan && <Figures plan={plan} />}
      </QueryState>
      {!loading && !error && !plan && <p>{t('none')}</p>}
    </section>
  );
}

function percent(value: number | null | undefined, language: string): string | null {
  return value === null || value === undefined ? null : formatNumber(value, language, { style: 'percent', maximumFractionDigits: 0 });
}

function Figures({ plan }: { plan: AccountabilityFieldsFragment }) {
  const { t, i18n } = useTranslation(['dashboard', 'common']);
  const health = planHealth(plan.summary);
  const missing = missingReports(plan.stakeholders);
  const atRisk = uniqueAtRisk(plan.summary.byOwnerKind);
  const compliance = percent(health.compliance, i18n.language);
  return (
    <>
      <p className="health">
        <span className={health.overdue > 0 ? 'warn' : 'ok'}>
          {health.overdue > 0 ? t('healthOverdue', { count: health.overdue }) : t('healthNoOverdue')}
        </span>
        {' · '}
        {compliance === null ? t('healthNoCompliance') : t('healthCompliance', { share: compliance })}
        {' · '}
        {t('healthMissing', { count: missing.length })}
      </p>

      <section aria-labelledby="missing-heading">
        <h3 id="missing-heading">{t('missingHeading')}</h3>
        <p className="muted">{t('missingHelp')}</p>
        {missing.length === 0 ? (
          <p>{t('noMissing')}</p>
        ) : (
          <ul className="plain">
            {missing.map((m) => (
              <li key={`${m.period}-${m.commitmentId}`}>
                {t('missingItem', { period: m.period, stakeholder: m.stakeholder })}{' '}
                <Link to={`/commitments/${m.commitmentId}`}>{m.commitment}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="at-risk-heading">
        <h3 id="at-risk-heading">{t('atRiskHeading')}</h3>
        <p className="muted">{t('atRiskHelp')}</p>
        {atRisk.length === 0 ? (
          <p>{t('noAtRisk')}</p>
        ) : (
          <ul className="plain">
            {atRisk.map((item) => (
              <li key={item.commitment.id}>
                <Link to={`/commitments/${item.commitment.id}`}>{item.commitment.title}</Link> · {item.commitment.owner.name} ·{' '}
                {item.reportedPercent === null || item.reportedPercent === undefined
                  ? t('atRiskSilent', {
                      expected: formatNumber(item.expectedPercent / 100, i18n.language, { style: 'percent', maximumFractionDigits: 0 }),
                    })
                  : t('atRiskBehind', {
                      expected: formatNumber(item.expectedPercent / 100, i18n.language, { style: 'percent', maximumFractionDigits: 0 }),
                      reported: formatNumber(item.reportedPercent / 100, i18n.language, { style: 'percent', maximumFractionDigits: 0 }),
                    })}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="verified-heading">
        <h3 id="verified-heading">{t('verifiedHeading')}</h3>
        <p>{t('verifiedRule')}</p>
        <ul className="plain">
          {plan.summary.byOwnerKind.map((group) => (
            <li key={group.kind}>
              {t(`common:stakeholderKind.${group.kind}`)}: {percent(group.figures.verifiedShare, i18n.language) ?? t('noReports')}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="scorecards-heading">
        <h3 id="scorecards-heading">{t('scorecards')}</h3>
        <p className="muted">{t('scorecardsHelp')}</p>
        <ul className="plain scorecards">
          {plan.stakeholders.map((s) => (
            <li key={s.id} className="scorecard">
              <h4>
                {s.name} <span className="muted">({t(`common:stakeholderKind.${s.kind}`)})</span>
              </h4>
              <dl>
                <dt>{t('scCommitments')}</dt>
                <dd>
                  {t('scCommitmentsValue', {
                    made: s.scorecard.made,
                    active: s.scorecard.active,
                    completed: s.scorecard.completed,
                    withdrawn: s.scorecard.withdrawn,
                  })}
                </dd>
                <dt>{t('scMilestones')}</dt>
                <dd>{t('scMilestonesValue', { onTime: s.scorecard.milestonesOnTime, due: s.scorecard.milestonesDue })}</dd>
                <dt>{t('scCompliance')}</dt>
                <dd>
                  {percent(s.scorecard.complianceRate, i18n.language) ?? t('scNothingOwed')}
                  {s.scorecard.compliance.some((p) => p.owed > 0) && (
                    <>
                      {' '}
                      <span className="muted">
                        (
                        {s.scorecard.compliance
                          .filter((p) => p.owed > 0)
                          .map((p) =>
                            t('scPeriod', { period: p.period, onTime: p.onTime, owed: p.owed, late: p.late, missing: p.missing.length }),
                          )
                          .join('; ')}
                        )
                      </span>
                    </>
                  )}
                </dd>
              </dl>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
