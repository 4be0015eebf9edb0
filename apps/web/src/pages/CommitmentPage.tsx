import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { graphql } from '../gql';
import type { EvidenceType, Visibility } from '../gql/graphql';
import { Field } from '../components/Field';
import { QueryState } from '../components/QueryState';
import { formatDate, formatNumber } from '../i18n';
import { type MutationProblem, problemOf } from '../mutation-errors';
import { useViewer } from '../viewer';

const COMMITMENT = graphql(`
  query CommitmentPage($id: ID!) {
    commitment(id: $id) {
      id
      title
      description
      status
      version
      dueDate
      plan { id title }
      owner { id name kind }
      thematicArea { code title }
      target { indicator unit baseline targetValue }
      milestones { id title dueDate originalDueDate moves daysMoved completedOn status }
      tasks { id title dueDate completedOn status }
      progressReports { id period percentComplete indicatorValue narrative visibility evidenceType reportedOn late supersededBy verification verificationNote }
    }
    history(id: $id) { position at type actor reason changes { field from to } }
  }
`);

const REPORT = graphql(`
  mutation ReportProgress($input: ReportProgressInput!) { reportProgress(input: $input) { itemId version position } }
`);
const SCHEDULE = graphql(`
  mutation ScheduleMilestone($input: ScheduleMilestoneInput!) { scheduleMilestone(input: $input) { itemId version position } }
`);
const RESCHEDULE = graphql(`
  mutation RescheduleMilestone($input: RescheduleMilestoneInput!) { rescheduleMilestone(input: $input) { itemId version position } }
`);
const COMPLETE_TASK = graphql(`
  mutation CompleteTask($input: CompleteTaskInput!) { completeTask(input: $input) { itemId version position } }
`);
const COMPLETE = graphql(`
  mutation CompleteMilestone($input: CompleteMilestoneInput!) { completeMilestone(input: $input) { itemId version position } }
`);

const VISIBILITIES: Visibility[] = ['PUBLIC', 'PARTNERS', 'RESTRICTED'];
const EVIDENCE: EvidenceType[] = ['SELF_REPORTED', 'INDEPENDENTLY_VERIFIED', 'INSPECTION'];

/** A refused write, with a reload offer when someone else changed the commitment meanwhile. */
function Problem({ problem, onReload }: { problem: MutationProblem | undefined; onReload: () => void }) {
  const { t } = useTranslation('commitment');
  if (!problem) return null;
  if (problem.code === 'CONFLICT') {
    return (
      <div role="alert" className="error">
        <p>{t('conflict')}</p>
        <button type="button" onClick={onReload}>
          {t('reload')}
        </button>
      </div>
    );
  }
  return (
    <p role="alert" className="error">
      {problem.message}
    </p>
  );
}

/** Runs a mutation at the commitment's version with a fresh command id; reports the api's answer. */
function useCommitmentWrite() {
  const [problem, setProblem] = useState<MutationProblem>();
  const [done, setDone] = useState<string>();
  const run = async (write: () => Promise<unknown>, success: string) => {
    setProblem(undefined);
    setDone(undefined);
    try {
      await write();
      setDone(success);
      return true;
    } catch (error) {
      setProblem(problemOf(error));
      return false;
    }
  };
  return { problem, done, run, clear: () => setProblem(undefined) };
}

type Item = { id: string; title: string; completedOn?: string | null };

