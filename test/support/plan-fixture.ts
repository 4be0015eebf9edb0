/** Sends a request as someone, expecting no error (`actingAs(...).ok`). */
type Ok = <T>(who: string, query: string, variables?: Record<string, unknown>) => Promise<T>;

export interface StakeholderInput {
  readonly name: string;
  readonly kind: string;
  readonly sector: string;
  readonly country: string;
}

export interface ParticipantInput<S extends string = string> {
  readonly subject: string;
  readonly displayName: string;
  /** ADULT unless given. */
  readonly kind?: 'ADULT' | 'YOUTH';
  readonly ageBand?: string;
  /** For youth: the key (in `stakeholders`) of the youth panel that sponsors them. */
  readonly sponsor?: S;
}

export interface CommitmentInput<S extends string = string> {
  /** Who makes it: a focal point of its owner. */
  readonly by: string;
  /** The key (in `stakeholders`) of the stakeholder that owns it. */
  readonly owner: S;
  readonly thematicAreaCode: string;
  readonly title: string;
  readonly description: string;
  readonly target: { readonly indicator: string; readonly unit: string; readonly baseline: number; readonly targetValue: number };
  /** Any other field of MakeCommitmentInput (dueDate, sourceReference, coOwnerIds as ids…). */
  readonly more?: Record<string, unknown>;
  /** Activated by the coordinator once made (true unless said otherwise). */
  readonly activate?: boolean;
}

export interface PlanSetUp<S extends string, C extends string> {
  /** Who drafts the plan, registers stakeholders and participants and grants roles: an admin. */
  readonly admin: string;
  /** Who defines the areas, admits the stakeholders, adopts the plan and activates commitments: granted COORDINATOR. */
  readonly coordinator: string;
  /** DraftPlanInput. */
  readonly plan: Record<string, unknown>;
  /** Registered in this order, under keys the rest of the set-up (and the answer) names them by. */
  readonly stakeholders?: Readonly<Record<S, StakeholderInput>>;
  /** Registered in this order, after the stakeholders. */
  readonly participants?: readonly ParticipantInput<S>[];
  /** Granted in this order: [subject, role, scope], the scope being `'plan'` or a stakeholder's key. */
  readonly grants?: readonly (readonly [string, string, 'plan' | S])[];
  readonly areas?: readonly { readonly code: string; readonly title: string }[];
  /** The keys of the stakeholders admitted to the plan, in this order; every one unless given. */
  readonly admit?: readonly S[];
  /** Adopted once the stakeholders are admitted (true unless said otherwise). */
  readonly adopt?: boolean;
  /** Made (and activated) in this order, under keys the answer names them by. */
  readonly commitments?: Readonly<Record<C, CommitmentInput<S>>>;
}

export interface PlanFixture<S extends string, C extends string> {
  readonly planId: string;
  /** The id of each stakeholder, by its key. */
  readonly stakeholders: Record<S, string>;
  /** The id of each commitment, by its key. */
  readonly commitments: Record<C, string>;
}

const mutation = (name: string, input: string, select = 'version') =>
  `mutation ($input: ${input}!) { ${name}(input: $input) { ${select} } }`;

/**
 * A plan of Costa Rica's travel and tourism sector, its owner and a partner, its prevention area and the owner's
 * commitment to The Code's six criteria (without who makes it and for whom), as several e2e files set them up.
 */
export const COSTA_RICA_TOURISM = {
  plan: {
    country: 'CR',
    title: 'Costa Rica travel and tourism 2020-2022',
    periodStart: '2020-01-01',
    periodEnd: '2022-12-31',
    defaultDeadline: '2022-12-31',
  },
  owner: { name: 'Costa Rican Chamber of Tourism', kind: 'PRIVATE_SECTOR', sector: 'tourism', country: 'CR' },
  partner: { name: 'Paniamor', kind: 'NGO', sector: 'tourism', country: 'CR' },
  area: { code: 'PREV', title: 'Prevention' },
  theCode: {
    thematicAreaCode: 'PREV',
    title: "Implement The Code's six criteria",
    description: 'Six criteria',
    target: { indicator: 'criteria implemented', unit: 'criteria', baseline: 0, targetValue: 6 },
  },
} as const satisfies {
  plan: PlanSetUp<string, string>['plan'];
  owner: StakeholderInput;
  partner: StakeholderInput;
  area: { code: string; title: string };
  theCode: Omit<CommitmentInput, 'by' | 'owner'>;
};

