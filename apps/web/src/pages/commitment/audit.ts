/**
 * The audit trail as sentences in the reader's language: one template per event type (namespace `audit`), filled
 * with the actor's display name, the titles of the milestones and tasks concerned, and dates and numbers formatted
 * for the reader.
 */

export interface HistoryEntry {
  readonly type: string;
  readonly actor: string;
  readonly reason?: string | null;
  readonly changes: readonly { readonly field: string; readonly from?: string | null; readonly to?: string | null }[];
}

export type Translate = (key: string, values?: Record<string, unknown>) => string;

export interface Wording {
  readonly t: Translate;
  readonly date: (day: string) => string;
  readonly number: (value: number) => string;
  /** A percent complete, 0-100. */
  readonly percent: (value: number) => string;
  /** Names of the stakeholders the reader may know (assignees, co-owners), by id. */
  readonly stakeholders?: ReadonlyMap<string, string>;
}

/** A FieldChange value: JSON, or null. */
export function parseValue(value: string | null | undefined): unknown {
  if (value === null || value === undefined) return null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});
const text = (value: unknown): string =>
  typeof value === 'string' ? value : value === null || value === undefined ? '' : JSON.stringify(value);

/** Titles of milestones and tasks and periods of reports, by id, from the entries that created them. */
export interface Names {
  readonly milestones: Map<string, string>;
  readonly tasks: Map<string, string>;
  readonly reports: Map<string, string>;
}

export function namesIn(entries: readonly HistoryEntry[]): Names {
  const names: Names = { milestones: new Map(), tasks: new Map(), reports: new Map() };
  for (const entry of entries) {
    const to = record(parseValue(entry.changes[0]?.to));
    if (entry.type === 'MilestoneScheduled') names.milestones.set(text(to['milestoneId']), text(to['title']));
    if (entry.type === 'TaskAdded') names.tasks.set(text(to['taskId']), text(to['title']));
    if (entry.type === 'ProgressReported') names.reports.set(text(to['reportId']), text(to['period']));
  }
  return names;
}

/** The id in a change's field, e.g. `milestone <id> dueDate` → `<id>`. */
const idIn = (field: string | undefined): string => field?.split(' ')[1] ?? '';

function actorName(actor: string, t: Translate): string {
  if (actor === 'system') return t('audit:actor.system');
  if (actor === 'operator') return t('audit:actor.operator');
  if (actor === 'unregistered user') return t('audit:actor.unregistered');
  return actor;
}

function revision(entry: HistoryEntry, wording: Wording): string {
  const { t } = wording;
  const parts = entry.changes.map((change) => {
    const from = parseValue(change.from);
    const to = parseValue(change.to);
    switch (change.field) {
      case 'dueDate':
        return t('audit:change.dueDate', {
          from: from ? wording.date(text(from)) : t('audit:none'),
          to: to ? wording.date(text(to)) : t('audit:none'),
        });
      case 'title':
      case 'description':
      case 'sourceReference':
        return t(`audit:change.${change.field}`, { from: text(from) || t('audit:none'), to: text(to) || t('audit:none') });
      case 'target': {
        const value = (target: unknown) => {
          const r = record(target);
          return typeof r['targetValue'] === 'number'
            ? `${text(r['indicator'])}: ${wording.number(r['baseline'] as number)} → ${wording.number(r['targetValue'])} ${text(r['unit'])}`
            : t('audit:none');
        };
        return t('audit:change.target', { from: value(from), to: value(to) });
      }
      case 'coOwnerIds': {
        const names = (ids: unknown) =>
          Array.isArray(ids) && ids.length > 0
            ? ids.map((id: unknown) => wording.stakeholders?.get(text(id)) ?? text(id)).join(', ')
            : t('audit:none');
        return t('audit:change.coOwnerIds', { from: names(from), to: names(to) });
      }
      default:
        return t('audit:change.other', { field: change.field });
    }
  });
  return t('audit:CommitmentRevised', { changes: parts.join(t('audit:separator')) });
}