function FocalPointForms({ commitment, onChanged }: { commitment: { id: string; version: number; milestones: readonly Item[]; tasks: readonly Item[] }; onChanged: () => Promise<unknown> }) {
  const { t } = useTranslation(['commitment', 'common']);
  const write = useCommitmentWrite();
  const [report] = useMutation(REPORT);
  const [schedule] = useMutation(SCHEDULE);
  const [reschedule] = useMutation(RESCHEDULE);
  const [complete] = useMutation(COMPLETE);
  const [completeTask] = useMutation(COMPLETE_TASK);
  const openTasks = commitment.tasks.filter((task) => !task.completedOn);
  const base = () => ({ commandId: crypto.randomUUID(), expectedVersion: commitment.version, commitmentId: commitment.id });
  const open = commitment.milestones.filter((m) => !m.completedOn);
  const field = (name: string) => write.problem?.fields[name]?.message;

  const [period, setPeriod] = useState(String(new Date().getFullYear()));
  const [percent, setPercent] = useState('');
  const [narrative, setNarrative] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('PUBLIC');
  const [evidenceType, setEvidenceType] = useState<EvidenceType>('SELF_REPORTED');
  const submitReport = async (event: FormEvent) => {
    event.preventDefault();
    const input = { ...base(), period, narrative, visibility, evidenceType, ...(percent === '' ? {} : { percentComplete: Number(percent) }) };
    if (await write.run(() => report({ variables: { input } }), t('reported'))) {
      setNarrative('');
      await onChanged();
    }
  };

  const [milestoneTitle, setMilestoneTitle] = useState('');
  const [milestoneDue, setMilestoneDue] = useState('');
  const submitSchedule = async (event: FormEvent) => {
    event.preventDefault();
    if (await write.run(() => schedule({ variables: { input: { ...base(), title: milestoneTitle, dueDate: milestoneDue } } }), t('scheduled'))) {
      setMilestoneTitle('');
      await onChanged();
    }
  };

  const [moving, setMoving] = useState('');
  const [newDue, setNewDue] = useState('');
  const [reason, setReason] = useState('');
  const submitReschedule = async (event: FormEvent) => {
    event.preventDefault();
    if (await write.run(() => reschedule({ variables: { input: { ...base(), milestoneId: moving, dueDate: newDue, reason } } }), t('rescheduled'))) {
      setReason('');
      await onChanged();
    }
  };
  const completeMilestone = async (milestoneId: string) => {
    if (await write.run(() => complete({ variables: { input: { ...base(), milestoneId } } }), t('completed'))) await onChanged();
  };
  const finishTask = async (taskId: string) => {
    if (await write.run(() => completeTask({ variables: { input: { ...base(), taskId } } }), t('taskCompleted'))) await onChanged();
  };

  return (
    <section aria-labelledby="workspace-heading" className="workspace">
      <h2 id="workspace-heading">{t('yourUpdates')}</h2>
      <Problem problem={write.problem} onReload={() => void onChanged().then(write.clear)} />
      {write.done && (
        <p role="status" className="ok">
          {write.done}
        </p>
      )}
      <form onSubmit={(event) => void submitReport(event)} aria-labelledby="report-heading">
        <h3 id="report-heading">{t('reportProgress')}</h3>
        <Field label={t('period')} error={field('period')}>
          {(props) => <input {...props} value={period} required onChange={(e) => setPeriod(e.target.value)} />}
        </Field>
        <Field label={t('percent')} error={field('percentComplete')}>
          {(props) => <input {...props} type="number" min={0} max={100} step="any" value={percent} onChange={(e) => setPercent(e.target.value)} />}
        </Field>
        <Field label={t('narrative')} error={field('narrative')}>
          {(props) => <textarea {...props} value={narrative} rows={3} onChange={(e) => setNarrative(e.target.value)} />}
        </Field>
        <Field label={t('visibility')} error={field('visibility')}>
          {(props) => (
            <select {...props} value={visibility} onChange={(e) => setVisibility(e.target.value as Visibility)}>
              {VISIBILITIES.map((v) => (
                <option key={v} value={v}>
                  {t(`visibilities.${v}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('evidence')} error={field('evidenceType')}>
          {(props) => (
            <select {...props} value={evidenceType} onChange={(e) => setEvidenceType(e.target.value as EvidenceType)}>
              {EVIDENCE.map((v) => (
                <option key={v} value={v}>
                  {t(`evidenceTypes.${v}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit">{t('submitReport')}</button>
      </form>

      <form onSubmit={(event) => void submitSchedule(event)} aria-labelledby="schedule-heading">
        <h3 id="schedule-heading">{t('scheduleMilestone')}</h3>
        <Field label={t('milestoneTitle')} error={field('title')}>
          {(props) => <input {...props} value={milestoneTitle} onChange={(e) => setMilestoneTitle(e.target.value)} />}
        </Field>
        <Field label={t('dueDate')} error={field('dueDate')}>
          {(props) => <input {...props} type="date" value={milestoneDue} onChange={(e) => setMilestoneDue(e.target.value)} />}
        </Field>
        <button type="submit">{t('schedule')}</button>
      </form>

      {open.length > 0 && (
        <form onSubmit={(event) => void submitReschedule(event)} aria-labelledby="reschedule-heading">
          <h3 id="reschedule-heading">{t('rescheduleMilestone')}</h3>
          <Field label={t('milestone')} error={field('milestoneId')}>
            {(props) => (
              <select {...props} value={moving} onChange={(e) => setMoving(e.target.value)}>
                <option value="">{t('chooseMilestone')}</option>
                {open.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('newDueDate')} error={field('dueDate')}>
            {(props) => <input {...props} type="date" value={newDue} onChange={(e) => setNewDue(e.target.value)} />}
          </Field>
          <Field label={t('reason')} error={field('reason')}>
            {(props) => <input {...props} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <button type="submit">{t('reschedule')}</button>
        </form>
      )}
      {open.length > 0 && (
        <div>
          <h3>{t('completeMilestone')}</h3>
          <ul className="plain">
            {open.map((m) => (
              <li key={m.id}>
                <button type="button" onClick={() => void completeMilestone(m.id)}>
                  {t('markDone', { title: m.title })}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {openTasks.length > 0 && (
        <div>
          <h3>{t('completeTask')}</h3>
          <ul className="plain">
            {openTasks.map((task) => (
              <li key={task.id}>
                <button type="button" onClick={() => void finishTask(task.id)}>
                  {t('markDone', { title: task.title })}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** A commitment: target and progress by period, milestones and tasks, reports and their verification, the audit trail. */
export function CommitmentPage() {
  const { commitmentId = '' } = useParams();
  const { t, i18n } = useTranslation(['commitment', 'common']);
  const { data, loading, error, refetch } = useQuery(COMMITMENT, { variables: { id: commitmentId } });
  const { isFocalPointOf } = useViewer();
  const commitment = data?.commitment;
  const date = (value: string) => formatDate(value, i18n.language);
  const standing = commitment?.progressReports.filter((r) => !r.supersededBy) ?? [];
  const chart = standing.filter((r) => r.percentComplete !== null && r.percentComplete !== undefined).map((r) => ({ period: r.period, percent: r.percentComplete }));

  return (
    <QueryState loading={loading && !data} error={error}>
      {!commitment ? (
        <p>{t('common:app.notFound')}</p>
      ) : (
        <article aria-labelledby="commitment-heading">
          <p>
            <Link to={`/plans/${commitment.plan.id}`}>{commitment.plan.title}</Link>
          </p>
          <h1 id="commitment-heading">{commitment.title}</h1>
          <p>{commitment.description}</p>
          <p>
            {commitment.owner.name} · {commitment.thematicArea.title} · <span className="badge">{t(`common:status.${commitment.status}`)}</span> · {t('due', { date: date(commitment.dueDate) })}
          </p>
          <p>
            {t('target', {
              indicator: commitment.target.indicator,
              baseline: formatNumber(commitment.target.baseline, i18n.language),
              target: formatNumber(commitment.target.targetValue, i18n.language),
              unit: commitment.target.unit,
            })}
          </p>

          <section aria-labelledby="progress-heading">
            <h2 id="progress-heading">{t('progress')}</h2>
            {chart.length > 0 && (
              <div className="chart" aria-hidden="true">
                <ResponsiveContainer width="100%" height={200}>
                  <LineChart data={chart} accessibilityLayer={false}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis dataKey="period" />
                    <YAxis domain={[0, 100]} unit="%" />
                    <Tooltip />
                    <Line dataKey="percent" name={t('percent')} stroke="#2857a4" strokeWidth={2} isAnimationActive={false} />
                  </LineChart>
                </ResponsiveContainer>
              </div>
            )}
            {commitment.progressReports.length === 0 ? (
              <p>{t('noReports')}</p>
            ) : (
              <div className="table-scroll">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('period')}</th>
                      <th scope="col">{t('percent')}</th>
                      <th scope="col">{t('narrative')}</th>
                      <th scope="col">{t('reportedOn')}</th>
                      <th scope="col">{t('verification')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {commitment.progressReports.map((r) => (
                      <tr key={r.id} className={r.supersededBy ? 'superseded' : undefined}>
                        <td>
                          {r.period}
                          {r.supersededBy && <> ({t('corrected')})</>}
                        </td>
                        <td>{r.percentComplete === null || r.percentComplete === undefined ? '—' : formatNumber(r.percentComplete / 100, i18n.language, { style: 'percent', maximumFractionDigits: 1 })}</td>
                        <td>{r.narrative ?? <span className="muted">{t('notShown')}</span>}</td>
                        <td>
                          {date(r.reportedOn)}
                          {r.late && <> ({t('late')})</>}
                        </td>
                        <td>
                          <span className={`badge verification-${r.verification}`}>{t(`verifications.${r.verification}`)}</span>
                          {r.verificationNote && <> {r.verificationNote}</>}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          <section aria-labelledby="milestones-heading">
            <h2 id="milestones-heading">{t('milestones')}</h2>
            {commitment.milestones.length === 0 ? (
              <p>{t('noMilestones')}</p>
            ) : (
              <ul className="plain">
                {commitment.milestones.map((m) => (
                  <li key={m.id}>
                    <span className={`badge deadline-${m.status}`}>{t(`common:deadline.${m.status}`)}</span> <Link to={`/milestones/${m.id}`}>{m.title}</Link> ·{' '}
                    {t('due', { date: date(m.dueDate) })}
                    {m.moves > 0 && <> · {t('movedFrom', { date: date(m.originalDueDate), count: m.moves, days: m.daysMoved })}</>}
                    {m.completedOn && <> · {t('doneOn', { date: date(m.completedOn) })}</>}
                  </li>
                ))}
              </ul>
            )}
            <h3>{t('tasks')}</h3>
            {commitment.tasks.length === 0 ? (
              <p>{t('noTasks')}</p>
            ) : (
              <ul className="plain">
                {commitment.tasks.map((task) => (
                  <li key={task.id}>
                    <span className={`badge deadline-${task.status}`}>{t(`common:deadline.${task.status}`)}</span> {task.title} · {t('due', { date: date(task.dueDate) })}
                  </li>
                ))}
              </ul>
            )}
          </section>

          {isFocalPointOf(commitment.owner.id) && <FocalPointForms commitment={commitment} onChanged={() => refetch()} />}

          <section aria-labelledby="history-heading">
            <h2 id="history-heading">{t('history')}</h2>
            <ol className="plain history">
              {data.history.map((entry) => (
                <li key={entry.position}>
                  <strong>{entry.type}</strong> · {entry.actor} · {new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(entry.at))}
                  {entry.reason && <> · {entry.reason}</>}
                </li>
              ))}
            </ol>
          </section>
        </article>
      )}
    </QueryState>
  );
}
