import type { ReportingCycle, StakeholderKind, Target } from '#domain';

/**
 * The demo data, from the source documents (cited as file:line in ../shared/seeds/). Organisations only, never
 * individuals.
 */
export interface DemoStakeholder {
  readonly key: string;
  readonly name: string;
  readonly kind: StakeholderKind;
  readonly sector: string;
  readonly country: string;
}

/** Something that happens to a commitment on a given day (the demo replays a plan's history). */
export type DemoStep =
  | { readonly on: string; readonly do: 'milestone'; readonly key: string; readonly title: string; readonly due: string }
  | { readonly on: string; readonly do: 'reschedule'; readonly key: string; readonly due: string; readonly reason: string }
  | { readonly on: string; readonly do: 'complete-milestone'; readonly key: string }
  | {
      readonly on: string;
      readonly do: 'task';
      readonly key: string;
      readonly title: string;
      readonly due: string;
      readonly assignee?: string;
    }
  | { readonly on: string; readonly do: 'complete-task'; readonly key: string }
  | {
      readonly on: string;
      readonly do: 'report';
      readonly key: string;
      readonly period: string;
      readonly percent: number;
      readonly narrative: string;
      readonly visibility: 'PUBLIC' | 'PARTNERS' | 'RESTRICTED';
      readonly evidence: 'SELF_REPORTED' | 'INDEPENDENTLY_VERIFIED' | 'INSPECTION';
      readonly corrects?: string;
    }
  | { readonly on: string; readonly do: 'verify'; readonly key: string; readonly note: string }
  | { readonly on: string; readonly do: 'dispute'; readonly key: string; readonly reason: string }
  | { readonly on: string; readonly do: 'complete' };

export interface DemoCommitment {
  readonly key: string;
  readonly owner: string;
  readonly area: string;
  readonly title: string;
  readonly description: string;
  readonly sourceReference: string;
  readonly target: Target;
  /** null: inherits the plan's default deadline. */
  readonly dueDate: string | null;
  readonly activate: boolean;
  readonly steps?: readonly DemoStep[];
}

export interface DemoPlan {
  readonly key: string;
  readonly country: string;
  readonly title: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly defaultDeadline: string;
  readonly reportingCycle: ReportingCycle;
  readonly areas: readonly { readonly code: string; readonly title: string }[];
  readonly stakeholders: readonly string[];
  readonly commitments: readonly DemoCommitment[];
  readonly adopt: boolean;
  /** The day the plan was drafted; admission, adoption and commitments follow in the next weeks. */
  readonly drafted: string;
  /** Reporting periods the coordinator closed, and when. */
  readonly closePeriods: readonly { readonly period: string; readonly on: string }[];
}

export const DEMO_STAKEHOLDERS: readonly DemoStakeholder[] = [
  { key: 'nl-government', name: 'Government of the Netherlands', kind: 'GOVERNMENT', sector: 'justice', country: 'NL' },
  { key: 'cr-ict', name: 'Instituto Costarricense de Turismo (ICT)', kind: 'GOVERNMENT', sector: 'tourism', country: 'CR' },
  { key: 'cr-canatur', name: 'Costa Rican Chamber of Tourism (CANATUR)', kind: 'PRIVATE_SECTOR', sector: 'tourism', country: 'CR' },
  { key: 'cr-paniamor', name: 'Paniamor', kind: 'NGO', sector: 'child protection', country: 'CR' },
  { key: 'ecpat', name: 'ECPAT International', kind: 'NGO', sector: 'child protection', country: 'TH' },
  { key: 'unwto', name: 'World Tourism Organization (UNWTO)', kind: 'INTERGOVERNMENTAL', sector: 'tourism', country: 'ES' },
  { key: 'interpol', name: 'Interpol', kind: 'LAW_ENFORCEMENT', sector: 'law enforcement', country: 'FR' },
  { key: 'pucp', name: 'Pontifical Catholic University of Peru', kind: 'ACADEMIC', sector: 'research', country: 'PE' },
  {
    key: 'youth-panel',
    name: 'World Congress III youth panel',
    kind: 'YOUTH_PANEL',
    sector: 'child and youth participation',
    country: 'BR',
  },
  {
    key: 'cr-youth-panel',
    name: 'Costa Rican youth panel on tourism',
    kind: 'YOUTH_PANEL',
    sector: 'child and youth participation',
    country: 'CR',
  },
  {
    key: 'task-force',
    name: 'High Level Task Force on Child Protection in Travel and Tourism',
    kind: 'OTHER',
    sector: 'tourism',
    country: 'CO',
  },
];