/** One entry of the trail as a sentence, the reason (when there is one) after a colon. */
export function auditSentence(entry: HistoryEntry, names: Names, wording: Wording): string {
  const { t } = wording;
  const actor = actorName(entry.actor, t);
  const change = entry.changes[0];
  const from = parseValue(change?.from);
  const to = parseValue(change?.to);
  const id = idIn(change?.field);
  const milestone = names.milestones.get(id) ?? t('audit:unknownMilestone');
  const task = names.tasks.get(id) ?? t('audit:unknownTask');
  const period = names.reports.get(id) ?? t('audit:unknownReport');
  let sentence: string;
  switch (entry.type) {
    case 'CommitmentMade':
      sentence = t('audit:CommitmentMade', { actor });
      break;
    case 'CommitmentActivated':
    case 'CommitmentWithdrawn':
      sentence = t(`audit:${entry.type}`, { actor });
      break;
    case 'CommitmentCompleted': {
      const completedOn = entry.changes.find((c) => c.field === 'completedOn');
      sentence = t('audit:CommitmentCompleted', { actor, date: wording.date(text(parseValue(completedOn?.to))) });
      break;
    }
    case 'CommitmentRevised':
      sentence = `${actor} ${revision(entry, wording)}`;
      break;
    case 'MilestoneScheduled': {
      const r = record(to);
      sentence = t('audit:MilestoneScheduled', { actor, title: text(r['title']), date: wording.date(text(r['dueDate'])) });
      break;
    }
    case 'MilestoneRescheduled':
      sentence = t('audit:MilestoneRescheduled', { actor, title: milestone, from: wording.date(text(from)), to: wording.date(text(to)) });
      break;
    case 'MilestoneCompleted':
      sentence = t('audit:MilestoneCompleted', { actor, title: milestone, date: wording.date(text(to)) });
      break;
    case 'MilestoneReopened':
      sentence = t('audit:MilestoneReopened', { actor, title: milestone });
      break;
    case 'TaskAdded': {
      const r = record(to);
      sentence = t('audit:TaskAdded', { actor, title: text(r['title']), date: wording.date(text(r['dueDate'])) });
      break;
    }
    case 'TaskAssigned': {
      const r = record(to);
      const assignee =
        r['kind'] === 'STAKEHOLDER' ? (wording.stakeholders?.get(text(r['id'])) ?? t('audit:aStakeholder')) : t('audit:aParticipant');
      sentence = t('audit:TaskAssigned', { actor, title: task, assignee });
      break;
    }
    case 'TaskCompleted':
      sentence = t('audit:TaskCompleted', { actor, title: task, date: wording.date(text(to)) });
      break;
    case 'TaskReopened':
      sentence = t('audit:TaskReopened', { actor, title: task });
      break;
    case 'ProgressReported': {
      const r = record(to);
      const percent = typeof r['percentComplete'] === 'number' ? wording.percent(r['percentComplete']) : null;
      const value = typeof r['indicatorValue'] === 'number' ? wording.number(r['indicatorValue']) : null;
      const amount =
        percent && value
          ? t('audit:percentAndValue', { percent, value })
          : (percent ?? (value ? t('audit:value', { value }) : t('audit:noFigure')));
      const evidence = t(`commitment:evidenceTypes.${text(r['evidenceType']) || 'SELF_REPORTED'}`);
      sentence = t(r['corrects'] ? 'audit:ProgressCorrected' : 'audit:ProgressReported', {
        actor,
        period: text(r['period']),
        amount,
        evidence,
      });
      if (r['late'] === true) sentence = t('audit:late', { sentence });
      break;
    }
    case 'ProgressReportVerified':
    case 'ProgressReportDisputed':
      sentence = t(`audit:${entry.type}`, { actor, period });
      break;
    default:
      sentence = t('audit:other', { actor, type: entry.type });
  }
  return entry.reason ? t('audit:withReason', { sentence, reason: entry.reason }) : t('audit:plain', { sentence });
}
