import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { type InputObjectTypeDefinitionNode, Kind, type TypeNode } from 'graphql';
import { type GraphQLResponse, type RunningApi, removeDir, startApi, tempDataDir } from '../support/api-process.js';
import { mutationFields, schemaDefinitions } from '../support/schema.js';
import { tokenFor } from '../support/tokens.js';

const ADMIN = 'admin@secretariat.example';

/** The schema's mutations with their input type, every input type and every enum's values. */
function schema() {
  const definitions = schemaDefinitions();
  const inputs = new Map<string, InputObjectTypeDefinitionNode>();
  const enums = new Map<string, string[]>();
  for (const definition of definitions) {
    if (definition.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) inputs.set(definition.name.value, definition);
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION)
      enums.set(
        definition.name.value,
        (definition.values ?? []).map((v) => v.name.value),
      );
  }
  const mutations = mutationFields(definitions).map((field) => {
    let type: TypeNode = field.arguments![0]!.type;
    while (type.kind !== Kind.NAMED_TYPE) type = type.type;
    return { name: field.name.value, inputType: type.name.value };
  });
  return { mutations, inputs, enums };
}

/** Values no one should send: wrong types, huge and empty strings, control characters, unpaired surrogates, odd dates and numbers. */
const hostile = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\u0007\u001b[31m',
    '\ud800',
    'x\udfffy',
    'null',
    'undefined',
    'NaN',
    '-1',
    '1e309',
    '0x10',
    '2025-02-30',
    '9999-99-99',
    '0000-00-00',
    '2025-13-01',
    '-271821-04-20',
    '../../etc/passwd',
    "'; DROP TABLE events; --",
    '{"$gt":""}',
    '__proto__',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ minLength: 3000, maxLength: 6000 }),
  fc.constantFrom(
    'NOT_A_VALUE',
    'admin',
    'plan-00000000-0000-0000-0000-000000000000',
    '00000000-0000-0000-0000-000000000000',
    'c0ffee00-dead-4bad-8bad-000000000000',
  ),
  fc.integer(),
  fc.double(),
  fc.constantFrom(-1, 0, 2 ** 31, -(2 ** 53), Number.MAX_SAFE_INTEGER),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.record({ nested: fc.string({ maxLength: 5 }) }),
);

