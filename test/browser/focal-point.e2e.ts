import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { type RunningApi } from '../support/api-process.js';
import { checkPage, commitmentId, eventually, openDemoApp, signedInPage } from '../support/web-app.js';
import { tokenFor } from '../support/tokens.js';
import { until } from '../support/until.js';

const THE_CODE = "Members implement The Code's six criteria";
const CLAUSE = 'Child-protection clause in supplier contracts (criterion 3)';
const ICT = 'Fund and administer the national Code of Conduct';
const COSTA_RICA = 'Costa Rica: protecting children in travel and tourism 2010-2013';
const HOTEL_TRAINING = 'Train the staff of hotels in Guanacaste';
const TAXI = 'Brief taxi drivers at the airports';

/** A stakeholder's focal point makes commitments on the plan's dashboard and does their whole job on the commitment page, in English on a desktop and in French on a phone. */
describe("a focal point's job on the commitment page", () => {
  let dataDir: string;
  let api: RunningApi;
  let browser: Browser;
  let close: () => Promise<void>;
  let theCode: string;

  beforeAll(async () => {
    ({ dataDir, api, browser, close } = await openDemoApp('npa-focal-point-'));
    // The owner's part, before the story: ICT co-owns The Code, so its focal point may report progress on it.
    theCode = await commitmentId(api, THE_CODE);
    const stakeholders = await api.graphql<{ stakeholders: { edges: { node: { id: string; name: string } }[] } }>(
      '{ stakeholders(first: 20) { edges { node { id name } } } }',
    );
    const ict = stakeholders.data!.stakeholders.edges.find((edge) => edge.node.name.startsWith('Instituto Costarricense'))!.node.id;
    const revised = await api.graphql(
      'mutation ($input: ReviseCommitmentInput!) { reviseCommitment(input: $input) { version } }',
      { input: { commitmentId: theCode, reason: 'ICT funds the code with the chamber', coOwnerIds: [ict] } },
      await tokenFor(dataDir, 'demo-focal-canatur@canatur.example'),
    );
    expect(revised.errors).toBeUndefined();
  });

  afterAll(() => close?.());

  it('hears of their overdue deadlines: the bell counts them, the inbox lists them with links, and marks them read (English, 1280 px; French, 360 px)', async () => {
    // The api's reminder pass runs once the demo is seeded.
    const token = await tokenFor(dataDir, 'demo-focal-canatur@canatur.example');
    const { data } = await until(
      () => api.graphql<{ notifications: { unreadCount: number } }>('{ notifications(first: 1) { unreadCount } }', {}, token),
      (res) => (res.data?.notifications.unreadCount ?? 0) > 0,
      250,
    );
    const unread = data!.notifications.unreadCount;

    const phone = await signedInPage(browser, api, 'CANATUR focal point (FOCAL_POINT)', 360, 'fr');
    await phone.getByRole('link', { name: `Notifications ${unread} non ${unread === 1 ? 'lue' : 'lues'}` }).click();
    await phone.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await phone.getByRole('listitem').filter({ hasText: 'En retard' }).first().waitFor();
    await checkPage(phone, 'notifications-focal-point-fr-360');
    await phone.close();

    const page = await signedInPage(browser, api, 'CANATUR focal point (FOCAL_POINT)', 1280);
    await page.getByRole('link', { name: `Notifications ${unread} unread` }).click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    const overdue = page.getByRole('listitem').filter({ hasText: 'Overdue' });
    await overdue.first().waitFor();
    expect(await page.getByRole('listitem').filter({ hasText: 'Unread' }).count()).toBe(Math.min(unread, 50));
    await checkPage(page, 'notifications-focal-point-en-1280');
    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await page.getByText(unread === 1 ? '1 notification marked as read.' : `${unread} notifications marked as read.`).waitFor();
    // The bell has nothing more to count; each notification leads to its commitment.
    await page.getByRole('link', { name: 'Notifications', exact: true }).waitFor();
    expect(await page.getByRole('listitem').filter({ hasText: 'Unread' }).count()).toBe(0);
    await overdue.first().getByRole('link').click();
    await page.getByRole('heading', { level: 1 }).filter({ hasNotText: 'Notifications' }).waitFor();
    expect(page.url()).toMatch(/\/commitments\/[0-9a-f-]{36}$/);
    await page.close();
  });

  it('reports for a period the plan accepts, corrects it, runs tasks and milestones and revises and completes the commitment (English, 1280 px)', async () => {
    const page: Page = await signedInPage(browser, api, 'CANATUR focal point (FOCAL_POINT)', 1280);
    try {
      await page.getByRole('link', { name: 'My workspace' }).click();
      await page.getByRole('link', { name: THE_CODE }).first().click();
      await page.getByRole('heading', { name: THE_CODE, level: 1 }).waitFor();
      // Why it is at risk, the period that owed a report and got none, what counts as independently verified.
      await page.getByText('At risk.').waitFor();
      await page.getByText(/the latest report says 45%/).waitFor();
      const progress = page.getByRole('region', { name: 'Progress by reporting period' });
      await progress.getByRole('heading', { name: '2012 Missing', level: 3 }).waitFor();
      await progress.getByText('The period 2012 is closed and the commitment owed a report for it, but none came.').waitFor();
      await progress.getByText('2 of 2 standing reports count as independently verified', { exact: false }).waitFor();
      await checkPage(page, 'focal-point-commitment');

      // The form starts on a period the plan accepts (not the current year), and explains the periods.
      const report = page.getByRole('form', { name: 'Report progress' });
      const period = report.getByLabel('Reporting period');
      await eventually(async () => expect(await period.inputValue()).toBe('2013'));
      await eventually(async () =>
        expect(await period.locator('option').allInnerTexts()).toEqual([
          '2010 (has a report: you will correct it)',
          '2011 (has a report: you will correct it)',
          '2012 (closed: the report will be late)',
          '2013',
        ]),
      );
      // Nothing is sent without a narrative: the message sits next to the field.
      await report.getByLabel('Percent complete').fill('85');
      await report.getByRole('button', { name: 'Send the report' }).click();
      const narrative = report.getByLabel('Narrative', { exact: true });
      await eventually(async () => expect(await narrative.getAttribute('aria-invalid')).toBe('true'));
      await eventually(async () =>
        expect(await page.locator(`#${await narrative.getAttribute('aria-describedby')}`).innerText()).toBe('This field is required.'),
      );
      await narrative.fill('Five criteria in place; the contract clause is in most supplier contracts.');
      await report.getByLabel(/Indicator value/).fill('5');
      await report.getByLabel('Evidence type').selectOption('INSPECTION');
      await report.getByLabel('Evidence links (one per line)').fill('https://example.org/inspection-2013');
      await report.getByRole('button', { name: 'Send the report' }).click();
      await report.getByText('Your report is recorded.').waitFor();
      const item2013 = progress.locator('li.report').filter({ hasText: 'Five criteria in place' });
      await item2013.getByText('Yes: its evidence is independent, and no monitor disputed it.').waitFor();
      await item2013.getByRole('link', { name: 'https://example.org/inspection-2013' }).waitFor();
      await page.getByText('Not at risk', { exact: false }).waitFor();

      // Correct the 2013 report from the list: the form moves to 2013 and sends a correction.
      await item2013.getByRole('button', { name: 'Correct the report for 2013' }).click();
      await eventually(async () => expect(await period.inputValue()).toBe('2013'));
      await report.getByText('2013 already has a report: what you send corrects it', { exact: false }).waitFor();
      await report.getByLabel('Percent complete').fill('90');
      await narrative.fill('Corrected: five criteria in place in every member hotel.');
      await report.getByRole('button', { name: 'Send the correction' }).click();
      await report.getByText('Your correction for 2013 is recorded.').waitFor();
      await progress
        .locator('li.report')
        .filter({ hasText: 'Corrected: five criteria' })
        .getByText('corrects an earlier report', { exact: false })
        .waitFor();
      await progress
        .locator('li.report')
        .filter({ hasText: 'Five criteria in place;' })
        .getByText('No longer counted: a later report corrects it.')
        .waitFor();

      // Tasks: an empty date is never sent; add, assign, complete, reopen.
      const addTask = page.getByRole('form', { name: 'Add a task' });
      await addTask.getByLabel('Task').fill('Audit supplier contracts');
      await addTask.getByRole('button', { name: 'Add' }).click();
      const due = addTask.getByLabel('Due date');
      await eventually(async () => expect(await due.getAttribute('aria-invalid')).toBe('true'));
      await addTask.getByText('This field is required.').waitFor();
      await due.fill('2013-10-31');
      await addTask.getByRole('button', { name: 'Add' }).click();
      await addTask.getByText('The task is added.').waitFor();
      const tasks = page.getByRole('region', { name: 'Tasks' });
      await tasks.getByRole('list').first().getByRole('listitem').filter({ hasText: 'Audit supplier contracts' }).waitFor();
      const assign = page.getByRole('form', { name: 'Assign a task' });
      await assign.getByLabel('Task').selectOption({ label: 'Audit supplier contracts' });
      await assign.getByLabel('Assign to').selectOption({ label: 'Paniamor' });
      await assign.getByRole('button', { name: 'Assign' }).click();
      await assign.getByText('The task is assigned.').waitFor();
      await tasks
        .getByRole('list')
        .first()
        .getByRole('listitem')
        .filter({ hasText: 'Audit supplier contracts' })
        .getByText('assigned to Paniamor', { exact: false })
        .waitFor();
      await page.getByRole('button', { name: 'Mark “Audit supplier contracts” done' }).click();
      await page.getByText('The task is marked done.').waitFor();
      const reopenTask = page.getByRole('form', { name: 'Reopen a task' });
      await reopenTask.getByLabel('Task').selectOption({ label: 'Audit supplier contracts' });
      await reopenTask.getByLabel('Reason (kept in the history)').fill('Two contracts were missed');
      await reopenTask.getByRole('button', { name: 'Reopen' }).click();
      await reopenTask.getByText('It is open again.').waitFor();

      // Milestones: reschedule with a reason, complete, reopen.
      const reschedule = page.getByRole('form', { name: 'Reschedule a milestone' });
      await reschedule.getByLabel('Milestone').selectOption({ label: CLAUSE });
      await reschedule.getByLabel('New due date').fill('2013-06-30');
      await reschedule.getByLabel('Reason (kept in the history)').fill('Suppliers asked for a transition period');
      await reschedule.getByRole('button', { name: 'Reschedule' }).click();
      await reschedule.getByText('The milestone is rescheduled.').waitFor();
      // The page is read again after the move: marking it done before would send the version read before it (a CONFLICT).
      const milestones = page.getByRole('region', { name: 'Milestones' });
      await milestones
        .getByRole('list')
        .first()
        .getByRole('listitem')
        .filter({ hasText: CLAUSE })
        .filter({ hasText: 'due 30 June 2013' })
        .waitFor();
      await page.getByRole('button', { name: `Mark “${CLAUSE}” done` }).click();
      await page.getByText('The milestone is marked done.').waitFor();
      const reopenMilestone = page.getByRole('form', { name: 'Reopen a milestone' });
      await reopenMilestone.getByLabel('Milestone').selectOption({ label: CLAUSE });
      await reopenMilestone.getByLabel('Reason (kept in the history)').fill('Inspection found the clause missing again');
      await reopenMilestone.getByRole('button', { name: 'Reopen' }).click();
      await reopenMilestone.getByText('It is open again.').waitFor();

      // Someone else changes the commitment meanwhile: the stale form says so and offers to reload.
      const id = page.url().split('/').at(-1)!;
      const other = await api.graphql(
        'mutation ($input: AddTaskInput!) { addTask(input: $input) { itemId } }',
        { input: { commitmentId: id, title: 'Brief new members', dueDate: '2013-09-30' } },
        await tokenFor(dataDir, 'demo-focal-canatur@canatur.example'),
      );
      expect(other.errors).toBeUndefined();
      const revise = page.getByRole('form', { name: 'Revise the commitment' });
      await revise.getByLabel('Due date of the commitment').fill('2013-11-30');
      await revise.getByLabel('Reason (kept in the history)').fill('The chamber board set an earlier date');
      await revise.getByRole('button', { name: 'Revise' }).click();
      await revise.getByText('Someone else changed this while you were working', { exact: false }).waitFor();
      await revise.getByRole('button', { name: 'Reload' }).click();
      await page.getByRole('button', { name: 'Mark “Brief new members” done' }).waitFor();
      await revise.getByRole('button', { name: 'Revise' }).click();
      await revise.getByText('The commitment is revised.').waitFor();

      // The audit trail reads as sentences.
      const trail = page.getByRole('region', { name: 'Audit trail' });
      await trail
        .getByText(`CANATUR focal point moved “${CLAUSE}” from 31 December 2012 to 30 June 2013: Suppliers asked for a transition period`)
        .waitFor();
      await trail
        .getByText(
          'CANATUR focal point revised the commitment: due date from 31 December 2013 to 30 November 2013: The chamber board set an earlier date',
        )
        .waitFor();
      await trail.getByText('CANATUR focal point assigned the task “Audit supplier contracts” to Paniamor.').waitFor();
      expect(await trail.innerText()).not.toMatch(/MilestoneRescheduled|ProgressReported|CommitmentRevised/);
      await checkPage(page, 'focal-point-after-work');

      const complete = page.getByRole('form', { name: 'Complete the commitment' });
      await complete.getByRole('button', { name: 'Mark the commitment complete' }).click();
      await page
        .getByRole('region', { name: 'Audit trail' })
        .getByText(/CANATUR focal point marked the commitment complete on/)
        .waitFor();
      await page.getByRole('form', { name: 'Schedule a milestone' }).waitFor({ state: 'detached' });
      // The page has read the commitment again: the forms went with it closed, and the confirmation stayed.
      expect(await page.getByRole('status').filter({ hasText: 'The commitment is completed.' }).isVisible()).toBe(true);
      await checkPage(page, 'focal-point-completed');
      await page.setViewportSize({ width: 360, height: 740 });
      await checkPage(page, 'focal-point-completed-phone');
      await page.getByLabel('Language').selectOption('fr');
      await page
        .getByRole('region', { name: 'Historique' })
        .getByText(/CANATUR focal point a déplacé « Child-protection clause/)
        .waitFor();
      await checkPage(page, 'focal-point-completed-fr-phone');
      await page.getByLabel('Langue').selectOption('en');
    } finally {
      await page.close();
    }
  });

  it('sees why a proposed commitment takes no report yet, plans its work and withdraws it, then reports as a co-owner (French, 360 px)', async () => {
    const page = await signedInPage(browser, api, 'ICT focal point (FOCAL_POINT)', 360, 'fr');
    try {
      await page.getByRole('link', { name: 'Mon espace' }).click();
      await page.getByRole('link', { name: ICT }).first().click();
      await page.getByRole('heading', { name: ICT, level: 1 }).waitFor();
      await page
        .getByText(
          "Cet engagement est proposé : un coordinateur du plan doit l'activer avant qu'il puisse recevoir des rapports d'avancement.",
        )
        .waitFor();
      await eventually(async () => expect(await page.getByRole('form', { name: "Rapporter l'avancement" }).count()).toBe(0));
      await checkPage(page, 'focal-point-proposed-fr-phone');

      const schedule = page.getByRole('form', { name: 'Prévoir une étape' });
      await schedule.getByLabel('Étape').fill('Convention de financement signée');
      await schedule.getByRole('button', { name: 'Prévoir' }).click();
      await schedule.getByText('Ce champ est obligatoire.').waitFor();
      await eventually(async () => expect(await schedule.getByLabel('Échéance').getAttribute('aria-invalid')).toBe('true'));
      await schedule.getByLabel('Échéance').fill('2012-03-31');
      await schedule.getByRole('button', { name: 'Prévoir' }).click();
      await schedule.getByText("L'étape est prévue.").waitFor();

      const addTask = page.getByRole('form', { name: 'Ajouter une tâche' });
      await addTask.getByLabel('Tâche').fill('Rédiger la convention');
      await addTask.getByLabel('Échéance').fill('2012-02-28');
      await addTask.getByRole('button', { name: 'Ajouter' }).click();
      await addTask.getByText('La tâche est ajoutée.').waitFor();
      await checkPage(page, 'focal-point-planned-fr-phone');

      const withdraw = page.getByRole('form', { name: "Retirer l'engagement" });
      await withdraw.getByRole('button', { name: 'Retirer' }).click();
      await withdraw.getByText('Ce champ est obligatoire.').waitFor();
      await withdraw.getByLabel('Pourquoi il est retiré').fill('Le financement passe par le budget national');
      await withdraw.getByRole('button', { name: 'Retirer' }).click();
      const trail = page.getByRole('region', { name: 'Historique' });
      await trail.getByText("ICT focal point a retiré l'engagement : Le financement passe par le budget national").waitFor();
      await trail.getByText(/ICT focal point a prévu l'étape « Convention de financement signée » pour le 31 mars 2012\./).waitFor();
      await page.getByText('Retiré : Le financement passe par le budget national').waitFor();
      expect(await page.getByRole('status').filter({ hasText: "L'engagement est retiré." }).isVisible()).toBe(true);
      await page
        .getByText("Cet engagement a été retiré avant qu'un coordinateur ne l'active : il ne reçoit aucun rapport d'avancement.")
        .waitFor();
      await eventually(async () => expect(await page.getByRole('form', { name: "Rapporter l'avancement" }).count()).toBe(0));
      await checkPage(page, 'focal-point-withdrawn-fr-phone');
      await page.setViewportSize({ width: 1280, height: 900 });
      await checkPage(page, 'focal-point-withdrawn-fr');

      await page.getByLabel('Langue').selectOption('en');
      await page
        .getByRole('region', { name: 'Audit trail' })
        .getByText('ICT focal point withdrew the commitment: Le financement passe par le budget national')
        .waitFor();
      await checkPage(page, 'focal-point-withdrawn');

      // As a co-owner's focal point on The Code (completed since): report progress, but not run the owner's work.
      await page.getByLabel('Language').selectOption('fr');
      await page.goto(`${api.url}/commitments/${theCode}`);
      await page.getByRole('heading', { name: THE_CODE, level: 1 }).waitFor();
      await eventually(async () =>
        expect(
          await page.getByRole('form', { name: /Prévoir une étape|Réviser l'engagement|Confier une tâche|Retirer l'engagement/ }).count(),
        ).toBe(0),
      );
      const report = page.getByRole('form', { name: "Rapporter l'avancement" });
      await report.getByLabel('Période de rapport').selectOption('2012');
      await report.getByText('2012 est close : un rapport pour elle compte désormais comme en retard.').waitFor();
      await report.getByLabel("Pourcentage d'avancement").fill('55');
      await report.getByLabel('Récit', { exact: true }).fill("L'ICT a financé la formation de 40 hôtels.");
      await report.getByRole('button', { name: 'Envoyer le rapport' }).click();
      await report.getByText('Votre rapport est enregistré.').waitFor();
      const progress = page.getByRole('region', { name: 'Avancement par période de rapport' });
      await progress.getByRole('heading', { name: '2012', exact: true }).waitFor();
      await progress.locator('li.report').filter({ hasText: "L'ICT a financé" }).getByText('en retard', { exact: false }).waitFor();
      await checkPage(page, 'co-owner-reported-fr');
    } finally {
      await page.close();
    }
  });
  it('makes a commitment for their stakeholder on the plan dashboard, with a co-owner and the default deadline, and opens it (English, 1280 px)', async () => {
    const page = await signedInPage(browser, api, 'CANATUR focal point (FOCAL_POINT)', 1280);
    try {
      await page.getByRole('link', { name: 'My workspace' }).click();
      await page.getByRole('region', { name: COSTA_RICA }).getByRole('link', { name: 'Make a commitment in this plan' }).click();
      await page.getByRole('heading', { name: COSTA_RICA, level: 1 }).waitFor();
      await eventually(async () => expect(await page.getByRole('region', { name: 'Your jobs as coordinator' }).count()).toBe(0));
      const make = page.getByRole('region', { name: 'Your jobs as focal point' }).getByRole('form', { name: 'Make a commitment' });
      await make
        .getByText('It starts as proposed: a coordinator of the plan must activate it before you can report progress on it.', {
          exact: false,
        })
        .waitFor();
      await make.getByText("Leave the due date empty to take the plan's default deadline, 31 December 2013.").waitFor();
      expect(await make.getByLabel('Stakeholder making the commitment').inputValue()).not.toBe('');
      await checkPage(page, 'focal-point-make-commitment');

      // Nothing is sent without a title or a number for the baseline: each message sits next to its field.
      await make.getByLabel('Thematic area').selectOption({ label: 'Prevention' });
      await make
        .getByLabel('Description')
        .fill('Every member hotel in Guanacaste trains its front-desk and security staff to recognise and report exploitation.');
      await make.getByLabel('Indicator').fill('hotel staff trained');
      await make.getByLabel('Unit').fill('people');
      await make.getByLabel('Baseline').fill('none');
      await make.getByLabel('Target value').fill('400');
      await make.getByRole('button', { name: 'Make the commitment' }).click();
      const title = make.getByLabel('Title of the commitment');
      await eventually(async () => expect(await title.getAttribute('aria-invalid')).toBe('true'));
      await eventually(async () =>
        expect(await page.locator(`#${await title.getAttribute('aria-describedby')}`).innerText()).toBe('This field is required.'),
      );
      const baseline = make.getByLabel('Baseline');
      await eventually(async () =>
        expect(await page.locator(`#${await baseline.getAttribute('aria-describedby')}`).innerText()).toBe('Enter a number.'),
      );
      await title.fill(HOTEL_TRAINING);
      await baseline.fill('0');
      await make.getByLabel('Source reference (optional, such as Agenda for Action 2.i.b)').fill("The Code's criterion 2");
      await make.getByRole('group', { name: 'Co-owners (optional)' }).getByLabel('Instituto Costarricense de Turismo (ICT)').check();
      await make.getByRole('button', { name: 'Make the commitment' }).click();
      await make.getByText(`“${HOTEL_TRAINING}” is made. It is proposed until a coordinator of the plan activates it.`).waitFor();
      await eventually(async () => expect(await title.inputValue()).toBe(''));
      await page.getByRole('region', { name: 'Commitments', exact: true }).getByRole('link', { name: HOTEL_TRAINING }).waitFor();
      await checkPage(page, 'focal-point-commitment-made');

      // The new commitment's page: proposed, its co-owner and the plan's default deadline.
      await page.getByRole('link', { name: `Open “${HOTEL_TRAINING}”` }).click();
      await page.getByRole('heading', { name: HOTEL_TRAINING, level: 1 }).waitFor();
      await page
        .getByText('This commitment is proposed: a coordinator of the plan must activate it before it can take progress reports.')
        .waitFor();
      const id = page.url().split('/').at(-1)!;
      const made = await api.graphql<{
        commitment: {
          status: string;
          dueDate: string;
          dueDateInherited: boolean;
          owner: { name: string };
          coOwners: { name: string }[];
          target: { baseline: number; targetValue: number };
        };
      }>(
        'query ($id: ID!) { commitment(id: $id) { status dueDate dueDateInherited owner { name } coOwners { name } target { baseline targetValue } } }',
        { id },
        await tokenFor(dataDir, 'demo-focal-canatur@canatur.example'),
      );
      expect(made.data?.commitment).toEqual({
        status: 'PROPOSED',
        dueDate: '2013-12-31',
        dueDateInherited: true,
        owner: { name: 'Costa Rican Chamber of Tourism (CANATUR)' },
        coOwners: [{ name: 'Instituto Costarricense de Turismo (ICT)' }],
        target: { baseline: 0, targetValue: 400 },
      });
      await checkPage(page, 'focal-point-new-commitment');
    } finally {
      await page.close();
    }
  });

  it('makes a commitment with its own due date, which must fall within the plan (French, 360 px)', async () => {
    const page = await signedInPage(browser, api, 'ICT focal point (FOCAL_POINT)', 360, 'fr');
    try {
      await page.getByRole('link', { name: 'Mon espace' }).click();
      await page.getByRole('region', { name: COSTA_RICA }).getByRole('link', { name: 'Prendre un engagement dans ce plan' }).click();
      await page.getByRole('heading', { name: COSTA_RICA, level: 1 }).waitFor();
      const make = page.getByRole('region', { name: 'Vos tâches de point focal' }).getByRole('form', { name: 'Prendre un engagement' });
      await make.getByText("Il commence à l'état proposé", { exact: false }).waitFor();
      await checkPage(page, 'focal-point-make-commitment-fr-phone');

      await make.getByLabel('Domaine thématique').selectOption({ label: 'Coordination and cooperation' });
      await make.getByLabel("Intitulé de l'engagement").fill(TAXI);
      await make
        .getByLabel('Description')
        .fill("Les chauffeurs de taxi des aéroports reçoivent une fiche sur le signalement de l'exploitation.");
      await make.getByLabel('Indicateur').fill('chauffeurs informés');
      await make.getByLabel('Unité').fill('chauffeurs');
      await make.getByLabel('Valeur de départ').fill('0');
      await make.getByLabel('Valeur cible').fill('1 200,5');
      const due = make.getByLabel('Échéance');
      await due.fill('2015-06-30');
      await make.getByRole('button', { name: "Prendre l'engagement" }).click();
      await eventually(async () => expect(await due.getAttribute('aria-invalid')).toBe('true'));
      await make.getByText('Choisissez une date dans la période du plan', { exact: false }).waitFor();
      await due.fill('2013-06-30');
      await make.getByRole('button', { name: "Prendre l'engagement" }).click();
      await make.getByText(`« ${TAXI} » est pris. Il reste proposé jusqu'à ce qu'un coordinateur du plan l'active.`).waitFor();
      await checkPage(page, 'focal-point-commitment-made-fr-phone');

      await page.getByRole('link', { name: `Ouvrir « ${TAXI} »` }).click();
      await page.getByRole('heading', { name: TAXI, level: 1 }).waitFor();
      await page
        .getByText(
          "Cet engagement est proposé : un coordinateur du plan doit l'activer avant qu'il puisse recevoir des rapports d'avancement.",
        )
        .waitFor();
      const id = page.url().split('/').at(-1)!;
      const made = await api.graphql<{ commitment: { status: string; dueDate: string; target: { targetValue: number } } }>(
        'query ($id: ID!) { commitment(id: $id) { status dueDate target { targetValue } } }',
        { id },
        await tokenFor(dataDir, 'demo-focal-ict@ict.example'),
      );
      expect(made.data?.commitment).toEqual({ status: 'PROPOSED', dueDate: '2013-06-30', target: { targetValue: 1200.5 } });
      await checkPage(page, 'focal-point-new-commitment-fr-phone');
    } finally {
      await page.close();
    }
  });
});
