import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { type RunningApi } from '../support/api-process.js';
import { checkPage, eventually, openDemoApp, signedInPage, speak } from '../support/web-app.js';
import { tokenFor } from '../support/tokens.js';

const TRAINING = 'Staff of member hotels trained (criterion 2)';
const MONITORING_DRAFT = 'Monitoring report drafted';

/** A youth participant's whole job in the app, on the seeded demo: comment, follow their comments, withdraw, flag. */
describe('a youth participant, in the app', () => {
  let dataDir: string;
  let api: RunningApi;
  let browser: Browser;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ dataDir, api, browser, close } = await openDemoApp('npa-browser-youth-'));
  });

  afterAll(() => close?.());

  it('follows their comments from the workspace, flags one, posts one and withdraws it, in English at 1280 px', async () => {
    const page = await signedInPage(browser, api, 'Colibrí (YOUTH)', 1280);
    await page.getByRole('link', { name: 'My workspace' }).click();
    await page.getByRole('heading', { name: 'My workspace', level: 1 }).waitFor();
    const mine = page.getByRole('region', { name: 'Your comments' });
    const poster = mine.getByRole('listitem').filter({ hasText: 'We made a poster for the hotel staff training' });
    await poster.getByText('Waiting for a moderator: only you and the coordinators see it').waitFor();
    const school = mine.getByRole('listitem').filter({ hasText: 'Our school would like to join the training.' });
    await school.getByText('Visible to everyone').waitFor();
    await school.getByText(`On the milestone ${TRAINING}`).waitFor();
    await eventually(async () => expect(await page.getByText('You have no role yet').count()).toBe(0));
    await checkPage(page, 'youth-workspace');

    // The discussion marks their own comments and offers to flag someone else's.
    await poster.getByRole('link', { name: TRAINING }).click();
    await page.getByRole('heading', { name: TRAINING, level: 1 }).waitFor();
    const tucan = page.getByRole('listitem').filter({ hasText: 'Young staff should be trained too' });
    const own = page.getByRole('listitem').filter({ hasText: 'Our school would like to join the training.' });
    await own.getByText('Your comment').waitFor();
    await eventually(async () => expect(await own.getByRole('button', { name: 'Flag for a coordinator' }).count()).toBe(0));
    await checkPage(page, 'youth-discussion');
    await tucan.getByRole('button', { name: 'Flag for a coordinator' }).click();
    await tucan.getByText('Thank you: a coordinator will look at this comment.').waitFor();

    // A new comment: an empty one is refused at the field, then it is posted, pending, and withdrawn.
    await page.getByRole('button', { name: 'Post' }).click();
    const text = page.getByLabel('Your comment');
    await eventually(async () => expect(await text.getAttribute('aria-invalid')).toBe('true'));
    await page.getByText('This field is required.').waitFor();
    await text.fill('Could the training include young staff from the kitchens?');
    await page.getByRole('button', { name: 'Post' }).click();
    await page.getByText('Thank you! Your comment is waiting for a moderator.').waitFor();
    const fresh = page.getByRole('listitem').filter({ hasText: 'Could the training include young staff from the kitchens?' });
    await fresh.getByText('Waiting for a moderator').waitFor();
    await checkPage(page, 'youth-discussion-posted');
    await fresh.getByRole('button', { name: 'Withdraw my comment' }).click();
    await fresh.getByText('Your comment is withdrawn: nobody else sees it any more.').waitFor();
    await fresh.getByText('Withdrawn by you').waitFor();

    // A coordinator hides one of their comments meanwhile: the workspace says so, with the reason.
    const hidden = await api.graphql<{ moderationQueue: { id: string; milestoneId: string; text: string }[] }>(
      'query ($plan: ID!) { moderationQueue(planId: $plan) { id milestoneId text } }',
      {
        plan: (await api.graphql<{ plans: { edges: { node: { id: string } }[] } }>('{ plans(country: "CR") { edges { node { id } } } }'))
          .data!.plans.edges[0]!.node.id,
      },
      await tokenFor(dataDir, 'demo-coordinator-cr@secretariat.example'),
    );
    const queued = hidden.data!.moderationQueue.find((c) => c.text.startsWith('We made a poster'))!;
    const hide = await api.graphql(
      'mutation ($input: HideCommentInput!) { hideComment(input: $input) { version } }',
      {
        input: {
          milestoneId: queued.milestoneId,
          commentId: queued.id,
          reason: 'Posters can show faces: send it to the panel coordinator instead.',
        },
      },
      await tokenFor(dataDir, 'demo-coordinator-cr@secretariat.example'),
    );
    expect(hide.errors).toBeUndefined();
    await page.getByRole('link', { name: 'My workspace' }).click();
    const hiddenItem = mine.getByRole('listitem').filter({ hasText: 'We made a poster for the hotel staff training' });
    await hiddenItem
      .getByText('Hidden by a coordinator — reason: Posters can show faces: send it to the panel coordinator instead.')
      .waitFor();
    await mine.getByRole('listitem').filter({ hasText: 'Could the training include young staff' }).getByText('Withdrawn by you').waitFor();
    await checkPage(page, 'youth-workspace-after');
    await page.close();
  });

  it('is not offered the comment form nor flagging on a plan their panel has not joined', async () => {
    const page = await signedInPage(browser, api, 'Ibis (YOUTH)', 1280);
    const milestones = await api.graphql<{
      plans: { edges: { node: { commitments: { edges: { node: { milestones: { id: string; title: string }[] } }[] } } }[] };
    }>('{ plans(country: "CR") { edges { node { commitments(first: 10) { edges { node { milestones { id title } } } } } } } }');
    const training = milestones
      .data!.plans.edges[0]!.node.commitments.edges.flatMap((e) => e.node.milestones)
      .find((m) => m.title === TRAINING)!;
    await page.goto(`${api.url}/milestones/${training.id}`);
    await page.getByRole('heading', { name: TRAINING, level: 1 }).waitFor();
    await page.getByText('Young staff should be trained too').waitFor();
    await page.getByText('Your youth panel has not joined this plan, so you cannot comment here.').waitFor();
    await eventually(async () => expect(await page.getByLabel('Your comment').count()).toBe(0));
    await eventually(async () => expect(await page.getByRole('button', { name: 'Flag for a coordinator' }).count()).toBe(0));
    await checkPage(page, 'youth-other-panel');
    await page.close();
  });

  it('does the same in French on a 360-pixel phone: sees a hidden comment with its reason, comments and withdraws', async () => {
    const page = await signedInPage(browser, api, 'Quetzal (YOUTH)', 360);
    await speak(page, 'fr');
    await page.getByRole('link', { name: 'Mon espace' }).click();
    await page.getByRole('heading', { name: 'Mon espace', level: 1 }).waitFor();
    const mine = page.getByRole('region', { name: 'Vos commentaires' });
    const snap = mine.getByRole('listitem').filter({ hasText: 'Add me on snap' });
    await snap.getByText(/^Masqué par un·e coordinateur·rice — motif : .+/).waitFor();
    await checkPage(page, 'youth-workspace-fr-phone');

    await snap.getByRole('link', { name: MONITORING_DRAFT }).click();
    await page.getByRole('heading', { name: MONITORING_DRAFT, level: 1 }).waitFor();
    await checkPage(page, 'youth-discussion-fr-phone');
    await page.getByLabel('Votre commentaire').fill('Le rapport pourrait écouter des jeunes de chaque province.');
    await page.getByRole('button', { name: 'Publier' }).click();
    await page.getByText('Merci ! Votre commentaire est publié.').waitFor();
    const fresh = page.getByRole('listitem').filter({ hasText: 'Le rapport pourrait écouter des jeunes' });
    await fresh.getByText('Visible par tout le monde').waitFor();
    await checkPage(page, 'youth-discussion-fr-phone-posted');
    await fresh.getByRole('button', { name: 'Retirer mon commentaire' }).click();
    await fresh.getByText("Votre commentaire est retiré : personne d'autre ne le voit plus.").waitFor();
    await fresh.getByText('Retiré par vous').waitFor();

    await page.getByRole('link', { name: 'Mon espace' }).click();
    await mine.getByRole('listitem').filter({ hasText: 'Le rapport pourrait écouter des jeunes' }).getByText('Retiré par vous').waitFor();
    await checkPage(page, 'youth-workspace-fr-phone-after');
    await page.close();
  });

  it('shows every page of the job in French on a desktop and in English on a phone, accessible and within the screen', async () => {
    for (const [width, language] of [
      [1280, 'fr'],
      [360, 'en'],
    ] as const) {
      const page = await signedInPage(browser, api, 'Tucán (YOUTH)', width);
      if (language === 'fr') await speak(page, 'fr');
      const name = `${language}-${width}`;
      await page.getByRole('link', { name: language === 'fr' ? 'Mon espace' : 'My workspace' }).click();
      const mine = page.getByRole('region', { name: language === 'fr' ? 'Vos commentaires' : 'Your comments' });
      const held = mine.getByRole('listitem').filter({ hasText: 'Contracts without the clause' });
      await held.getByText(language === 'fr' ? /^En attente d'un·e modérateur·rice/ : /^Waiting for a moderator/).waitFor();
      await checkPage(page, `youth-workspace-${name}`);
      await held.getByRole('link').first().click();
      await page.getByRole('heading', { name: 'Child-protection clause in supplier contracts (criterion 3)', level: 1 }).waitFor();
      await page.getByLabel(language === 'fr' ? 'Votre commentaire' : 'Your comment').waitFor();
      await checkPage(page, `youth-discussion-${name}`);
      await page.close();
    }
  });
});
