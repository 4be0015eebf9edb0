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
  { key: 'youth-panel', name: 'World Congress III youth panel', kind: 'YOUTH_PANEL', sector: 'child and youth participation', country: 'BR' },
  { key: 'task-force', name: 'High Level Task Force on Child Protection in Travel and Tourism', kind: 'OTHER', sector: 'tourism', country: 'CO' },
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
    commitments: [
      {
        key: 'monitor-2010',
        owner: 'nl-government',
        area: 'MANIF',
        title: 'Monitor the situation of sexual exploitation of children and adolescents',
        description: 'By 2010, States to have monitored the situation regarding sexual exploitation of children and adolescents in their countries.',
        sourceReference: 'Europe and Central Asia recommendations (002:181)',
        target: { indicator: 'national monitoring report published', unit: 'reports', baseline: 0, targetValue: 1 },
        dueDate: '2010-12-31',
        activate: true,
      },
      {
        key: 'evaluate-2010',
        owner: 'nl-government',
        area: 'INTERSECT',
        title: 'Evaluate the national child protection system',
        description: 'By 2010, all States to have completed an evaluation of the effectiveness of their national child protection systems to protect children from sexual exploitation.',
        sourceReference: 'Europe and Central Asia recommendations (002:187)',
        target: { indicator: 'evaluation completed', unit: 'evaluations', baseline: 0, targetValue: 1 },
        dueDate: '2010-12-31',
        activate: true,
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
      },
      {
        key: 'research-2013',
        owner: 'nl-government',
        area: 'MANIF',
        title: 'Research and assessment, including demand',
        description: 'By 2013, all states to have carried out research and assessment on the sexual exploitation of children and adolescents in their country, including the specificities of demand.',
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
        description: 'By 2015, build national intersectoral child protection systems with clear mandates and accountabilities for professionals in health, education, welfare and justice, working together through referral mechanisms and protocols.',
        sourceReference: 'Europe and Central Asia recommendations (002:188)',
        target: { indicator: 'sectors under a cooperation protocol', unit: 'sectors', baseline: 0, targetValue: 4 },
        dueDate: '2015-12-31',
        activate: false,
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
    stakeholders: ['cr-ict', 'cr-canatur', 'cr-paniamor', 'unwto', 'task-force'],
    adopt: true,
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