/** World Congress III themes (002:171). */
const CONGRESS_THEMES = [
  { code: 'MANIF', title: 'Manifestations of sexual exploitation of children' },
  { code: 'LEGAL', title: 'Legal framework and law enforcement' },
  { code: 'INTERSECT', title: 'Intersectoral strategies and directions' },
  { code: 'PRIVATE', title: 'Private sector and corporate social responsibility' },
];

/** Stockholm-style areas (002:94-158). */
const STOCKHOLM_AREAS = [
  { code: 'COORD', title: 'Coordination and cooperation' },
  { code: 'PREV', title: 'Prevention' },
  { code: 'PROT', title: 'Protection' },
  { code: 'RECOV', title: 'Recovery and reintegration' },
  { code: 'PART', title: 'Child and youth participation' },
];

export const DEMO_PLANS: readonly DemoPlan[] = [
  {
    key: 'nl-npa',
    country: 'NL',
    title: 'Netherlands NPA 2009-2013: Europe and Central Asia regional targets',
    periodStart: '2009-01-01',
    periodEnd: '2013-12-31',
    // "goals should be achieved by 2013 (unless otherwise specified)" (002:171)
    defaultDeadline: '2013-12-31',
    reportingCycle: 'ANNUAL',
    areas: CONGRESS_THEMES,
    stakeholders: ['nl-government', 'ecpat', 'interpol', 'pucp', 'youth-panel'],
    adopt: true,
    drafted: '2009-01-15',
    closePeriods: [
      { period: '2009', on: '2010-01-31' },
      { period: '2010', on: '2011-01-31' },
    ],
    commitments: [
      {
        key: 'monitor-2010',
        owner: 'nl-government',
        area: 'MANIF',
        title: 'Monitor the situation of sexual exploitation of children and adolescents',
        description:
          'By 2010, States to have monitored the situation regarding sexual exploitation of children and adolescents in their countries.',
        sourceReference: 'Europe and Central Asia recommendations (002:181)',
        target: { indicator: 'national monitoring report published', unit: 'reports', baseline: 0, targetValue: 1 },
        dueDate: '2010-12-31',
        activate: true,
        steps: [
          { on: '2009-04-01', do: 'milestone', key: 'monitor-draft', title: 'Monitoring report drafted', due: '2010-06-30' },
          {
            on: '2009-04-01',
            do: 'task',
            key: 'monitor-data',
            title: 'Collect police and NGO data',
            due: '2009-12-31',
            assignee: 'interpol',
          },
          { on: '2009-12-20', do: 'complete-task', key: 'monitor-data' },
          {
            on: '2010-01-15',
            do: 'report',
            key: 'monitor-2009',
            period: '2009',
            percent: 40,
            narrative: 'Data collected from police and NGOs; drafting started.',
            visibility: 'PUBLIC',
            evidence: 'SELF_REPORTED',
          },
          { on: '2010-06-15', do: 'complete-milestone', key: 'monitor-draft' },
          { on: '2010-12-15', do: 'complete' },
          {
            on: '2011-01-10',
            do: 'report',
            key: 'monitor-2010',
            period: '2010',
            percent: 100,
            narrative: 'Monitoring report published; partner briefing held.',
            visibility: 'PARTNERS',
            evidence: 'SELF_REPORTED',
          },
          { on: '2011-02-15', do: 'verify', key: 'monitor-2010', note: 'Report read against the published monitoring report.' },
        ],
      },
      {
        key: 'evaluate-2010',
        owner: 'nl-government',
        area: 'INTERSECT',
        title: 'Evaluate the national child protection system',
        description:
          'By 2010, all States to have completed an evaluation of the effectiveness of their national child protection systems to protect children from sexual exploitation.',
        sourceReference: 'Europe and Central Asia recommendations (002:187)',
        target: { indicator: 'evaluation completed', unit: 'evaluations', baseline: 0, targetValue: 1 },
        dueDate: '2010-12-31',
        activate: true,
        steps: [
          { on: '2009-04-01', do: 'milestone', key: 'evaluate-tor', title: 'Evaluation terms of reference agreed', due: '2009-12-31' },
          {
            on: '2009-12-01',
            do: 'reschedule',
            key: 'evaluate-tor',
            due: '2010-03-31',
            reason: 'Ministries asked for a joint consultation first',
          },
          { on: '2010-03-15', do: 'reschedule', key: 'evaluate-tor', due: '2010-06-30', reason: 'Consultation moved after the elections' },
          { on: '2010-08-01', do: 'complete-milestone', key: 'evaluate-tor' },
          {
            on: '2010-01-20',
            do: 'report',
            key: 'evaluate-2009',
            period: '2009',
            percent: 10,
            narrative: 'Consultation on the terms of reference under way.',
            visibility: 'PUBLIC',
            evidence: 'SELF_REPORTED',
          },
          {
            on: '2011-01-25',
            do: 'report',
            key: 'evaluate-2010',
            period: '2010',
            percent: 35,
            narrative: 'Terms agreed late; fieldwork in two of four sectors. Names of the services visited are withheld.',
            visibility: 'RESTRICTED',
            evidence: 'SELF_REPORTED',
          },
        ],
      },
      {
        key: 'referral-2013',
        owner: 'nl-government',
        area: 'INTERSECT',
        title: 'Map and assess referral mechanisms',
        description: 'By 2013, complete a mapping and assessment of referral mechanisms.',
        sourceReference: 'Europe and Central Asia recommendations (002:185)',
        target: { indicator: 'referral mechanisms mapped', unit: 'percent', baseline: 0, targetValue: 100 },
        dueDate: null,
        activate: true,
        steps: [
          {
            on: '2010-02-01',
            do: 'milestone',
            key: 'referral-provinces',
            title: 'Referral mechanisms mapped in four provinces',
            due: '2012-06-30',
          },
          {
            on: '2010-01-25',
            do: 'report',
            key: 'referral-2009',
            period: '2009',
            percent: 5,
            narrative: 'Mapping method agreed with the provinces.',
            visibility: 'PUBLIC',
            evidence: 'SELF_REPORTED',
          },
        ],
      },
      {
        key: 'research-2013',
        owner: 'nl-government',
        area: 'MANIF',
        title: 'Research and assessment, including demand',
        description:
          'By 2013, all states to have carried out research and assessment on the sexual exploitation of children and adolescents in their country, including the specificities of demand.',
        sourceReference: 'Europe and Central Asia recommendations (002:195)',
        target: { indicator: 'national research published', unit: 'studies', baseline: 0, targetValue: 1 },
        dueDate: null,
        activate: false,
      },
      {
        key: 'intersectoral-2015',
        owner: 'nl-government',
        area: 'INTERSECT',
        title: 'Build a national intersectoral child protection system',
        description:
          'By 2015, build national intersectoral child protection systems with clear mandates and accountabilities for professionals in health, education, welfare and justice, working together through referral mechanisms and protocols.',
        sourceReference: 'Europe and Central Asia recommendations (002:188)',
        target: { indicator: 'sectors under a cooperation protocol', unit: 'sectors', baseline: 0, targetValue: 4 },
        dueDate: '2015-12-31',
        activate: false,
        steps: [
          {
            on: 'today',
            do: 'task',
            key: 'intersectoral-review',
            title: 'Review the cooperation protocols with the four sectors',
            due: 'today+20',
          },
          { on: 'today', do: 'task', key: 'intersectoral-follow-up', title: 'Publish the follow-up assessment', due: 'today+120' },
        ],
      },
    ],
  },
  {
    key: 'cr-tourism',
    country: 'CR',
    title: 'Costa Rica: protecting children in travel and tourism 2010-2013',
    periodStart: '2010-01-01',
    periodEnd: '2013-12-31',
    defaultDeadline: '2013-12-31',
    reportingCycle: 'ANNUAL',
    areas: STOCKHOLM_AREAS,
    stakeholders: ['cr-ict', 'cr-canatur', 'cr-paniamor', 'unwto', 'task-force', 'cr-youth-panel'],
    adopt: true,
    drafted: '2010-01-15',
    closePeriods: [
      { period: '2010', on: '2011-01-31' },
      { period: '2011', on: '2012-01-31' },
      { period: '2012', on: '2013-01-31' },
    ],
    commitments: [
      {
        key: 'the-code',
        owner: 'cr-canatur',
        area: 'PREV',
        title: "Members implement The Code's six criteria",
        description:
          'Policy and procedures; staff training; a contract clause through the value chain; information to travellers; engaging stakeholders; reporting annually (The Code, 001:373-378; the 2010 convention between ICT and CANATUR, 001:425).',
        sourceReference: 'The Code, criteria 1-6 (001:373-378)',
        target: { indicator: 'criteria implemented by every member', unit: 'criteria', baseline: 0, targetValue: 6 },
        dueDate: null,
        activate: true,
        steps: [
          {
            on: '2010-04-01',
            do: 'milestone',
            key: 'code-training',
            title: 'Staff of member hotels trained (criterion 2)',
            due: '2011-06-30',
          },
          { on: '2011-06-20', do: 'complete-milestone', key: 'code-training' },
          {
            on: '2010-04-01',
            do: 'milestone',
            key: 'code-contracts',
            title: 'Child-protection clause in supplier contracts (criterion 3)',
            due: '2012-12-31',
          },
          {
            on: '2011-01-20',
            do: 'report',
            key: 'code-2010',
            period: '2010',
            percent: 30,
            narrative: 'Policy adopted by the chamber; training of hotel staff started.',
            visibility: 'PUBLIC',
            evidence: 'SELF_REPORTED',
          },
          { on: '2011-03-01', do: 'verify', key: 'code-2010', note: 'Inspection visits to member hotels confirm the policy and training.' },
          {
            on: '2012-02-10',
            do: 'report',
            key: 'code-2011',
            period: '2011',
            percent: 70,
            narrative: 'Four criteria in place in most member hotels.',
            visibility: 'PUBLIC',
            evidence: 'SELF_REPORTED',
          },
          {
            on: '2012-03-01',
            do: 'dispute',
            key: 'code-2011',
            reason: 'Inspection found the contract clause missing in most contracts; 70% is not supported.',
          },
          {
            on: '2012-04-01',
            do: 'report',
            key: 'code-2011-corrected',
            period: '2011',
            percent: 45,
            narrative: 'Corrected after inspection: three criteria in place; contract clause pending.',
            visibility: 'PUBLIC',
            evidence: 'INSPECTION',
            corrects: 'code-2011',
          },
        ],
      },
      {
        key: 'ict-training',
        owner: 'cr-ict',
        area: 'PREV',
        title: 'Fund and administer the national Code of Conduct',
        description: 'Funds and administrative support for the Code of Conduct managed by the Chamber of Tourism (001:425).',
        sourceReference: 'ICT-CANATUR convention 2010 (001:425)',
        target: { indicator: 'years of funding provided', unit: 'years', baseline: 0, targetValue: 4 },
        dueDate: null,
        activate: false,
      },
    ],
  },
];
