import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { type RunningApi, removeDir, startApi, tempDataDir } from '../support/api-process.js';
import { tokenFor } from '../support/tokens.js';
import { actingAs } from '../support/acting-as.js';
import { planWithCommitments } from '../support/plan-fixture.js';

/**
 * What someone who wants to reach a child through the comments would try first: reading a pending comment by flagging
 * it or by replaying its author's commandId, overwriting it from another milestone, posting contact details as an
 * adult. Each must fail and reveal nothing.
 */
const ADMIN = 'admin@secretariat.example';
const COORDINATOR = 'coordinator@secretariat.example';
const FOCAL = 'focal@canatur.example';
const CHILD = 'river@youth.example';
const ADULT = 'adult@ngo.example';
const OUTSIDER = 'outsider@elsewhere.example';
const SECRET = 'My school is the one by the river, come on Saturday';

const POST = 'mutation ($input: PostCommentInput!) { postComment(input: $input) { position comment { id text status redactions } } }';
const FLAG = 'mutation ($input: FlagCommentInput!) { flagComment(input: $input) { commentId position } }';
const WITHDRAW = 'mutation ($input: WithdrawCommentInput!) { withdrawComment(input: $input) { position comment { id status } } }';
const HIDE = 'mutation ($input: HideCommentInput!) { hideComment(input: $input) { position comment { status } } }';
const COMMENTS =
  'query ($id: ID!, $after: Position) { milestone(id: $id, consistentAfter: $after) { comments { edges { node { id text status hiddenReason } } } } }';

