import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import { QueryState } from '../../components/QueryState';
import { notYetAdmitted } from '../../jobs';
import { ActivateSection, AdmitSection, ClosePeriodSection } from './CoordinatorSections';
import { AdoptSection, ClosePlanSection, ThematicAreasSection } from './PlanSetup';
import { RegisterStakeholderSection } from './RegisterStakeholder';

const JOBS = graphql(`
  query CoordinatorJobs($planId: ID!) {
    plan(id: $planId) {
      id
      version
      status
      thematicAreas {
        code
        title
      }
      stakeholders {
        id
        name
      }
      reportingPeriods {
        id
        start
        end
        closed
      }
      commitments(first: 100, status: PROPOSED) {
        totalCount
        edges {
          node {
            id
            title
            status
            version
            dueDate
            owner {
              id
              name
            }
          }
        }
      }
    }
    stakeholders(first: 100) {
      edges {
        node {
          id
          name
          kind
          country
        }
      }
    }
  }
`);

/**
 * The plan's coordinator: adopt a draft, define thematic areas, activate proposed commitments, close the reporting
 * periods that have ended, register and admit stakeholders, close the plan.
 */
export function CoordinatorJobs({ planId }: { planId: string }) {
  const { t, i18n } = useTranslation(['dashboard', 'common']);
  const { data, loading, error, refetch } = useQuery(JOBS, { variables: { planId }, fetchPolicy: 'cache-and-network' });
  const reload = () => void refetch();
  const plan = data?.plan;
  return (
    <section aria-labelledby="coordinator-heading" className="coordinator-jobs">
      <h2 id="coordinator-heading">{t('coordinatorJobs')}</h2>
      <QueryState loading={loading && !data} error={error}>
        {plan && (
          <>
            {/* A closed plan accepts nothing more: only its moderation queue and the word that it is closed stay. */}
            {plan.status !== 'CLOSED' && <AdoptSection plan={plan} onReload={reload} />}
            {plan.status !== 'CLOSED' && <ThematicAreasSection plan={plan} onReload={reload} />}
            {plan.status !== 'CLOSED' && <ActivateSection proposed={plan.commitments.edges.map((e) => e.node)} onReload={reload} />}
            {plan.status !== 'CLOSED' && (
              <ClosePeriodSection
                planId={plan.id}
                version={plan.version}
                periods={plan.reportingPeriods}
                language={i18n.language}
                onReload={reload}
              />
            )}
            {plan.status !== 'CLOSED' && <RegisterStakeholderSection onReload={reload} />}
            {plan.status !== 'CLOSED' && (
              <AdmitSection
                planId={plan.id}
                version={plan.version}
                candidates={notYetAdmitted(
                  data.stakeholders.edges.map((e) => e.node),
                  plan.stakeholders,
                )}
                onReload={reload}
              />
            )}
            <p>
              <Link to={`/plans/${plan.id}/moderation`}>{t('moderate')}</Link>
            </p>
            <ClosePlanSection plan={plan} onReload={reload} />
          </>
        )}
      </QueryState>
    </section>
  );
}
