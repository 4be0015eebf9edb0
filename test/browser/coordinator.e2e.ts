import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { type RunningApi } from '../support/api-process.js';
import { checkPage, eventually, openDemoApp, signedInPage, speak } from '../support/web-app.js';
import { tokenFor } from '../support/tokens.js';

const COSTA_RICA = 'Costa Rica: protecting children in travel and tourism 2010-2013';
const NETHERLANDS = 'Netherlands NPA 2009-2013: Europe and Central Asia regional targets';
const ICT_COMMITMENT = 'Fund and administer the national Code of Conduct';
const TRAINING = 'Staff of member hotels trained (criterion 2)';
const MEMBERS = "Members implement The Code's six criteria";
const DRAFT = 'Costa Rica: children in travel and tourism 2014-2017 (draft)';
const ADMIN = 'platform-admin@secretariat.example';
const SECRETARIAT = 'cr-planning@secretariat.example';

/** A plan coordinator's whole job in the app, on the seeded demo: set up and adopt a draft, activate, close, register and admit, moderate, close the plan. */
describe('a plan coordinator, in the app', () => {
  let dataDir: string;
  let api: RunningApi;
  let browser: Browser;
  let close: () => Promise<void>;
  let draftId: string;

  beforeAll(async () => {
    // An administrator (BOOTSTRAP_ADMIN) drafts the next Costa Rica plan and registers its coordinator.
    process.env['BOOTSTRAP_ADMIN'] = ADMIN;
    ({ dataDir, api, browser, close } = await openDemoApp('npa-browser-coordinator-'));
    delete process.env['BOOTSTRAP_ADMIN'];
    const admin = await tokenFor(dataDir, ADMIN);
    const drafted = await api.graphql<{ draftPlan: { plan: { id: string } } }>(
      'mutation ($input: DraftPlanInput!) { draftPlan(input: $input) { plan { id } } }',
      { input: { country: 'CR', title: DRAFT, periodStart: '2014-01-01', periodEnd: '2017-12-31', defaultDeadline: '2017-12-31' } },
      admin,
    );
    expect(drafted.errors).toBeUndefined();
    draftId = drafted.data!.draftPlan.plan.id;
    const registered = await api.graphql(
      'mutation ($input: RegisterParticipantInput!) { registerParticipant(input: $input) { version } }',
      { input: { subject: SECRETARIAT, displayName: 'Costa Rica planning secretariat', kind: 'ADULT' } },
      admin,
    );
    expect(registered.errors).toBeUndefined();
    const granted = await api.graphql(
      'mutation ($input: GrantRoleInput!) { grantRole(input: $input) { version } }',
      { input: { subject: SECRETARIAT, role: 'COORDINATOR', scope: draftId } },
      admin,
    );
    expect(granted.errors).toBeUndefined();
  });

  afterAll(() => close?.());

  it('activates the ICT commitment so its focal point can report, closes the ended period, admits a stakeholder and moderates, in English at 1280 px', async () => {
    const page = await signedInPage(browser, api, 'Costa Rica plan coordinator (COORDINATOR)', 1280);
    await page.getByRole('link', { name: 'My workspace' }).click();
    await page.getByRole('heading', { name: 'My workspace', level: 1 }).waitFor();
    const plan = page.getByRole('region', { name: COSTA_RICA });
    await plan.getByRole('link', { name: '1 proposed commitment to activate' }).waitFor();
    await plan.getByRole('link', { name: '1 ended period to close (2013)' }).waitFor();
    await plan.getByRole('link', { name: '2 comments to moderate' }).waitFor();
    await checkPage(page, 'coordinator-workspace');

    // The dashboard says what is missing, what is at risk and why, what "verified" counts, and each scorecard.
    await plan.getByRole('link', { name: '1 proposed commitment to activate' }).click();
    await page.getByRole('heading', { name: COSTA_RICA, level: 1 }).waitFor();
    const health = page.getByRole('region', { name: 'Health of the plan' });
    await health.getByText(/milestones? overdue/).waitFor();
    await health
      .getByRole('region', { name: 'Commitments at risk, and why' })
      .getByText(/expected \d+% by now/)
      .first()
      .waitFor();
    await health.getByText(/counts as independently verified when a monitor verified it/).waitFor();
    const scorecards = health.getByRole('region', { name: 'Scorecards of the stakeholders' });
    await scorecards.getByText('Costa Rican Chamber of Tourism (CANATUR)').waitFor();
    await scorecards
      .getByText(/2010: 1 of 1 on time/)
      .first()
      .waitFor();
    await checkPage(page, 'coordinator-dashboard');

    // Activate the focal point's proposed commitment.
    const jobs = page.getByRole('region', { name: 'Your jobs as coordinator' });
    const activate = jobs.getByRole('form', { name: `Activate ${ICT_COMMITMENT}` });
    await activate.getByRole('button', { name: 'Activate' }).click();
    await activate.getByText(`“${ICT_COMMITMENT}” is active: its owner can now report progress.`).waitFor();
    await activate.getByText('Active', { exact: true }).waitFor();
    await eventually(async () => expect(await activate.getByRole('button', { name: 'Activate' }).count()).toBe(0));

    // Close the period that has ended: the report CANATUR owes for it shows as missing.
    const missing = health.getByRole('region', { name: 'Missing reports' });
    await eventually(async () => expect(await missing.getByText(/^Period 2013/).count()).toBe(0));
    const close = jobs.getByRole('region', { name: 'Reporting periods to close' });
    await close.getByText(/^2013 \(ended 31 December 2013\)$/).waitFor();
    await close.getByLabel('Period', { exact: true }).selectOption('2013');
    await close.getByRole('button', { name: 'Close the period' }).click();
    await close.getByText('Period 2013 is closed.').waitFor();
    await close.getByText('No ended period waits to be closed.').waitFor();
    await missing.getByText('Period 2013, Costa Rican Chamber of Tourism (CANATUR):').waitFor();
    await missing.getByRole('link', { name: MEMBERS }).first().waitFor();

    // Admit a stakeholder: choosing none is refused at the field; then Interpol.
    const admit = jobs.getByRole('region', { name: 'Admit a stakeholder' });
    await admit.getByRole('button', { name: 'Admit' }).click();
    const choice = admit.getByLabel('Stakeholder', { exact: true });
    await eventually(async () => expect(await choice.getAttribute('aria-invalid')).toBe('true'));
    await eventually(async () =>
      expect(await page.locator(`#${await choice.getAttribute('aria-describedby')}`).innerText()).toBe('Choose a stakeholder to admit.'),
    );
    expect((await choice.locator('option').allInnerTexts()).some((label) => label.startsWith('Paniamor'))).toBe(false);
    await choice.selectOption({ label: 'Interpol (Law enforcement, FR)' });
    await admit.getByRole('button', { name: 'Admit' }).click();
    await admit.getByText('Interpol is admitted to the plan.').waitFor();
    await scorecards.getByText('Interpol').waitFor();
    await checkPage(page, 'coordinator-dashboard-done');

    // The ICT focal point can now report on it (what they do next, through the api).
    const commitmentId = (await activate.getByRole('link', { name: ICT_COMMITMENT }).getAttribute('href'))!.split('/').at(-1)!;
    const report = await api.graphql(
      'mutation ($input: ReportProgressInput!) { reportProgress(input: $input) { itemId } }',
      {
        input: {
          commitmentId,
          period: '2013',
          percentComplete: 10,
          narrative: 'Funding agreed for the year.',
          visibility: 'PUBLIC',
          evidenceType: 'SELF_REPORTED',
        },
      },
      await tokenFor(dataDir, 'demo-focal-ict@ict.example'),
    );
    expect(report.errors).toBeUndefined();

    // Moderate: each comment says where it was posted; hiding needs a reason, said at the field; each action is confirmed there.
    await jobs.getByRole('link', { name: 'Comments to moderate' }).click();
    await page.getByRole('heading', { name: 'Moderation', level: 1 }).waitFor();
    const poster = page.getByRole('listitem').filter({ hasText: 'We made a poster for the hotel staff training' });
    await poster.getByText(`On the milestone ${TRAINING} of the commitment ${MEMBERS}`).waitFor();
    const held = page.getByRole('listitem').filter({ hasText: 'Contracts without the clause should be named and shamed.' });
    await held.getByText('Flagged 3 times').waitFor();
    await held.getByText('Waiting for approval').waitFor();
    await checkPage(page, 'coordinator-moderation');
    await held.getByRole('button', { name: 'Hide' }).click();
    const reason = held.getByLabel('Reason for hiding');
    await eventually(async () => expect(await reason.getAttribute('aria-invalid')).toBe('true'));
    await eventually(async () =>
      expect(await page.locator(`#${await reason.getAttribute('aria-describedby')}`).innerText()).toBe('This field is required.'),
    );
    await reason.fill('Names no one, but invites naming businesses: off topic for the milestone.');
    await held.getByRole('button', { name: 'Hide' }).click();
    await held.getByText('Hidden: only its author and the coordinators see it, with your reason.').waitFor();
    await poster.getByRole('button', { name: 'Approve' }).click();
    await poster.getByText('Approved: everyone can read this comment now.').waitFor();
    await checkPage(page, 'coordinator-moderation-done');
    await page.getByRole('button', { name: 'Refresh the queue' }).click();
    await page.getByText('Nothing waits for moderation.').waitFor();
    await page.close();
  });

  it('reaches a draft plan from the workspace, defines its thematic area, adopts it, registers and admits a stakeholder, then closes it, in English at 1280 px', async () => {
    const page = await signedInPage(browser, api, 'Costa Rica planning secretariat (COORDINATOR)', 1280);
    const status = async () =>
      (await api.graphql<{ plan: { status: string } | null }>('query ($id: ID!) { plan(id: $id) { status } }', { id: draftId })).data?.plan
        ?.status ?? null;
    expect(await status()).toBeNull(); // a draft reads as absent to anyone but its coordinators and admins
    await page.getByRole('link', { name: 'My workspace' }).click();
    await page.getByRole('region', { name: DRAFT }).getByRole('link', { name: DRAFT }).click();
    await page.getByRole('heading', { name: DRAFT, level: 1 }).waitFor();
    await page.locator('#plan-meta').getByText('Draft', { exact: true }).waitFor();
    const jobs = page.getByRole('region', { name: 'Your jobs as coordinator' });

    // The plan cannot be adopted without a thematic area: the page says so before anything is tried.
    const adopt = jobs.getByRole('region', { name: 'Adopt the plan' });
    await adopt.getByText('A plan needs at least one thematic area before it can be adopted: define one below.').waitFor();
    await eventually(async () => expect(await adopt.getByRole('button', { name: 'Adopt the plan' }).count()).toBe(0));
    await checkPage(page, 'coordinator-draft');

    // Define a thematic area: an empty code is refused at the field, a malformed one too.
    const areas = jobs.getByRole('region', { name: 'Thematic areas' });
    await areas.getByText('The plan has no thematic area yet.').waitFor();
    await areas.getByLabel('Title of the area').fill('Prevention');
    await areas.getByRole('button', { name: 'Define the area' }).click();
    const code = areas.getByLabel('Code', { exact: true });
    await eventually(async () => expect(await code.getAttribute('aria-invalid')).toBe('true'));
    await eventually(async () =>
      expect(await page.locator(`#${await code.getAttribute('aria-describedby')}`).innerText()).toBe('This field is required.'),
    );
    await code.fill('two words');
    await areas.getByRole('button', { name: 'Define the area' }).click();
    await areas.getByText('Use 1 to 20 letters, digits, dots, dashes or underscores, starting with a letter or digit.').waitFor();
    await code.fill('PREV');
    await areas.getByRole('button', { name: 'Define the area' }).click();
    await areas.getByText('The thematic area PREV — Prevention is defined.').waitFor();
    await areas.getByRole('listitem').filter({ hasText: 'PREV — Prevention' }).waitFor();

    // Adopt it: everyone can read it now.
    await adopt.getByRole('button', { name: 'Adopt the plan' }).click();
    await adopt.getByText('The plan is adopted: everyone can read it now, and focal points can make commitments in it.').waitFor();
    await page.locator('#plan-meta').getByText('Adopted', { exact: true }).waitFor();
    await eventually(async () => expect(await status()).toBe('ADOPTED'));

    // Register an organisation (a wrong country code is refused at the field), then admit it.
    const register = jobs.getByRole('region', { name: 'Register a stakeholder' });
    await register.getByLabel('Name of the organisation').fill('Costa Rican Hotel Association');
    await register.getByLabel('Kind', { exact: true }).selectOption({ label: 'Private sector' });
    await register.getByLabel('Sector (tourism, ICT, justice…)').fill('tourism');
    const country = register.getByLabel('Country (two-letter code, such as CR)');
    await country.fill('C');
    await register.getByRole('button', { name: 'Register' }).click();
    await eventually(async () => expect(await country.getAttribute('aria-invalid')).toBe('true'));
    await register.getByText('Enter a two-letter country code, such as CR or NL.').waitFor();
    await country.fill('cr');
    await register.getByRole('button', { name: 'Register' }).click();
    await register.getByText('Costa Rican Hotel Association is registered: you can admit it to the plan now.').waitFor();
    const admit = jobs.getByRole('region', { name: 'Admit a stakeholder' });
    await admit.getByLabel('Stakeholder', { exact: true }).selectOption({ label: 'Costa Rican Hotel Association (Private sector, CR)' });
    await admit.getByRole('button', { name: 'Admit' }).click();
    await admit.getByText('Costa Rican Hotel Association is admitted to the plan.').waitFor();
    await page.getByRole('region', { name: 'Scorecards of the stakeholders' }).getByText('Costa Rican Hotel Association').waitFor();
    await checkPage(page, 'coordinator-draft-adopted');

    // Close it: only once the coordinator confirms that a closed plan accepts nothing more.
    const closing = jobs.getByRole('region', { name: 'Close the plan' });
    await closing.getByText(/^Close the plan when its cycle is over\. A closed plan accepts nothing more/).waitFor();
    await closing.getByLabel('Reason (optional, kept in the history)').fill('Replaced by the 2018 plan');
    await closing.getByRole('button', { name: 'Close the plan' }).click();
    const confirm = closing.getByLabel('I understand that a closed plan accepts nothing more');
    await eventually(async () => expect(await confirm.getAttribute('aria-invalid')).toBe('true'));
    await closing.getByText('Tick this box to confirm that the plan will accept nothing more.').waitFor();
    await eventually(async () => expect(await status()).toBe('ADOPTED'));
    await confirm.check();
    await closing.getByRole('button', { name: 'Close the plan' }).click();
    await closing.getByText('The plan is closed: it accepts nothing more.').waitFor();
    await page.locator('#plan-meta').getByText('Closed', { exact: true }).waitFor();
    await eventually(async () => expect(await jobs.getByRole('form').count()).toBe(0));
    await eventually(async () => expect(await status()).toBe('CLOSED'));
    await checkPage(page, 'coordinator-plan-closed');
    await page.reload();
    await jobs.getByText('The plan is closed: it accepts nothing more. Its figures, commitments and history stay readable.').waitFor();
    await page.close();
  });

  it('does the same jobs on the Netherlands plan in French on a 360-pixel phone', async () => {
    // A youth of the panel the Netherlands plan admitted posts a comment: it waits for the coordinator.
    const posted = await api.graphql<{ milestone: { id: string } | null }>(
      'query { plans(country: "NL") { edges { node { commitments(first: 10) { edges { node { milestones { id title } } } } } } } }',
    );
    const milestoneId = JSON.stringify(posted.data).match(/"id":"([^"]+)","title":"Monitoring report drafted"/)![1]!;
    const comment = await api.graphql(
      'mutation ($input: PostCommentInput!) { postComment(input: $input) { comment { status } } }',
      { input: { milestoneId, text: 'Le rapport devrait parler des jeunes en ligne.' } },
      await tokenFor(dataDir, 'demo-youth-3@panel.example'),
    );
    expect(comment.errors).toBeUndefined();

    const page = await signedInPage(browser, api, 'Netherlands plan coordinator (COORDINATOR)', 360);
    await speak(page, 'fr');
    await page.getByRole('link', { name: 'Mon espace' }).click();
    await page.getByRole('heading', { name: 'Mon espace', level: 1 }).waitFor();
    const plan = page.getByRole('region', { name: NETHERLANDS });
    await plan.getByRole('link', { name: '2 engagements proposés à activer' }).waitFor();
    await plan.getByRole('link', { name: '3 périodes terminées à clôturer (2011, 2012, 2013)' }).waitFor();
    await plan.getByRole('link', { name: '1 commentaire à modérer' }).waitFor();
    await checkPage(page, 'coordinator-workspace-fr-phone');

    await plan.getByRole('link', { name: NETHERLANDS }).click();
    await page.getByRole('heading', { name: NETHERLANDS, level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Bilans des parties prenantes' }).getByText('Government of the Netherlands').waitFor();
    const jobs = page.getByRole('region', { name: 'Vos tâches de coordination' });
    await jobs.getByRole('button', { name: 'Activer' }).first().waitFor();
    await checkPage(page, 'coordinator-dashboard-fr-phone');

    const research = jobs.getByRole('form', { name: 'Activer Research and assessment, including demand' });
    await research.getByRole('button', { name: 'Activer' }).click();
    await research
      .getByText('« Research and assessment, including demand » est actif : son titulaire peut maintenant déclarer son avancement.')
      .waitFor();

    const close = jobs.getByRole('region', { name: 'Périodes de rapport à clôturer' });
    await close.getByLabel('Période', { exact: true }).selectOption('2011');
    await close.getByRole('button', { name: 'Clôturer la période' }).click();
    await close.getByText('La période 2011 est clôturée.').waitFor();
    await eventually(async () =>
      expect(await close.getByLabel('Période', { exact: true }).locator('option').allInnerTexts()).toEqual(['2012', '2013']),
    );

    const areas = jobs.getByRole('region', { name: 'Domaines thématiques' });
    await areas.getByLabel('Code', { exact: true }).fill('ONLINE');
    await areas.getByLabel('Intitulé du domaine').fill('Exploitation en ligne');
    await areas.getByRole('button', { name: 'Définir le domaine' }).click();
    await areas.getByText('Le domaine thématique ONLINE — Exploitation en ligne est défini.').waitFor();
    await areas.getByLabel('Code', { exact: true }).fill('MANIF');
    await areas.getByLabel('Intitulé du domaine').fill('Doublon');
    await areas.getByRole('button', { name: 'Définir le domaine' }).click();
    await areas.getByText('Le plan a déjà un domaine thématique avec ce code.').waitFor();

    const register = jobs.getByRole('region', { name: 'Enregistrer une partie prenante' });
    await register.getByLabel("Nom de l'organisation").fill('Dutch Hotel Association (KHN)');
    await register.getByLabel('Type', { exact: true }).selectOption({ label: 'Secteur privé' });
    await register.getByLabel('Secteur (tourisme, TIC, justice…)').fill('tourisme');
    await register.getByRole('button', { name: 'Enregistrer' }).click();
    await register.getByText('Ce champ est obligatoire.').waitFor();
    await register.getByLabel('Pays (code à deux lettres, par exemple CR)').fill('NL');
    await register.getByRole('button', { name: 'Enregistrer' }).click();
    await register.getByText("Dutch Hotel Association (KHN) est enregistrée : vous pouvez maintenant l'admettre dans le plan.").waitFor();

    const admit = jobs.getByRole('region', { name: 'Admettre une partie prenante' });
    await admit.getByLabel('Partie prenante', { exact: true }).selectOption({ label: 'Paniamor (ONG, CR)' });
    await admit.getByRole('button', { name: 'Admettre' }).click();
    await admit.getByText('Paniamor est admise dans le plan.').waitFor();
    await admit.getByLabel('Partie prenante', { exact: true }).selectOption({ label: 'Dutch Hotel Association (KHN) (Secteur privé, NL)' });
    await admit.getByRole('button', { name: 'Admettre' }).click();
    await admit.getByText('Dutch Hotel Association (KHN) est admise dans le plan.').waitFor();
    await checkPage(page, 'coordinator-dashboard-fr-phone-done');

    await jobs.getByRole('link', { name: 'Commentaires à modérer' }).click();
    await page.getByRole('heading', { name: 'Modération', level: 1 }).waitFor();
    const queued = page.getByRole('listitem').filter({ hasText: 'Le rapport devrait parler des jeunes en ligne.' });
    await queued
      .getByText(
        "Sur le jalon Monitoring report drafted de l'engagement Monitor the situation of sexual exploitation of children and adolescents",
      )
      .waitFor();
    await checkPage(page, 'coordinator-moderation-fr-phone');
    await queued.getByRole('button', { name: 'Approuver' }).click();
    await queued.getByText('Approuvé : tout le monde peut maintenant lire ce commentaire.').waitFor();
    await checkPage(page, 'coordinator-moderation-fr-phone-done');

    // The cycle is over: the coordinator closes the plan, which then accepts nothing more (a comment is refused).
    await page.goBack();
    await page.getByRole('heading', { name: NETHERLANDS, level: 1 }).waitFor();
    const closing = page.getByRole('region', { name: 'Clôturer le plan' });
    await closing.getByText(/^Clôturez le plan quand son cycle est terminé\. Un plan clôturé n'accepte plus rien/).waitFor();
    await closing.getByLabel("Je comprends qu'un plan clôturé n'accepte plus rien").check();
    await closing.getByRole('button', { name: 'Clôturer le plan' }).click();
    await closing.getByText("Le plan est clôturé : il n'accepte plus rien.").waitFor();
    await page.locator('#plan-meta').getByText('Clos', { exact: true }).waitFor();
    await checkPage(page, 'coordinator-plan-closed-fr-phone');
    const refused = await api.graphql<unknown>(
      'mutation ($input: PostCommentInput!) { postComment(input: $input) { comment { status } } }',
      { input: { milestoneId, text: 'Encore un commentaire.' } },
      await tokenFor(dataDir, 'demo-youth-3@panel.example'),
    );
    expect(JSON.stringify(refused)).toContain('plan.closed');
    await page.close();
  });

  it('shows every page of the job in French on a desktop and in English on a phone, accessible and within the screen', async () => {
    for (const [width, language] of [
      [1280, 'fr'],
      [360, 'en'],
    ] as const) {
      const page = await signedInPage(browser, api, 'Costa Rica plan coordinator (COORDINATOR)', width);
      if (language === 'fr') await speak(page, 'fr');
      const name = `${language}-${width}`;
      await page.getByRole('link', { name: language === 'fr' ? 'Mon espace' : 'My workspace' }).click();
      await page.getByRole('region', { name: COSTA_RICA }).getByRole('link').nth(1).waitFor();
      await checkPage(page, `coordinator-workspace-${name}`);
      await page.getByRole('region', { name: COSTA_RICA }).getByRole('link', { name: COSTA_RICA }).click();
      await page
        .getByRole('region', { name: language === 'fr' ? 'Vos tâches de coordination' : 'Your jobs as coordinator' })
        .getByRole('link')
        .first()
        .waitFor();
      await page
        .getByRole('region', { name: language === 'fr' ? 'Bilans des parties prenantes' : 'Scorecards of the stakeholders' })
        .waitFor();
      await checkPage(page, `coordinator-dashboard-${name}`);
      await page.getByRole('link', { name: language === 'fr' ? 'Commentaires à modérer' : 'Comments to moderate' }).click();
      await page.getByRole('heading', { name: language === 'fr' ? 'Modération' : 'Moderation', level: 1 }).waitFor();
      await page.getByRole('button', { name: language === 'fr' ? 'Actualiser la file' : 'Refresh the queue' }).waitFor();
      await checkPage(page, `coordinator-moderation-${name}`);
      await page.close();
    }
  });
});
