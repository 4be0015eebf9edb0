import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CommitmentStatus, StakeholderKind } from '../../gql/graphql';
import { QueryState } from '../../components/QueryState';
import { formatDate } from '../../i18n';
import { STAKEHOLDER_KINDS } from './stakeholder-kinds';
import { type CommitmentFilters, NO_FILTERS, commitmentsVariables } from '../../page-queries';
import { COMMITMENTS } from './queries';

const COMMITMENT_STATUSES: CommitmentStatus[] = ['PROPOSED', 'ACTIVE', 'COMPLETED', 'WITHDRAWN'];
/** The plan's commitments, 20 at a time, by thematic area, status and kind of owner. */
export function CommitmentsTable({ planId, areas }: { planId: string; areas: readonly { code: string; title: string }[] }) {
  const { t, i18n } = useTranslation(['dashboard', 'common']);
  const [filters, setFilters] = useState<CommitmentFilters>(NO_FILTERS);
  const { thematicArea, status, ownerKind } = filters;
  const setThematicArea = (value: string) => setFilters((previous) => ({ ...previous, thematicArea: value }));
  const setStatus = (value: CommitmentStatus | '') => setFilters((previous) => ({ ...previous, status: value }));
  const setOwnerKind = (value: StakeholderKind | '') => setFilters((previous) => ({ ...previous, ownerKind: value }));
  const { data, loading, error, fetchMore } = useQuery(COMMITMENTS, { variables: commitmentsVariables(planId, filters) });
  const connection = data?.plan?.commitments;
  const more = () =>
    void fetchMore({
      variables: { after: connection?.pageInfo.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => {
        if (!previous.plan || !fetchMoreResult.plan) return previous;
        return {
          ...fetchMoreResult,
          plan: {
            ...fetchMoreResult.plan,
            commitments: {
              ...fetchMoreResult.plan.commitments,
              edges: [...previous.plan.commitments.edges, ...fetchMoreResult.plan.commitments.edges],
            },
          },
        };
      },
    });
  return (
    <section aria-labelledby="commitments-heading">
      <h2 id="commitments-heading">{t('table')}</h2>
      <div className="filters">
        <label>
          {t('filterArea')}
          <select value={thematicArea} onChange={(event) => setThematicArea(event.target.value)}>
            <option value="">{t('any')}</option>
            {areas.map((area) => (
              <option key={area.code} value={area.code}>
                {area.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filterStatus')}
          <select value={status} onChange={(event) => setStatus(event.target.value as CommitmentStatus | '')}>
            <option value="">{t('any')}</option>
            {COMMITMENT_STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`common:status.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filterOwnerKind')}
          <select value={ownerKind} onChange={(event) => setOwnerKind(event.target.value as StakeholderKind | '')}>
            <option value="">{t('any')}</option>
            {STAKEHOLDER_KINDS.map((value) => (
              <option key={value} value={value}>
                {t(`common:stakeholderKind.${value}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <QueryState loading={loading && !data} error={error}>
        <p role="status">{t('count', { count: connection?.totalCount ?? 0 })}</p>
        <div className="table-scroll" role="region" tabIndex={0} aria-labelledby="commitments-heading">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('title')}</th>
                <th scope="col">{t('owner')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('dueDate')}</th>
              </tr>
            </thead>
            <tbody>
              {connection?.edges.map(({ node }) => (
                <tr key={node.id}>
                  <td>
                    <Link to={`/commitments/${node.id}`}>{node.title}</Link>
                  </td>
                  <td>
                    {node.owner.name} <span className="muted">({t(`common:stakeholderKind.${node.owner.kind}`)})</span>
                  </td>
                  <td>{t(`common:status.${node.status}`)}</td>
                  <td>{formatDate(node.dueDate, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {connection?.pageInfo.hasNextPage && (
          <button type="button" onClick={more}>
            {t('more')}
          </button>
        )}
      </QueryState>
    </section>
  );
}
