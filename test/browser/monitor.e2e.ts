import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { type RunningApi } from '../support/api-process.js';
import { checkPage, commitmentId, eventually, openDemoApp, signedInPage } from '../support/web-app.js';
import { tokenFor } from '../support/tokens.js';

const THE_CODE = "Members implement The Code's six criteria";
const NL_MONITORING = 'Monitor the situation of sexual exploitation of children and adolescents';

/** A plan's monitor verifies and disputes progress reports on the commitment page, in English on a desktop and in French on a phone. */
describe("a monitor's job on the commitment page", () => {
  let dataDir: string;
  let api: RunningApi;
  let browser: Browser;
  let close: () => Promise<void>;
  let theCode: string;

  beforeAll(async () => {
    ({ dataDir, api, browser, close } = await openDemoApp('npa-monitor-'));
    theCode = await commitmentId(api, THE_CODE);
  });

  afterAll(() => close?.());

  it('verifies one report and disputes another, with a note and a reason, and reads why each counts (English, 1280 px)', async () => {
    const page = await signedInPage(browser, api, 'Paniamor monitor (MONITOR)', 1280);
    try {
      await page.goto(`${api.url}/commitments/${theCode}`);
      await page.getByRole('heading', { name: THE_CODE, level: 1 }).waitFor();
      // A monitor judges; they do not report, plan or revise.
      await eventually(async () => expect(await page.getByRole('form', { name: 'Report progress' }).count()).toBe(0));
      await eventually(async () => expect(await page.getByRole('form', { name: 'Schedule a milestone' }).count()).toBe(0));
      await eventually(async () => expect(await page.getByRole('form', { name: 'Revise the commitment' }).count()).toBe(0));
      const progress = page.getByRole('region', { name: 'Progress by reporting period' });
      await progress.getByRole('heading', { name: '2012 Missing' }).waitFor();
      // The corrected 2011 report rests on an inspection: it counts, although no monitor has checked it yet.
      const corrected = progress.locator('li.report').filter({ hasText: 'Corrected after inspection' });
      await corrected.getByText('Not yet checked by a monitor').waitFor();
      await corrected.getByText('Yes: its evidence is independent, and no monitor disputed it.').waitFor();
      // The report it corrected is no longer judged.
      const superseded = progress.locator('li.report').filter({ hasText: 'Four criteria in place' });
      await superseded.getByText('No longer counted: a later report corrects it.').waitFor();
      await eventually(async () => expect(await superseded.getByRole('button').count()).toBe(0));
      await checkPage(page, 'monitor-commitment');

      const verify = corrected.getByRole('form', { name: 'Verify the report for 2011' });
      await verify.getByLabel('Note (optional)').fill('Checked against the inspection visits of March 2012.');
      await verify.getByRole('button', { name: 'Verify' }).click();
      await page.getByText('The report for 2011 is verified.').waitFor();
      await corrected.getByText('Yes: a monitor verified it.').waitFor();
      await corrected.getByText('Checked against the inspection visits of March 2012.').waitFor();

      const report2010 = progress.locator('li.report').filter({ hasText: 'Policy adopted by the chamber' });
      const dispute = report2010.getByRole('form', { name: 'Dispute the report for 2010' });
      await dispute.getByRole('button', { name: 'Dispute' }).click();
      await dispute.getByText('This field is required.').waitFor();
      await eventually(async () => expect(await dispute.getByLabel('Why you dispute it').getAttribute('aria-invalid')).toBe('true'));
      await dispute.getByLabel('Why you dispute it').fill('Training records cover only two of the member hotels.');
      await dispute.getByRole('button', { name: 'Dispute' }).click();
      await page.getByText('The report for 2010 is disputed.').waitFor();
      await report2010.getByText('No: a monitor disputed it.').waitFor();
      await progress.getByText('1 of 2 standing reports count as independently verified', { exact: false }).waitFor();

      const trail = page.getByRole('region', { name: 'Audit trail' });
      await trail
        .getByText('Paniamor monitor verified the report for 2011: Checked against the inspection visits of March 2012.')
        .waitFor();
      await trail
        .getByText('Paniamor monitor disputed the report for 2010: Training records cover only two of the member hotels.')
        .waitFor();
      expect(await trail.innerText()).not.toMatch(/ProgressReport(Verified|Disputed)/);
      await checkPage(page, 'monitor-judged');

      // On another plan's commitment the monitor has nothing to judge.
      await page.goto(`${api.url}/commitments/${await commitmentId(api, NL_MONITORING)}`);
      await page.getByRole('heading', { name: NL_MONITORING, level: 1 }).waitFor();
      await page
        .getByRole('region', { name: 'Progress by reporting period' })
        .getByText('Verified by a monitor', { exact: true })
        .waitFor();
      await eventually(async () => expect(await page.getByRole('form', { name: /Verify the report|Dispute the report/ }).count()).toBe(0));
      await checkPage(page, 'monitor-other-plan');
      await page.getByLabel('Language').selectOption('fr');
      await page.getByRole('region', { name: 'Avancement par période de rapport' }).waitFor();
      await checkPage(page, 'monitor-other-plan-fr');
      await page.setViewportSize({ width: 360, height: 740 });
      await checkPage(page, 'monitor-other-plan-fr-phone');
      await page.getByLabel('Langue').selectOption('en');
    } finally {
      await page.close();
    }
  });

  it('disputes a new report and verifies the one disputed earlier (French, 360 px)', async () => {
    // The focal point's part: a 2013 report, self-reported.
    const canatur = await tokenFor(dataDir, 'demo-focal-canatur@canatur.example');
    const sent = await api.graphql(
      'mutation ($input: ReportProgressInput!) { reportProgress(input: $input) { itemId } }',
      {
        input: {
          commitmentId: theCode,
          period: '2013',
          percentComplete: 95,
          narrative: 'Nearly every member applies the six criteria.',
          visibility: 'PUBLIC',
          evidenceType: 'SELF_REPORTED',
        },
      },
      canatur,
    );
    expect(sent.errors).toBeUndefined();

    const page = await signedInPage(browser, api, 'Paniamor monitor (MONITOR)', 360, 'fr');
    try {
      await page.goto(`${api.url}/commitments/${theCode}`);
      await page.getByRole('heading', { name: THE_CODE, level: 1 }).waitFor();
      const progress = page.getByRole('region', { name: 'Avancement par période de rapport' });
      await progress.getByRole('heading', { name: '2012 Manquant' }).waitFor();
      const report2013 = progress.locator('li.report').filter({ hasText: 'Nearly every member' });
      await report2013.getByText("Non : autodéclaré, et aucun observateur ne l'a encore vérifié.").waitFor();
      await checkPage(page, 'monitor-fr-phone');

      const dispute = report2013.getByRole('form', { name: 'Contester le rapport de 2013' });
      await dispute.getByLabel('Pourquoi vous le contestez').fill('Aucune visite ne confirme ce chiffre.');
      await dispute.getByRole('button', { name: 'Contester' }).click();
      await page.getByText('Le rapport de 2013 est contesté.').waitFor();
      await report2013.getByText("Non : un observateur l'a contesté.").waitFor();

      const report2010 = progress.locator('li.report').filter({ hasText: 'Policy adopted by the chamber' });
      await report2010.getByRole('form', { name: 'Vérifier le rapport de 2010' }).getByRole('button', { name: 'Vérifier' }).click();
      await page.getByText('Le rapport de 2010 est vérifié.').waitFor();
      await report2010.getByText("Oui : un observateur l'a vérifié.").waitFor();

      const trail = page.getByRole('region', { name: 'Historique' });
      await trail.getByText('Paniamor monitor a contesté le rapport de 2013 : Aucune visite ne confirme ce chiffre.').waitFor();
      await trail.getByText(/^.+ — CANATUR focal point a rapporté 95\s% pour 2013 \(Autodéclaré\)\.$/).waitFor();
      await checkPage(page, 'monitor-fr-phone-judged');
      await page.setViewportSize({ width: 1280, height: 900 });
      await checkPage(page, 'monitor-fr-judged');
      await page.getByLabel('Langue').selectOption('en');
      await page.getByRole('region', { name: 'Progress by reporting period' }).waitFor();
      await page.setViewportSize({ width: 360, height: 740 });
      await checkPage(page, 'monitor-en-phone-judged');
    } finally {
      await page.close();
    }
  });
});