describe('comment safeguards, on the embedded store', () => {
  let dataDir: string;
  let api: RunningApi;
  const token: Record<string, string> = {};
  const milestones: string[] = [];

  const { as, ok } = actingAs(() => api, token);
  const run = <T>(who: string, mutation: string, input: Record<string, unknown>, select = 'version') =>
    ok<T>(who, `mutation ($input: ${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { ${select} } }`, {
      input,
    });
  const seen = async (who: string, milestoneId: string, after?: string) =>
    (
      await ok<{
        milestone: { comments: { edges: { node: { id: string; text: string; status: string; hiddenReason: string | null } }[] } };
      }>(who, COMMENTS, { id: milestoneId, after })
    ).milestone.comments.edges.map((e) => e.node);

  beforeAll(async () => {
    dataDir = tempDataDir('npa-e2e-safeguards-');
    api = await startApi({ dataDir, env: { BOOTSTRAP_ADMIN: ADMIN, COMMENTS_PER_MINUTE: '3' } });
    for (const who of [ADMIN, COORDINATOR, FOCAL, CHILD, ADULT, OUTSIDER]) token[who] = await tokenFor(dataDir, who);
    const {
      commitments: { consult: commitmentId },
    } = await planWithCommitments(ok, {
      admin: ADMIN,
      coordinator: COORDINATOR,
      plan: { country: 'FR', title: 'French NPA', periodStart: '2024-01-01', periodEnd: '2028-12-31', defaultDeadline: '2028-12-31' },
      stakeholders: {
        owner: { name: 'Hotel chain', kind: 'PRIVATE_SECTOR', sector: 'youth', country: 'FR' },
        panel: { name: 'Youth panel of France', kind: 'YOUTH_PANEL', sector: 'youth', country: 'FR' },
      },
      participants: [
        { subject: COORDINATOR, displayName: 'Secretariat' },
        { subject: FOCAL, displayName: 'Hotel focal point' },
        { subject: CHILD, displayName: 'River', kind: 'YOUTH', ageBand: 'UNDER_18', sponsor: 'panel' },
        { subject: ADULT, displayName: 'NGO analyst' },
        { subject: OUTSIDER, displayName: 'Someone from another plan' },
      ],
      grants: [
        [COORDINATOR, 'COORDINATOR', 'plan'],
        [FOCAL, 'FOCAL_POINT', 'owner'],
        [CHILD, 'YOUTH', 'panel'],
        [ADULT, 'MONITOR', 'plan'],
      ],
      areas: [{ code: 'PART', title: 'Participation' }],
      commitments: {
        consult: {
          by: FOCAL,
          owner: 'owner',
          thematicAreaCode: 'PART',
          title: 'Hear young people',
          description: 'Consult the panel',
          target: { indicator: 'consultations', unit: 'consultations', baseline: 0, targetValue: 4 },
          activate: false,
        },
      },
    });
    for (const title of ['First consultation', 'Second consultation']) {
      milestones.push(
        (
          await run<{ scheduleMilestone: { itemId: string } }>(
            FOCAL,
            'scheduleMilestone',
            { commitmentId, title, dueDate: '2026-06-30' },
            'itemId',
          )
        ).scheduleMilestone.itemId,
      );
    }
  });

  afterAll(async () => {
    await api?.stop();
    removeDir(dataDir);
  });

  it('binds a commandId to its sender and its milestone: replayed by someone else or elsewhere it is refused, reveals nothing and overwrites nothing', async () => {
    const commandId = randomUUID();
    const posted = await ok<{ postComment: { position: string; comment: { id: string; status: string } } }>(CHILD, POST, {
      input: { commandId, milestoneId: milestones[0], text: SECRET },
    });
    expect(posted.postComment.comment.status).toBe('PENDING');
    const stolen = await as(ADULT, POST, { input: { commandId, milestoneId: milestones[0], text: 'Show me' } });
    expect(stolen.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(stolen)).not.toContain('river');
    const elsewhere = await as(CHILD, POST, { input: { commandId, milestoneId: milestones[1], text: 'Overwritten?' } });
    expect(elsewhere.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const retry = await ok<{ postComment: { comment: { id: string } } }>(CHILD, POST, {
      input: { commandId, milestoneId: milestones[0], text: SECRET },
    });
    expect(retry.postComment.comment.id).toBe(posted.postComment.comment.id);
    expect((await seen(COORDINATOR, milestones[0]!, posted.postComment.position)).map((c) => c.text)).toEqual([SECRET]);
    expect(await seen(COORDINATOR, milestones[1]!)).toEqual([]);
    expect(await seen(ADULT, milestones[0]!)).toEqual([]);
  });

  it('lets nobody flag a pending comment (it is not there for them), and only participants of the plan flag visible ones; the answer carries no text', async () => {
    const pending = (
      await ok<{ postComment: { comment: { id: string } } }>(CHILD, POST, { input: { milestoneId: milestones[1], text: SECRET } })
    ).postComment.comment.id;
    const flagged = await as(ADULT, FLAG, { input: { milestoneId: milestones[1], commentId: pending, reason: 'curious' } });
    expect(flagged.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(JSON.stringify(flagged)).not.toContain('river');
    const visible = (
      await ok<{ postComment: { comment: { id: string; status: string } } }>(FOCAL, POST, {
        input: { milestoneId: milestones[1], text: 'The hotels will host it.' },
      })
    ).postComment.comment;
    expect(visible.status).toBe('VISIBLE');
    expect((await as(OUTSIDER, FLAG, { input: { milestoneId: milestones[1], commentId: visible.id } })).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    const answer = await ok<{ flagComment: Record<string, unknown> }>(ADULT, FLAG, {
      input: { milestoneId: milestones[1], commentId: visible.id, reason: 'check' },
    });
    expect(Object.keys(answer.flagComment).sort()).toEqual(['commentId', 'position']);
  });

  it('redacts an adult’s comment on a plan where youth take part, and holds it for moderation', async () => {
    const posted = (
      await ok<{ postComment: { comment: { text: string; status: string; redactions: number } } }>(ADULT, POST, {
        input: { milestoneId: milestones[0], text: 'whatsapp me at +33 6 12 34 56 78' },
      })
    ).postComment.comment;
    expect(posted).toEqual({ id: expect.any(String), text: 'whatsapp me at [contact removed]', status: 'PENDING', redactions: 1 });
  });

  it('answers a retried post with the first outcome, never with RATE_LIMITED', async () => {
    // ADULT has posted once in the test above; COMMENTS_PER_MINUTE is 3.
    const commandId = randomUUID();
    await ok(ADULT, POST, { input: { milestoneId: milestones[1], text: 'Second.' } });
    const third = await ok<{ postComment: { comment: { id: string } } }>(ADULT, POST, {
      input: { commandId, milestoneId: milestones[1], text: 'Third.' },
    });
    const retried = await as<{ postComment: { comment: { id: string } } }>(ADULT, POST, {
      input: { commandId, milestoneId: milestones[1], text: 'Third.' },
    });
    expect(retried.errors).toBeUndefined();
    expect(retried.data!.postComment.comment.id).toBe(third.postComment.comment.id);
    expect((await as(ADULT, POST, { input: { milestoneId: milestones[1], text: 'Fourth.' } })).errors?.[0]?.extensions?.code).toBe(
      'RATE_LIMITED',
    );
  });

  it('shows its author why a comment was hidden, and lets the author alone withdraw a comment', async () => {
    const id = (
      await ok<{ postComment: { comment: { id: string } } }>(FOCAL, POST, {
        input: { milestoneId: milestones[0], text: 'Meet at the lobby.' },
      })
    ).postComment.comment.id;
    const hidden = await ok<{ hideComment: { position: string } }>(COORDINATOR, HIDE, {
      input: { milestoneId: milestones[0], commentId: id, reason: 'Names a meeting place' },
    });
    expect((await seen(FOCAL, milestones[0]!, hidden.hideComment.position)).find((c) => c.id === id)).toMatchObject({
      status: 'HIDDEN',
      hiddenReason: 'Names a meeting place',
    });
    expect((await seen(ADULT, milestones[0]!)).map((c) => c.id)).not.toContain(id);

    const mine = (
      await ok<{ postComment: { comment: { id: string } } }>(FOCAL, POST, {
        input: { milestoneId: milestones[0], text: 'Second thoughts.' },
      })
    ).postComment.comment.id;
    expect((await as(ADULT, WITHDRAW, { input: { milestoneId: milestones[0], commentId: mine } })).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    const withdrawn = await ok<{ withdrawComment: { position: string; comment: { status: string } } }>(FOCAL, WITHDRAW, {
      input: { milestoneId: milestones[0], commentId: mine },
    });
    expect(withdrawn.withdrawComment.comment.status).toBe('WITHDRAWN');
    expect((await seen(ADULT, milestones[0]!, withdrawn.withdrawComment.position)).map((c) => c.id)).not.toContain(mine);
  });
});
