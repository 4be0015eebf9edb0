import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../i18n';
import { CompleteItems, type Reload, Reopen } from './ItemForms';
import { RescheduleMilestone, ScheduleMilestone } from './MilestoneForms';
import { type Commitment, COMPLETE_MILESTONE, COMPLETE_TASK, REOPEN_MILESTONE, REOPEN_TASK } from './queries';
import { AddTask, AssignTask } from './TaskForms';
import { commandOn } from './WriteForm';

/** Milestones and tasks with their deadline status; the forms the reader's role allows while the commitment is open. */
export function Work({
  commitment,
  owner,
  contributor,
  writable,
  reload,
}: {
  commitment: Commitment;
  owner: boolean;
  contributor: boolean;
  writable: boolean;
  reload: Reload;
}) {
  const { t, i18n } = useTranslation(['commitment', 'common']);
  const date = (value: string) => formatDate(value, i18n.language);
  const [completeMilestone] = useMutation(COMPLETE_MILESTONE);
  const [reopenMilestone] = useMutation(REOPEN_MILESTONE);
  const [completeTask] = useMutation(COMPLETE_TASK);
  const [reopenTask] = useMutation(REOPEN_TASK);
  const openMilestones = commitment.milestones.filter((m) => !m.completedOn);
  const doneMilestones = commitment.milestones.filter((m) => m.completedOn);
  const openTasks = commitment.tasks.filter((task) => !task.completedOn);
  const doneTasks = commitment.tasks.filter((task) => task.completedOn);
  const names = new Map(commitment.plan.stakeholders.map((s) => [s.id, s.name]));
  return (
    <>
      <section aria-labelledby="milestones-heading">
        <h2 id="milestones-heading">{t('milestones')}</h2>
        {commitment.milestones.length === 0 ? (
          <p>{t('noMilestones')}</p>
        ) : (
          <ul className="plain">
            {commitment.milestones.map((m) => (
              <li key={m.id}>
                <span className={`badge deadline-${m.status}`}>{t(`common:deadline.${m.status}`)}</span>{' '}
                <Link to={`/milestones/${m.id}`}>{m.title}</Link> · {t('due', { date: date(m.dueDate) })}
                {m.moves > 0 && <> · {t('movedFrom', { date: date(m.originalDueDate), count: m.moves, days: m.daysMoved })}</>}
                {m.completedOn && <> · {t('doneOn', { date: date(m.completedOn) })}</>}
              </li>
            ))}
          </ul>
        )}
        {writable && owner && (
          <div className="workspace">
            <ScheduleMilestone commitment={commitment} reload={reload} />
            <RescheduleMilestone commitment={commitment} open={openMilestones} reload={reload} />
            <CompleteItems
              title={t('completeMilestone')}
              items={openMilestones}
              success={t('completed')}
              reload={reload}
              send={(milestoneId) => completeMilestone({ variables: { input: { ...commandOn(commitment), milestoneId } } })}
            />
            <Reopen
              title={t('reopenMilestone')}
              label={t('milestone')}
              done={doneMilestones}
              reload={reload}
              send={(milestoneId, reason) => reopenMilestone({ variables: { input: { ...commandOn(commitment), milestoneId, reason } } })}
            />
          </div>
        )}
      </section>
      <section aria-labelledby="tasks-heading">
        <h2 id="tasks-heading">{t('tasks')}</h2>
        {commitment.tasks.length === 0 ? (
          <p>{t('noTasks')}</p>
        ) : (
          <ul className="plain">
            {commitment.tasks.map((task) => (
              <li key={task.id}>
                <span className={`badge deadline-${task.status}`}>{t(`common:deadline.${task.status}`)}</span> {task.title} ·{' '}
                {t('due', { date: date(task.dueDate) })}
                {task.assignee && (
                  <>
                    {' '}
                    ·{' '}
                    {t('assignedTo', {
                      name: task.assignee.kind === 'STAKEHOLDER' ? (names.get(task.assignee.id) ?? t('aStakeholder')) : t('aParticipant'),
                    })}
                  </>
                )}
                {task.completedOn && <> · {t('doneOn', { date: date(task.completedOn) })}</>}
              </li>
            ))}
          </ul>
        )}
        {writable && contributor && (
          <div className="workspace">
            <AddTask commitment={commitment} reload={reload} />
            {owner && <AssignTask commitment={commitment} open={openTasks} reload={reload} />}
            <CompleteItems
              title={t('completeTask')}
              items={openTasks}
              success={t('taskCompleted')}
              reload={reload}
              send={(taskId) => completeTask({ variables: { input: { ...commandOn(commitment), taskId } } })}
            />
            {owner && (
              <Reopen
                title={t('reopenTask')}
                label={t('task')}
                done={doneTasks}
                reload={reload}
                send={(taskId, reason) => reopenTask({ variables: { input: { ...commandOn(commitment), taskId, reason } } })}
              />
            )}
          </div>
        )}
      </section>
    </>
  );
}
