import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type RunningApi, removeDir, startApi, tempDataDir } from '../support/api-process.js';
import { embeddedBackend, eventStoreDbBackend } from '../support/event-store-backends.js';
import { tokenFor } from '../support/tokens.js';
import { actingAs } from '../support/acting-as.js';
import { planWithCommitments } from '../support/plan-fixture.js';

const ADMIN = 'admin@secretariat.example';
const COORDINATOR = 'coordinator@secretariat.example';
const FOCAL = 'focal@canatur.example';
const YOUTH = 'river@youth.example';
const OTHER_YOUTH = 'sky@youth.example';
const ADULTS = ['a@ngo.example', 'b@ngo.example', 'c@ngo.example'];
const ANONYMOUS = '';

const POST =
  'mutation ($input: PostCommentInput!) { postComment(input: $input) { version position comment { id author text redactions status } } }';
const COMMENTS =
  'query ($id: ID!, $after: Position) { milestone(id: $id, consistentAfter: $after) { title comments { totalCount edges { node { id author text status } } } } }';

describe.each([
  ['the embedded store', embeddedBackend],
  ['the EventStoreDB test server', eventStoreDbBackend()],
])('youth comments on a milestone, on %s', (_name, backend) => {
  let dataDir: string;
  let api: RunningApi;
  const token: Record<string, string> = {};
  let planId = '';
  let milestoneId = '';

  const { as, ok } = actingAs(() => api, token);
  beforeAll(async () => {
    dataDir = tempDataDir('npa-e2e-comments-');
    const storeEnv = await backend.start();
    api = await startApi({ dataDir, env: { BOOTSTRAP_ADMIN: ADMIN, COMMENTS_PER_MINUTE: '3', ...storeEnv } });
    for (const who of [ADMIN, COORDINATOR, FOCAL, YOUTH, OTHER_YOUTH, ...ADULTS]) token[who] = await tokenFor(dataDir, who);
    const {
      planId: drafted,
      stakeholders: { owner, panel },
      commitments: { consult: commitmentId },
    } = await planWithCommitments(ok, {
      admin: ADMIN,
      coordinator: COORDINATOR,
      plan: { country: 'CR', title: 'Costa Rica NPA', periodStart: '2024-01-01', periodEnd: '2028-12-31', defaultDeadline: '2028-12-31' },
      stakeholders: {
        owner: { name: 'CANATUR', kind: 'PRIVATE_SECTOR', sector: 'youth', country: 'CR' },
        panel: { name: 'Youth panel of Costa Rica', kind: 'YOUTH_PANEL', sector: 'youth', country: 'CR' },
      },
      participants: [
        { subject: COORDINATOR, displayName: 'Secretariat' },
        { subject: FOCAL, displayName: 'CANATUR focal point' },
        { subject: YOUTH, displayName: 'River', kind: 'YOUTH', ageBand: 'UNDER_18', sponsor: 'panel' },
        { subject: OTHER_YOUTH, displayName: 'Sky', kind: 'YOUTH', ageBand: 'AGE_18_24', sponsor: 'panel' },
        ...ADULTS.map((subject, n) => ({ subject, displayName: `Adult ${n}` })),
      ],
      grants: [
        // The adults take part in the plan (monitors of it): participants of a plan flag its comments.
        ...ADULTS.map((subject) => [subject, 'MONITOR', 'plan'] as const),
        [COORDINATOR, 'COORDINATOR', 'plan'],
        [FOCAL, 'FOCAL_POINT', 'owner'],
        [YOUTH, 'YOUTH', 'panel'],
        [OTHER_YOUTH, 'YOUTH', 'panel'],
      ],
      areas: [{ code: 'PART', title: 'Child and youth participation' }],
      admit: ['owner'],
      commitments: {
        consult: {
          by: FOCAL,
          owner: 'owner',
          thematicAreaCode: 'PART',
          title: 'Hear young people on hotel policies',
          description: 'Consult the youth panel',
          target: { indicator: 'consultations held', unit: 'consultations', baseline: 0, targetValue: 4 },
          activate: false,
        },
      },
    });
    planId = drafted;
    // Only a youth panel sponsors youth.
    const badSponsor = await as(ADMIN, 'mutation ($input: RegisterParticipantInput!) { registerParticipant(input: $input) { version } }', {
      input: { subject: 'x@youth.example', displayName: 'X', kind: 'YOUTH', sponsorStakeholderId: owner },
    });
    expect(badSponsor.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    milestoneId = (
      await ok<{ scheduleMilestone: { itemId: string } }>(
        FOCAL,
        'mutation ($input: ScheduleMilestoneInput!) { scheduleMilestone(input: $input) { itemId } }',
        {
          input: { commitmentId, title: 'First consultation held', dueDate: '2025-06-30' },
        },
      )
    ).scheduleMilestone.itemId;
    // The youth panel has not joined the plan yet: youth may not comment.
    expect((await as(YOUTH, POST, { input: { milestoneId, text: 'Hello' } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await ok(COORDINATOR, 'mutation ($input: AdmitStakeholderInput!) { admitStakeholder(input: $input) { version } }', {
      input: { planId, stakeholderId: panel },
    });
  });

  afterAll(async () => {
    await api?.stop();
    await backend.stop();
    removeDir(dataDir);
  });

  it('redacts a phone number before it is recorded, holds the under-18 comment until a coordinator approves it, then shows it under the pseudonym', async () => {
    const posted = await ok<{
      postComment: { position: string; comment: { id: string; author: string; text: string; redactions: number; status: string } };
    }>(YOUTH, POST, {
      input: { milestoneId, text: 'Our school can help! Text me on +506 8888 7777.' },
    });
    const comment = posted.postComment.comment;
    expect(comment).toMatchObject({
      author: 'River',
      text: 'Our school can help! Text me on [contact removed].',
      redactions: 1,
      status: 'PENDING',
    });

    const stored = backend.recorded(dataDir, 'CommentPosted');
    expect(stored).toHaveLength(1);
    // The recorded text, not the whole event: its random ids may hold "7777" too.
    const recordedText = (JSON.parse(stored[0]!) as { text: string }).text;
    expect(recordedText).not.toMatch(/8888|7777/);
    expect(recordedText).toContain('[contact removed]');

    const seen = async (who: string) =>
      (
        await ok<{ milestone: { comments: { edges: { node: { id: string } }[] } } }>(who, COMMENTS, {
          id: milestoneId,
          after: posted.postComment.position,
        })
      ).milestone.comments.edges.map((e) => e.node.id);
    expect(await seen(ANONYMOUS)).toEqual([]);
    expect(await seen(OTHER_YOUTH)).toEqual([]);
    expect(await seen(YOUTH)).toEqual([comment.id]);
    expect(await seen(COORDINATOR)).toEqual([comment.id]);
    const queue = await ok<{ moderationQueue: { id: string; status: string }[] }>(
      COORDINATOR,
      'query ($plan: ID!) { moderationQueue(planId: $plan) { id status } }',
      { plan: planId },
    );
    expect(queue.moderationQueue).toEqual([{ id: comment.id, status: 'PENDING' }]);
    expect(
      (await as(FOCAL, 'query ($plan: ID!) { moderationQueue(planId: $plan) { id } }', { plan: planId })).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');

    expect(
      (
        await as(FOCAL, 'mutation ($input: ApproveCommentInput!) { approveComment(input: $input) { version } }', {
          input: { milestoneId, commentId: comment.id },
        })
      ).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    const approved = await ok<{ approveComment: { position: string; comment: { status: string } } }>(
      COORDINATOR,
      'mutation ($input: ApproveCommentInput!) { approveComment(input: $input) { position comment { status } } }',
      { input: { milestoneId, commentId: comment.id } },
    );
    expect(approved.approveComment.comment.status).toBe('VISIBLE');
    const publicView = await ok<{ milestone: { comments: { edges: { node: { author: string; text: string } }[] } } }>(ANONYMOUS, COMMENTS, {
      id: milestoneId,
    });
    expect(publicView.milestone.comments.edges.map((e) => e.node)).toEqual([
      { id: comment.id, author: 'River', text: 'Our school can help! Text me on [contact removed].', status: 'VISIBLE' },
    ]);
  });

  it('holds a comment for review after three flags from different participants, and lets a coordinator hide it with a reason', async () => {
    const posted = await ok<{ postComment: { comment: { id: string; status: string } } }>(OTHER_YOUTH, POST, {
      input: { milestoneId, text: 'Visible at once: I am 19.' },
    });
    expect(posted.postComment.comment.status).toBe('VISIBLE');
    const commentId = posted.postComment.comment.id;
    const flag = (who: string) =>
      as<{ flagComment: { commentId: string; position: string } }>(
        who,
        'mutation ($input: FlagCommentInput!) { flagComment(input: $input) { commentId position } }',
        { input: { milestoneId, commentId, reason: 'off topic' } },
      );
    const asModerator = async (after: string) =>
      (
        await ok<{ milestone: { comments: { edges: { node: { id: string; status: string; flags: number } }[] } } }>(
          COORDINATOR,
          'query ($id: ID!, $after: Position) { milestone(id: $id, consistentAfter: $after) { comments { edges { node { id status flags } } } } }',
          { id: milestoneId, after },
        )
      ).milestone.comments.edges
        .map((e) => e.node)
        .find((node) => node.id === commentId);
    const first = await flag(ADULTS[0]!);
    expect(first.data?.flagComment.commentId).toBe(commentId);
    expect(await asModerator(first.data!.flagComment.position)).toEqual({ id: commentId, status: 'VISIBLE', flags: 1 });
    expect((await flag(ADULTS[0]!)).errors?.[0]?.extensions?.code).toBe('RULE_VIOLATION');
    await flag(ADULTS[1]!);
    const third = await flag(ADULTS[2]!);
    expect(await asModerator(third.data!.flagComment.position)).toEqual({ id: commentId, status: 'PENDING', flags: 3 });
    expect(
      (
        await as(ANONYMOUS, 'mutation ($input: FlagCommentInput!) { flagComment(input: $input) { version } }', {
          input: { milestoneId, commentId: posted.postComment.comment.id },
        })
      ).errors?.[0]?.extensions?.code,
    ).toBe('UNAUTHENTICATED');
    const hide = 'mutation ($input: HideCommentInput!) { hideComment(input: $input) { comment { status } } }';
    expect(
      (await as(YOUTH, hide, { input: { milestoneId, commentId: posted.postComment.comment.id, reason: 'not mine to hide' } })).errors?.[0]
        ?.extensions?.code,
    ).toBe('FORBIDDEN');
    token['unregistered@example.org'] = await tokenFor(dataDir, 'unregistered@example.org');
    expect((await as('unregistered@example.org', POST, { input: { milestoneId, text: 'Hello' } })).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect(
      (await as(COORDINATOR, hide, { input: { milestoneId, commentId: posted.postComment.comment.id, reason: '' } })).errors?.[0]
        ?.extensions?.code,
    ).toBe('BAD_USER_INPUT');
    expect(
      (
        await ok<{ hideComment: { comment: { status: string } } }>(COORDINATOR, hide, {
          input: { milestoneId, commentId: posted.postComment.comment.id, reason: 'Off topic, reviewed' },
        })
      ).hideComment.comment.status,
    ).toBe('HIDDEN');
  });

  it('limits how fast one participant posts, with RATE_LIMITED', async () => {
    const codes: (string | undefined)[] = [];
    for (let n = 0; n < 4; n++)
      codes.push((await as(ADULTS[1]!, POST, { input: { milestoneId, text: `Comment ${n}` } })).errors?.[0]?.extensions?.code);
    expect(codes).toEqual([undefined, undefined, undefined, 'RATE_LIMITED']);
    expect((await as(ADULTS[1]!, POST, { input: { milestoneId, text: '' } })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
