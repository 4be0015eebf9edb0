import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type RunningApi, removeDir, startApi, tempDataDir } from '../support/api-process.js';
import { tokenFor } from '../support/tokens.js';
import { actingAs } from '../support/acting-as.js';
import { COSTA_RICA_TOURISM, planWithCommitments } from '../support/plan-fixture.js';

const ADMIN = 'admin@secretariat.example';
const COORDINATOR = 'coordinator@secretariat.example';
const MONITOR = 'monitor@ecpat.example';
const FOCAL = 'focal@canatur.example';
const PARTICIPANT = 'focal@paniamor.example';
const OUTSIDER = 'focal@elsewhere.example';
const ANONYMOUS = '';

type Level = 'PUBLIC' | 'PARTNERS' | 'RESTRICTED';

interface Report {
  period: string;
  visibility: Level;
  percentComplete: number;
  narrative: string | null;
  evidenceLinks: string[];
  evidenceType: string;
  verification: string;
  verificationNote: string | null;
}

const FIELDS = 'period visibility percentComplete narrative evidenceLinks evidenceType verification verificationNote';
const REPORTS = `query ($id: ID!) { commitment(id: $id) { progressReports { ${FIELDS} } } }`;
const REPORTS_AS_OF = `query ($plan: ID!, $date: LocalDate!) { plan(id: $plan) { asOf(date: $date) { commitments(first: 10) { edges { node { progressReports { ${FIELDS} } } } } } } }`;

/** Each report names a venue in its evidence and the monitor's note quotes it: all three follow the report's level. */
const REPORTED: Record<Level, { period: string; narrative: string; link: string; note: string; judged: 'verify' | 'dispute' }> = {
  PUBLIC: {
    period: '2020',
    narrative: 'Policy adopted by the chamber.',
    link: 'https://canatur.example/policy.pdf',
    note: 'Policy seen on the chamber site',
    judged: 'verify',
  },
  PARTNERS: {
    period: '2021',
    narrative: 'Training at Hotel Brisas, Jacó.',
    link: 'https://canatur.example/brisas-training.pdf',
    note: 'No attendance list for Hotel Brisas',
    judged: 'dispute',
  },
  RESTRICTED: {
    period: '2022',
    narrative: 'Inspection of Hotel Playa Azul, Puntarenas.',
    link: 'https://canatur.example/playa-azul.pdf',
    note: 'Inspection at Playa Azul confirmed',
    judged: 'verify',
  },
};

/** Who reads at which level (DOMAIN.md, Roles and permissions). */
const READERS: [string, Level, string][] = [
  ['anonymous', 'PUBLIC', ANONYMOUS],
  ['signed in, not a participant of the plan', 'PUBLIC', OUTSIDER],
  ["a participant of the plan (an admitted stakeholder's focal point)", 'PARTNERS', PARTICIPANT],
  ["the plan's coordinator", 'RESTRICTED', COORDINATOR],
  ["the plan's monitor", 'RESTRICTED', MONITOR],
  ["the owner's focal point", 'RESTRICTED', FOCAL],
];

const RANK: Record<Level, number> = { PUBLIC: 0, PARTNERS: 1, RESTRICTED: 2 };

/** What `reader` at `level` must get of each report: everything, or the report without narrative, links and note. */
function expected(level: Level): Report[] {
  return (['PUBLIC', 'PARTNERS', 'RESTRICTED'] as const).map((visibility) => {
    const r = REPORTED[visibility];
    const mayRead = RANK[level] >= RANK[visibility];
    return {
      period: r.period,
      visibility,
      percentComplete: 10 * (RANK[visibility] + 1),
      narrative: mayRead ? r.narrative : null,
      evidenceLinks: mayRead ? [r.link] : [],
      evidenceType: 'INSPECTION',
      verification: r.judged === 'verify' ? 'VERIFIED' : 'DISPUTED',
      verificationNote: mayRead ? r.note : null,
    };
  });
}

