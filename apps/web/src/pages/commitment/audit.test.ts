import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import enAudit from '../../locales/en/audit.json';
import enCommitment from '../../locales/en/commitment.json';
import frAudit from '../../locales/fr/audit.json';
import frCommitment from '../../locales/fr/commitment.json';
import { auditSentence, type HistoryEntry, namesIn } from './audit';

const instance = i18n.createInstance();
beforeAll(async () => {
  await instance.init({
    resources: { en: { audit: enAudit, commitment: enCommitment }, fr: { audit: frAudit, commitment: frCommitment } },
    lng: 'en',
    interpolation: { escapeValue: false },
  });
});

const wordingIn = (language: string) => {
  const t = instance.getFixedT(language);
  return {
    t: (key: string, values?: Record<string, unknown>) => t(key, values ?? {}),
    date: (day: string) =>
      new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(new Date(`${day}T00:00:00Z`)),
    number: (value: number) => new Intl.NumberFormat(language).format(value),
    percent: (value: number) => new Intl.NumberFormat(language, { style: 'percent' }).format(value / 100),
    stakeholders: new Map([['s-interpol', 'Interpol']]),
  };
};

const json = (value: unknown) => JSON.stringify(value);
const trail: HistoryEntry[] = [
  { type: 'CommitmentMade', actor: 'Justice ministry', changes: [{ field: 'title', from: null, to: json('Map referral mechanisms') }] },
  {
    type: 'CommitmentActivated',
    actor: 'Netherlands plan coordinator',
    changes: [{ field: 'status', from: json('PROPOSED'), to: json('ACTIVE') }],
  },
  {
    type: 'MilestoneScheduled',
    actor: 'Justice ministry',
    changes: [{ field: 'milestones', from: null, to: json({ milestoneId: 'm1', title: 'Referral map', dueDate: '2012-06-30' }) }],
  },
  {
    type: 'MilestoneRescheduled',
    actor: 'Justice ministry',
    reason: 'Provinces joined late',
    changes: [{ field: 'milestone m1 dueDate', from: json('2012-06-30'), to: json('2013-12-31') }],
  },
  {
    type: 'TaskAdded',
    actor: 'Justice ministry',
    changes: [{ field: 'tasks', from: null, to: json({ taskId: 't1', title: 'Collect data', dueDate: '2012-01-31' }) }],
  },
  {
    type: 'TaskAssigned',
    actor: 'Justice ministry',
    changes: [{ field: 'task t1 assignee', from: null, to: json({ kind: 'STAKEHOLDER', id: 's-interpol' }) }],
  },
  {
    type: 'ProgressReported',
    actor: 'system',
    changes: [
      {
        field: 'progressReports',
        from: null,
        to: json({ reportId: 'r1', period: '2011', percentComplete: 40, evidenceType: 'INSPECTION', corrects: null, late: false }),
      },
    ],
  },
  {
    type: 'ProgressReportDisputed',
    actor: 'Paniamor monitor',
    reason: '40% is not supported',
    changes: [{ field: 'report r1 verification', from: null, to: json('DISPUTED') }],
  },
  {
    type: 'CommitmentRevised',
    actor: 'Justice ministry',
    reason: 'Scope widened',
    changes: [{ field: 'dueDate', from: json('2013-12-31'), to: json('2014-06-30') }],
  },
];

describe('the audit trail as sentences', () => {
  it('says who did what to which milestone, with dates in the reader’s language and the reason after a colon', () => {
    const names = namesIn(trail);
    expect(auditSentence(trail[3]!, names, wordingIn('en'))).toBe(
      'Justice ministry moved “Referral map” from 30 June 2012 to 31 December 2013: Provinces joined late',
    );
    expect(auditSentence(trail[3]!, names, wordingIn('fr'))).toBe(
      'Justice ministry a déplacé « Referral map » du 30 juin 2012 au 31 décembre 2013 : Provinces joined late',
    );
  });

  it('has one sentence per event type, never the raw event name', () => {
    const names = namesIn(trail);
    const english = trail.map((entry) => auditSentence(entry, names, wordingIn('en')));
    expect(english).toEqual([
      'Justice ministry proposed the commitment.',
      'Netherlands plan coordinator activated the commitment.',
      'Justice ministry scheduled the milestone “Referral map” for 30 June 2012.',
      'Justice ministry moved “Referral map” from 30 June 2012 to 31 December 2013: Provinces joined late',
      'Justice ministry added the task “Collect data”, due 31 January 2012.',
      'Justice ministry assigned the task “Collect data” to Interpol.',
      'The platform reported 40% for 2011 (Inspection).',
      'Paniamor monitor disputed the report for 2011: 40% is not supported',
      'Justice ministry revised the commitment: due date from 31 December 2013 to 30 June 2014: Scope widened',
    ]);
    const french = trail.map((entry) => auditSentence(entry, names, wordingIn('fr')));
    for (const sentence of [...english, ...french])
      expect(sentence).not.toMatch(/[A-Z][a-z]+[A-Z][a-z]+(Reported|Scheduled|Made|Revised|Disputed|Added|Assigned)/);
    expect(french[6]?.replace(/\s/g, ' ')).toBe('La plateforme a rapporté 40 % pour 2011 (Inspection).');
  });
});
