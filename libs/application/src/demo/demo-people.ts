/** The people of the demo: youth under pseudonyms, the adults who work the plans, and their comments. */

/** Youth participants: pseudonyms only (DOMAIN.md: names of people never appear), each sponsored by a panel. */
export interface DemoYouth {
  readonly subject: string;
  readonly pseudonym: string;
  readonly ageBand: 'UNDER_18' | '18_24';
  readonly panel: string;
}

export const DEMO_YOUTH: readonly DemoYouth[] = [
  { subject: 'demo-youth-1@panel.example', pseudonym: 'Colibrí', ageBand: 'UNDER_18', panel: 'cr-youth-panel' },
  { subject: 'demo-youth-2@panel.example', pseudonym: 'Tucán', ageBand: '18_24', panel: 'cr-youth-panel' },
  { subject: 'demo-youth-3@panel.example', pseudonym: 'Ibis', ageBand: 'UNDER_18', panel: 'youth-panel' },
  { subject: 'demo-youth-4@panel.example', pseudonym: 'Quetzal', ageBand: '18_24', panel: 'youth-panel' },
];

/** Adults who work the demo plans and the platform (an administrator), each with the role the web app's pages are for (`ids`: a demo plan or stakeholder key). */
export interface DemoStaff {
  readonly subject: string;
  readonly displayName: string;
  readonly role?: 'ADMIN' | 'COORDINATOR' | 'FOCAL_POINT' | 'MONITOR';
  /** `plan/<key>` or `stakeholder/<key>`; none for ADMIN, a platform role. */
  readonly scope?: string;
}

export const DEMO_STAFF: readonly DemoStaff[] = [
  {
    subject: 'demo-coordinator-cr@secretariat.example',
    displayName: 'Costa Rica plan coordinator',
    role: 'COORDINATOR',
    scope: 'plan/cr-tourism',
  },
  {
    subject: 'demo-coordinator-nl@secretariat.example',
    displayName: 'Netherlands plan coordinator',
    role: 'COORDINATOR',
    scope: 'plan/nl-npa',
  },
  {
    subject: 'demo-focal-canatur@canatur.example',
    displayName: 'CANATUR focal point',
    role: 'FOCAL_POINT',
    scope: 'stakeholder/cr-canatur',
  },
  { subject: 'demo-focal-ict@ict.example', displayName: 'ICT focal point', role: 'FOCAL_POINT', scope: 'stakeholder/cr-ict' },
  { subject: 'demo-monitor@paniamor.example', displayName: 'Paniamor monitor', role: 'MONITOR', scope: 'plan/cr-tourism' },
  { subject: 'demo-analyst@ecpat.example', displayName: 'ECPAT analyst' },
  { subject: 'demo-admin@secretariat.example', displayName: 'Platform administrator', role: 'ADMIN' },
];

/** Comments on the demo's milestones, one in each moderation state. */
export interface DemoComment {
  readonly key: string;
  readonly on: string;
  /** The milestone, as `<plan key>/<commitment key>/<milestone key>`. */
  readonly milestone: string;
  readonly author: string;
  readonly text: string;
  readonly then?: 'approve' | 'hide' | 'flag-three-times';
}

export const DEMO_COMMENTS: readonly DemoComment[] = [
  {
    key: 'pending',
    on: '2011-05-02',
    milestone: 'cr-tourism/the-code/code-training',
    author: 'demo-youth-1@panel.example',
    text: 'We made a poster for the hotel staff training. Can we show it?',
  },
  {
    key: 'approved',
    on: '2011-05-03',
    milestone: 'cr-tourism/the-code/code-training',
    author: 'demo-youth-1@panel.example',
    text: 'Our school would like to join the training. Write to me at colibri.school@correo.example',
    then: 'approve',
  },
  {
    key: 'visible',
    on: '2011-05-04',
    milestone: 'cr-tourism/the-code/code-training',
    author: 'demo-youth-2@panel.example',
    text: 'Young staff should be trained too, not only managers.',
  },
  {
    key: 'held',
    on: '2011-05-05',
    milestone: 'cr-tourism/the-code/code-contracts',
    author: 'demo-youth-2@panel.example',
    text: 'Contracts without the clause should be named and shamed.',
    then: 'flag-three-times',
  },
  {
    key: 'hidden',
    on: '2010-05-06',
    milestone: 'nl-npa/monitor-2010/monitor-draft',
    author: 'demo-youth-4@panel.example',
    text: 'Add me on snap: quetzal_22 and I will tell you more',
    then: 'hide',
  },
];