describe('progress reports: narrative, evidence links and verification note at the reader’s level', () => {
  let dataDir: string;
  let api: RunningApi;
  const token: Record<string, string> = {};
  let planId = '';
  let commitmentId = '';

  const { ok } = actingAs(() => api, token);
  const mutate = (who: string, name: string, inputType: string, input: Record<string, unknown>, selection = 'version') =>
    ok<Record<string, Record<string, unknown>>>(who, `mutation ($input: ${inputType}!) { ${name}(input: $input) { ${selection} } }`, {
      input,
    });
  beforeAll(async () => {
    dataDir = tempDataDir('npa-e2e-report-visibility-');
    api = await startApi({ dataDir, env: { BOOTSTRAP_ADMIN: ADMIN } });
    for (const who of [ADMIN, COORDINATOR, MONITOR, FOCAL, PARTICIPANT, OUTSIDER]) token[who] = await tokenFor(dataDir, who);
    ({
      planId,
      commitments: { code: commitmentId },
    } = await planWithCommitments(ok, {
      admin: ADMIN,
      coordinator: COORDINATOR,
      plan: COSTA_RICA_TOURISM.plan,
      stakeholders: {
        owner: COSTA_RICA_TOURISM.owner,
        partner: COSTA_RICA_TOURISM.partner,
        elsewhere: { name: 'A coalition in another plan', kind: 'NGO', sector: 'tourism', country: 'CR' },
      },
      participants: [
        { subject: COORDINATOR, displayName: 'Secretariat' },
        { subject: MONITOR, displayName: 'ECPAT monitor' },
        { subject: FOCAL, displayName: 'CANATUR focal point' },
        { subject: PARTICIPANT, displayName: 'Paniamor focal point' },
        { subject: OUTSIDER, displayName: 'Coalition focal point' },
      ],
      grants: [
        [COORDINATOR, 'COORDINATOR', 'plan'],
        [MONITOR, 'MONITOR', 'plan'],
        [FOCAL, 'FOCAL_POINT', 'owner'],
        [PARTICIPANT, 'FOCAL_POINT', 'partner'],
        [OUTSIDER, 'FOCAL_POINT', 'elsewhere'],
      ],
      areas: [COSTA_RICA_TOURISM.area],
      admit: ['owner', 'partner'],
      commitments: {
        code: {
          by: FOCAL,
          owner: 'owner',
          ...COSTA_RICA_TOURISM.theCode,
        },
      },
    }));
    for (const visibility of ['PUBLIC', 'PARTNERS', 'RESTRICTED'] as const) {
      const r = REPORTED[visibility];
      const reportId = (
        await mutate(
          FOCAL,
          'reportProgress',
          'ReportProgressInput',
          {
            commitmentId,
            period: r.period,
            percentComplete: 10 * (RANK[visibility] + 1),
            narrative: r.narrative,
            visibility,
            evidenceType: 'INSPECTION',
            evidenceLinks: [r.link],
          },
          'itemId',
        )
      ).reportProgress!['itemId'] as string;
      if (r.judged === 'verify')
        await mutate(MONITOR, 'verifyProgressReport', 'VerifyProgressReportInput', { commitmentId, reportId, note: r.note });
      else await mutate(MONITOR, 'disputeProgressReport', 'DisputeProgressReportInput', { commitmentId, reportId, reason: r.note });
    }
  });

  afterAll(async () => {
    await api?.stop();
    removeDir(dataDir);
  });

  it.each(READERS)('%s reads at level %s on commitment.progressReports', async (_who, level, reader) => {
    const served = (await ok<{ commitment: { progressReports: Report[] } }>(reader, REPORTS, { id: commitmentId })).commitment
      .progressReports;
    expect(served).toEqual(expected(level));
  });

  it.each(READERS)('%s reads at level %s under plan.asOf too', async (_who, level, reader) => {
    const asOf = (
      await ok<{ plan: { asOf: { commitments: { edges: { node: { progressReports: Report[] } }[] } } } }>(reader, REPORTS_AS_OF, {
        plan: planId,
        date: '2099-12-31',
      })
    ).plan.asOf;
    expect(asOf.commitments.edges.map((e) => e.node.progressReports)).toEqual([expected(level)]);
  });

  it.each(READERS)(
    '%s reads at level %s in the commitment’s history: no link or note of a report above it',
    async (_who, level, reader) => {
      const history = await ok<{ history: unknown[] }>(
        reader,
        'query ($id: ID!) { history(id: $id) { type reason changes { field from to } } }',
        { id: commitmentId },
      );
      const text = JSON.stringify(history);
      for (const visibility of ['PUBLIC', 'PARTNERS', 'RESTRICTED'] as const) {
        const { link, note, narrative } = REPORTED[visibility];
        const readable = RANK[level] >= RANK[visibility];
        expect([visibility, text.includes(link), text.includes(note)]).toEqual([visibility, readable, readable]);
        expect(text).not.toContain(narrative); // narratives never appear in the trail
      }
    },
  );

  it('answers a mutation with the commitment at the sender’s level: a monitor judging a report reads it all', async () => {
    const reports = (
      await ok<{ commitment: { progressReports: { period: string }[] } }>(
        FOCAL,
        `query ($id: ID!) { commitment(id: $id) { progressReports { id period } } }`,
        { id: commitmentId },
      )
    ).commitment.progressReports as unknown as { id: string; period: string }[];
    const restricted = reports.find((r) => r.period === REPORTED.RESTRICTED.period)!;
    const payload = await mutate(
      MONITOR,
      'verifyProgressReport',
      'VerifyProgressReportInput',
      { commitmentId, reportId: restricted.id, note: REPORTED.RESTRICTED.note },
      `commitment { progressReports { ${FIELDS} } }`,
    );
    expect((payload.verifyProgressReport!['commitment'] as { progressReports: Report[] }).progressReports).toEqual(expected('RESTRICTED'));
  });
});