/**
 * A plan with its stakeholders, the people who act on it and their roles, its areas and commitments, set up through the
 * GraphQL api in one call, in the order a secretariat does it: the admin drafts the plan, registers the stakeholders
 * and the participants and grants the roles; the coordinator defines the areas, admits the stakeholders and adopts the
 * plan; each commitment is made by its focal point, then activated by the coordinator. Every request must succeed.
 */
export async function planWithCommitments<S extends string = never, C extends string = never>(
  ok: Ok,
  setUp: PlanSetUp<S, C>,
): Promise<PlanFixture<S, C>> {
  const { admin, coordinator } = setUp;
  const planId = (
    await ok<{ draftPlan: { plan: { id: string } } }>(admin, mutation('draftPlan', 'DraftPlanInput', 'plan { id }'), { input: setUp.plan })
  ).draftPlan.plan.id;
  const stakeholders: Record<string, string> = {};
  for (const [key, input] of Object.entries<StakeholderInput>(setUp.stakeholders ?? ({} as Record<S, StakeholderInput>))) {
    stakeholders[key] = (
      await ok<{ registerStakeholder: { stakeholder: { id: string } } }>(
        admin,
        mutation('registerStakeholder', 'RegisterStakeholderInput', 'stakeholder { id }'),
        { input },
      )
    ).registerStakeholder.stakeholder.id;
  }
  const stakeholder = (key: string): string => {
    const id = stakeholders[key];
    if (id === undefined) throw new Error(`planWithCommitments: no stakeholder under the key '${key}'`);
    return id;
  };
  for (const { sponsor, kind, ...participant } of setUp.participants ?? []) {
    const input = {
      ...participant,
      kind: kind ?? 'ADULT',
      ...(sponsor === undefined ? {} : { sponsorStakeholderId: stakeholder(sponsor) }),
    };
    await ok(admin, mutation('registerParticipant', 'RegisterParticipantInput'), { input });
  }
  for (const [subject, role, scope] of setUp.grants ?? []) {
    await ok(admin, mutation('grantRole', 'GrantRoleInput'), {
      input: { subject, role, scope: scope === 'plan' ? planId : stakeholder(scope) },
    });
  }
  for (const area of setUp.areas ?? [])
    await ok(coordinator, mutation('defineThematicArea', 'DefineThematicAreaInput'), { input: { planId, ...area } });
  for (const key of setUp.admit ?? (Object.keys(stakeholders) as S[])) {
    await ok(coordinator, mutation('admitStakeholder', 'AdmitStakeholderInput'), { input: { planId, stakeholderId: stakeholder(key) } });
  }
  if (setUp.adopt ?? true) await ok(coordinator, mutation('adoptPlan', 'PlanLifecycleInput'), { input: { planId } });
  const commitments: Record<string, string> = {};
  for (const [key, { by, owner, activate, more, ...terms }] of Object.entries<CommitmentInput<S>>(
    setUp.commitments ?? ({} as Record<C, CommitmentInput<S>>),
  )) {
    const input = { planId, ownerId: stakeholder(owner), ...terms, ...more };
    const commitmentId = (
      await ok<{ makeCommitment: { commitment: { id: string } } }>(
        by,
        mutation('makeCommitment', 'MakeCommitmentInput', 'commitment { id }'),
        { input },
      )
    ).makeCommitment.commitment.id;
    commitments[key] = commitmentId;
    if (activate ?? true) await ok(coordinator, mutation('activateCommitment', 'CommitmentLifecycleInput'), { input: { commitmentId } });
  }
  return { planId, stakeholders: stakeholders as Record<S, string>, commitments: commitments as Record<C, string> };
}
