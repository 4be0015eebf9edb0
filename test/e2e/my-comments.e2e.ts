import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type RunningApi, removeDir, startApi, tempDataDir } from '../support/api-process.js';
import { tokenFor } from '../support/tokens.js';
import { actingAs } from '../support/acting-as.js';
import { until } from '../support/until.js';

const COLIBRI = 'demo-youth-1@panel.example';
const QUETZAL = 'demo-youth-4@panel.example';
const TUCAN = 'demo-youth-2@panel.example';
const ANONYMOUS = '';

const MINE = 'query { myComments { id text status hiddenReason mine milestone { id title commitment { id title plan { id title } } } } }';

interface Mine {
  myComments: {
    id: string;
    text: string;
    status: string;
    hiddenReason: string | null;
    mine: boolean;
    milestone: { id: string; title: string; commitment: { title: string; plan: { title: string } } | null } | null;
  }[];
}

describe('a participant follows their own comments, on the seeded demo', () => {
  let dataDir: string;
  let api: RunningApi;
  const token: Record<string, string> = {};
  const { ok } = actingAs(() => api, token);

  beforeAll(async () => {
    dataDir = tempDataDir('npa-e2e-my-comments-');
    api = await startApi({ dataDir, env: { SEED_DEMO: 'true' } });
    await until(
      () => api.graphql<{ plans: { totalCount: number } }>('{ plans { totalCount } }'),
      (res) => (res.data?.plans.totalCount ?? 0) >= 2,
      250,
    );
    for (const who of [COLIBRI, QUETZAL, TUCAN]) token[who] = await tokenFor(dataDir, who);
    // The demo's comments are seeded after its plans, the hidden one last.
    await until(
      () => api.graphql<Mine>(MINE, {}, token[QUETZAL]),
      (res) => res.data?.myComments.some((c) => c.status === 'HIDDEN') ?? false,
      250,
    );
  });

  afterAll(async () => {
    await api?.stop();
    removeDir(dataDir);
  });

  it('lists every comment of its author, newest first, in every state, with the milestone and commitment it is on', async () => {
    const colibri = (await ok<Mine>(COLIBRI, MINE)).myComments;
    expect(colibri.map((c) => c.status)).toEqual(['VISIBLE', 'PENDING']);
    expect(colibri.every((c) => c.mine)).toBe(true);
    expect(colibri[1]).toMatchObject({
      text: 'We made a poster for the hotel staff training. Can we show it?',
      milestone: {
        title: 'Staff of member hotels trained (criterion 2)',
        commitment: {
          title: "Members implement The Code's six criteria",
          plan: { title: 'Costa Rica: protecting children in travel and tourism 2010-2013' },
        },
      },
    });

    const quetzal = (await ok<Mine>(QUETZAL, MINE)).myComments;
    expect(quetzal).toHaveLength(1);
    expect(quetzal[0]!.status).toBe('HIDDEN');
    expect(quetzal[0]!.hiddenReason).toBeTruthy();

    expect((await ok<Mine>(ANONYMOUS, MINE)).myComments).toEqual([]);
  });

  it('says which comments of a discussion are the reader’s own', async () => {
    const milestoneId = (await ok<Mine>(COLIBRI, MINE)).myComments[0]!.milestone!.id;
    const read = (who: string) =>
      ok<{ milestone: { commitment: { title: string }; comments: { edges: { node: { author: string; mine: boolean } }[] } } }>(
        who,
        'query ($id: ID!) { milestone(id: $id) { commitment { title } comments { edges { node { author mine } } } } }',
        { id: milestoneId },
      );
    const byColibri = await read(COLIBRI);
    expect(byColibri.milestone.commitment.title).toBe("Members implement The Code's six criteria");
    expect(byColibri.milestone.comments.edges.map((e) => [e.node.author, e.node.mine])).toEqual([
      ['Colibrí', true],
      ['Colibrí', true],
      ['Tucán', false],
    ]);
    const byTucan = await read(TUCAN);
    expect(byTucan.milestone.comments.edges.map((e) => [e.node.author, e.node.mine])).toEqual([
      ['Colibrí', false],
      ['Tucán', true],
    ]);
    const anonymous = await read(ANONYMOUS);
    expect(anonymous.milestone.comments.edges.every((e) => !e.node.mine)).toBe(true);
  });
});
