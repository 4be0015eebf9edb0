import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { remember } from '../../admin';
import { useViewer } from '../../viewer';
import { CHOICES, PARTICIPANTS, type Person, type Lists } from './shared';
import { DraftPlanSection } from './DraftPlan';
import { EraseSection } from './Erase';
import { ParticipantsSection } from './Participants';
import { RegisterSection } from './Register';
import { RolesSection } from './Roles';

/** The platform administrator's jobs: draft plans, register participants, grant and revoke roles, erase personal data. */
export function AdminPage() {
  const { t } = useTranslation('admin');
  const { viewer, loading, isAdmin } = useViewer();
  if (!viewer) {
    return <Page title={t('heading')}>{loading ? <p role="status">{t('checking')}</p> : <p>{t('signIn')}</p>}</Page>;
  }
  if (!isAdmin) {
    return (
      <Page title={t('heading')}>
        <div className="notice">
          <p>{t('forbidden')}</p>
          <p>
            <Link to="/">{t('backToPlans')}</Link>
          </p>
        </div>
      </Page>
    );
  }
  return <AdminJobs selfId={viewer.participantId ?? null} />;
}

function AdminJobs({ selfId }: { selfId: string | null }) {
  const { t } = useTranslation('admin');
  const { data, loading, error, refetch } = useQuery(CHOICES, { fetchPolicy: 'cache-and-network' });
  const listed = useQuery(PARTICIPANTS, { fetchPolicy: 'cache-and-network' });
  // Who changed or was opened here, as the api answered, until the list is read again.
  const [changed, setChanged] = useState<Person[]>([]);
  const people = changed.reduce<Person[]>(
    (list, person) => remember(list, person),
    listed.data?.participants.edges.map((edge) => edge.node) ?? [],
  );
  const lists: Lists = {
    plans: data?.plans.edges.map((e) => e.node) ?? [],
    stakeholders: data?.stakeholders.edges.map((e) => e.node) ?? [],
  };

  const keep = (person: Person) => {
    setChanged((list) => remember(list, person));
    void listed.refetch();
  };

  return (
    <Page title={t('heading')} className="admin">
      <p className="about">{t('intro')}</p>
      <QueryState loading={loading && !data} error={error} data={data} refetch={refetch}>
        <DraftPlanSection onDrafted={() => void refetch()} />
        <RegisterSection stakeholders={lists.stakeholders} onRegistered={keep} />
        <ParticipantsSection
          people={people}
          total={listed.data?.participants.totalCount ?? people.length}
          lists={lists}
          selfId={selfId}
          onOpened={keep}
        />
        <RolesSection people={people} lists={lists} onChanged={keep} />
        <EraseSection people={people} selfId={selfId} onErased={keep} />
      </QueryState>
    </Page>
  );
}