const hostileText = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\u0007\u001b[31m',
    '\ud800',
    'x\udfffy',
    '2025-02-30',
    '9999-12-31',
    '0000-01-01',
    '2025-13-01',
    '1970-01-01',
    "'; DROP TABLE events; --",
    '__proto__',
    '{{7*7}}',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ minLength: 2500, maxLength: 5000 }),
);
const hostileNumber = fc.oneof(
  fc.constantFrom(-1, 0, 101, 2 ** 31 - 1, -(2 ** 31), 1e308, -1e-308),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/**
 * Inputs mostly of the right GraphQL types but with hostile contents, so they get past coercion into validation and
 * the domain; sometimes of any type at all. `ids` are real ids of other kinds of things.
 */
function inputArbitrary(
  definition: InputObjectTypeDefinitionNode,
  inputs: Map<string, InputObjectTypeDefinitionNode>,
  enums: Map<string, string[]>,
  ids: () => string[],
  depth = 0,
): fc.Arbitrary<Record<string, unknown>> {
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  for (const field of definition.fields ?? []) {
    let type: TypeNode = field.type;
    const list = type.kind === Kind.NON_NULL_TYPE ? type.type.kind === Kind.LIST_TYPE : type.kind === Kind.LIST_TYPE;
    while (type.kind !== Kind.NAMED_TYPE) type = type.type;
    const name = type.name.value;
    const nested = inputs.get(name);
    const typed: fc.Arbitrary<unknown> = nested
      ? depth < 2
        ? inputArbitrary(nested, inputs, enums, ids, depth + 1)
        : hostile
      : enums.has(name)
        ? fc.constantFrom(...enums.get(name)!, 'NOT_A_VALUE')
        : name === 'Int' || name === 'Float'
          ? hostileNumber
          : name === 'Boolean'
            ? fc.boolean()
            : name === 'ID'
              ? fc.oneof(
                  hostileText,
                  fc.constant(null).map(() => fc.sample(fc.constantFrom(...ids()), 1)[0]!),
                )
              : hostileText;
    fields[field.name.value] = fc.oneof(
      { weight: 3, arbitrary: list ? fc.array(typed, { maxLength: 3 }) : typed },
      { weight: 1, arbitrary: hostile },
    );
  }
  return fc.record(fields, { requiredKeys: [] });
}

describe('hostile input', () => {
  let dataDir: string;
  let api: RunningApi;
  let admin = '';

  const head = async () =>
    (await api.graphql<{ serverInfo: { headPosition: string | null } }>('{ serverInfo { headPosition } }')).data!.serverInfo.headPosition;
  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', authorization: `Bearer ${admin}`, ...headers },
      body,
    });

  beforeAll(async () => {
    dataDir = tempDataDir('npa-hostile-');
    api = await startApi({ dataDir, env: { BOOTSTRAP_ADMIN: ADMIN } });
    admin = await tokenFor(dataDir, ADMIN);
    const plan = await api.graphql<{ draftPlan: { plan: { id: string } } }>(
      'mutation ($input: DraftPlanInput!) { draftPlan(input: $input) { plan { id } } }',
      {
        input: { country: 'TZ', title: 'Tanzania NPA', periodStart: '2025-01-01', periodEnd: '2029-12-31', defaultDeadline: '2029-12-31' },
      },
      admin,
    );
    const viewer = await api.graphql<{ viewer: { participantId: string } }>('{ viewer { participantId } }', {}, admin);
    realIds.push(plan.data!.draftPlan.plan.id, viewer.data!.viewer.participantId);
  });

  afterAll(async () => {
    await api?.stop();
    removeDir(dataDir);
  });

  const { mutations, inputs, enums } = schema();
  /** Ids of real things of every kind, to send where another kind is expected. */
  const realIds: string[] = [];

  it.each(mutations)('$name: arbitrary input never yields INTERNAL or a 5xx, and a refusal writes nothing', async ({ name, inputType }) => {
    const definition = inputs.get(inputType)!;
    await fc.assert(
      fc.asyncProperty(
        inputArbitrary(definition, inputs, enums, () => realIds),
        async (input) => {
          const before = await head();
          const res = await post(
            JSON.stringify({ query: `mutation ($input: ${inputType}!) { ${name}(input: $input) { __typename } }`, variables: { input } }),
          );
          expect(res.status).toBeLessThan(500);
          const body = (await res.json()) as GraphQLResponse<unknown>;
          const codes = (body.errors ?? []).map((e) => e.extensions?.code);
          expect(codes).not.toContain('INTERNAL');
          if (body.errors) expect(await head()).toBe(before);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('answers malformed JSON, an oversized body, batches, deep and costly queries with clear errors', async () => {
    const malformed = await post('{"query": "{ serverInfo { version } }"');
    expect(malformed.status).toBe(400);

    const oversized = await post(JSON.stringify({ query: '{ serverInfo { version } }', variables: { pad: 'x'.repeat(2_000_000) } }));
    expect(oversized.status).toBe(413);

    const batch = await post(JSON.stringify([{ query: '{ serverInfo { version } }' }, { query: '{ serverInfo { version } }' }]));
    expect(batch.status).toBe(400);

    const deep = await post(
      JSON.stringify({
        query:
          '{ plans { edges { node { commitments { edges { node { plan { commitments { edges { node { plan { title } } } } } } } } } } } }',
      }),
    );
    expect(deep.status).toBeLessThan(500);
    expect(((await deep.json()) as GraphQLResponse<unknown>).errors?.[0]?.message).toMatch(/depth/i);

    const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: plans { totalCount }`).join(' ');
    const costly = await post(JSON.stringify({ query: `{ ${aliases} }` }));
    expect(costly.status).toBeLessThan(500);
    const costlyBody = (await costly.json()) as GraphQLResponse<unknown>;
    expect(costlyBody.data).toBeUndefined();
    expect(costlyBody.errors?.[0]?.message).toMatch(/complex|cost/i);

    for (const res of [malformed, oversized, batch]) expect(res.headers.get('content-type') ?? '').toMatch(/json/);
    expect((await fetch(`${api.url}/health`)).status).toBe(200);
  });

  it('stores a GraphQL injection in a comment as plain text, and runs nothing of it', async () => {
    const ok = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
      const res = await api.graphql<T>(query, variables, admin);
      expect(res.errors).toBeUndefined();
      return res.data!;
    };
    const planId = (
      await ok<{ draftPlan: { plan: { id: string } } }>('mutation ($input: DraftPlanInput!) { draftPlan(input: $input) { plan { id } } }', {
        input: {
          country: 'ZA',
          title: 'South Africa NPA',
          periodStart: '2025-01-01',
          periodEnd: '2029-12-31',
          defaultDeadline: '2029-12-31',
        },
      })
    ).draftPlan.plan.id;
    await ok('mutation ($input: DefineThematicAreaInput!) { defineThematicArea(input: $input) { position } }', {
      input: { planId, code: 'PREV', title: 'Prevention' },
    });
    const ownerId = (
      await ok<{ registerStakeholder: { stakeholder: { id: string } } }>(
        'mutation ($input: RegisterStakeholderInput!) { registerStakeholder(input: $input) { stakeholder { id } } }',
        {
          input: { name: 'Department of Social Development', kind: 'GOVERNMENT', sector: 'social', country: 'ZA' },
        },
      )
    ).registerStakeholder.stakeholder.id;
    await ok('mutation ($input: AdmitStakeholderInput!) { admitStakeholder(input: $input) { position } }', {
      input: { planId, stakeholderId: ownerId },
    });
    const commitmentId = (
      await ok<{ makeCommitment: { commitment: { id: string } } }>(
        'mutation ($input: MakeCommitmentInput!) { makeCommitment(input: $input) { commitment { id } } }',
        {
          input: {
            planId,
            thematicAreaCode: 'PREV',
            ownerId,
            title: 'Helpline',
            description: 'Run a helpline',
            target: { indicator: 'calls answered', unit: 'calls', baseline: 0, targetValue: 1000 },
          },
        },
      )
    ).makeCommitment.commitment.id;
    const milestoneId = (
      await ok<{ scheduleMilestone: { itemId: string } }>(
        'mutation ($input: ScheduleMilestoneInput!) { scheduleMilestone(input: $input) { itemId } }',
        {
          input: { commitmentId, title: 'Helpline open', dueDate: '2026-06-30' },
        },
      )
    ).scheduleMilestone.itemId;
    const plans = async () => (await api.graphql<{ plans: { totalCount: number } }>('{ plans { totalCount } }')).data!.plans.totalCount;
    const before = await plans();
    const injection =
      '"}) { id } } mutation { draftPlan(input: {country: "XX", title: "Injected"}) { plan { id } } } # {{constructor.constructor}} <script>alert(1)</script>';
    const posted = await ok<{ postComment: { comment: { text: string } } }>(
      'mutation ($input: PostCommentInput!) { postComment(input: $input) { comment { text } } }',
      { input: { milestoneId, text: injection } },
    );
    expect(posted.postComment.comment.text).toBe(injection);
    const read = await ok<{ milestone: { comments: { edges: { node: { text: string } }[] } } }>(
      'query ($id: ID!) { milestone(id: $id) { comments { edges { node { text } } } } }',
      { id: milestoneId },
    );
    expect(read.milestone.comments.edges.map((e) => e.node.text)).toEqual([injection]);
    expect(await plans()).toBe(before);
    expect((await fetch(`${api.url}/health`)).status).toBe(200);
  });
});
