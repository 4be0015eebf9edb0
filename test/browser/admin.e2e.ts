import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { type RunningApi } from '../support/api-process.js';
import { checkPage, eventually, openDemoApp, signedInPage, speak } from '../support/web-app.js';
import { tokenFor } from '../support/tokens.js';

const KENYA = 'Kenya NPA 2014-2018: children in travel and tourism';
const AMINA = 'Amina W. (Ministry of Health)';
const AMINA_SUBJECT = 'amina.wanjiru@health.example';
const ADMIN = 'Platform administrator (ADMIN)';

/** The message tied to a control by aria-describedby (what Field shows under it). */
async function messageOf(page: Page, control: ReturnType<Page['getByLabel']>): Promise<string> {
  // Waits until the control is marked invalid: a refusal from the api comes after the click has returned.
  await control.and(page.locator('[aria-invalid="true"]')).waitFor();
  return page.locator(`#${await control.getAttribute('aria-describedby')}`).innerText();
}

/** The platform administrator's whole job in the app, on the seeded demo: draft, register, grant, revoke, erase. */
describe('the platform administrator, in the app', () => {
  let dataDir: string;
  let api: RunningApi;
  let browser: Browser;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ dataDir, api, browser, close } = await openDemoApp('npa-browser-admin-'));
  });

  afterAll(() => close?.());

  it('drafts a plan, registers a participant, grants and revokes their roles, is refused erasing an administrator, then erases them, in English at 1280 px', async () => {
    const page = await signedInPage(browser, api, ADMIN, 1280);
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('heading', { name: 'Administration', level: 1 }).waitFor();
    const people = page.getByRole('region', { name: 'Participants and their roles' });
    await people.getByText('Platform administrator').waitFor();
    await people.getByText('Roles: Administrator of the platform').waitFor();
    await checkPage(page, 'admin');

    // Draft a plan: a missing title and a default deadline outside the period are refused at their fields.
    const draft = page.getByRole('form', { name: 'Draft a plan' });
    await draft.getByRole('button', { name: 'Draft the plan' }).click();
    expect(await messageOf(page, draft.getByLabel('Title'))).toBe('This field is required.');
    await draft.getByLabel('Title').fill(KENYA);
    await draft.getByLabel('Country').fill('ke');
    await draft.getByLabel('Period starts').fill('2014-01-01');
    await draft.getByLabel('Period ends').fill('2018-12-31');
    await draft.getByLabel('Default deadline (optional)').fill('2019-06-30');
    await draft.getByLabel('Reporting cycle').selectOption({ label: 'Every six months' });
    await draft.getByRole('button', { name: 'Draft the plan' }).click();
    expect(await messageOf(page, draft.getByLabel('Default deadline (optional)'))).toBe(
      'The default deadline must fall within the period.',
    );
    await draft.getByLabel('Default deadline (optional)').fill('2018-06-30');
    await draft.getByRole('button', { name: 'Draft the plan' }).click();
    await draft.getByText(`“${KENYA}” is drafted.`).waitFor();
    const dashboard = draft.getByRole('link', { name: `Open the dashboard of ${KENYA}` });
    await dashboard.waitFor();

    // Register an adult, with their personal data.
    const register = page.getByRole('form', { name: 'Register a participant' });
    await register.getByLabel('Sign-in identifier').fill(AMINA_SUBJECT);
    await register.getByLabel('Display name').fill(AMINA);
    await register.getByLabel('Real name (optional)').fill('Amina Wanjiru');
    await register.getByLabel('E-mail (optional)').fill(AMINA_SUBJECT);
    await register.getByRole('button', { name: 'Register' }).click();
    await register.getByText(`${AMINA} is registered. Grant them a role below.`).waitFor();
    const amina = people.getByRole('listitem').filter({ hasText: AMINA });
    await amina.getByText('No role.').waitFor();
    await amina.getByText(`Sign-in identifier: ${AMINA_SUBJECT} · real name: Amina Wanjiru · e-mail: ${AMINA_SUBJECT}`).waitFor();
    const participantId = (await amina.getByText(/^Participant id: /).innerText()).replace('Participant id: ', '');

    // Grant: a coordinator needs a plan, chosen from the plans (the draft among them).
    const grant = page.getByRole('form', { name: 'Grant a role' });
    await grant.getByLabel('Participant', { exact: true }).selectOption({ label: `${AMINA} (Adult)` });
    await grant.getByLabel('Role', { exact: true }).selectOption({ label: 'Coordinator' });
    await grant.getByText('This role applies to one plan.').waitFor();
    await grant.getByRole('button', { name: 'Grant' }).click();
    expect(await messageOf(page, grant.getByLabel('Plan', { exact: true }))).toBe('Choose a plan.');
    await grant.getByLabel('Plan', { exact: true }).selectOption({ label: `${KENYA} (KE)` });
    await grant.getByRole('button', { name: 'Grant' }).click();
    await grant.getByText(`${AMINA} is now Coordinator of ${KENYA}.`).waitFor();
    await amina.getByText(`Roles: Coordinator of ${KENYA}`).waitFor();
    await checkPage(page, 'admin-granted');

    // Revoke it, with a reason, choosing among the roles they hold.
    const revoke = page.getByRole('form', { name: 'Revoke a role' });
    await revoke.getByLabel('Participant', { exact: true }).selectOption({ label: `${AMINA} (Adult)` });
    await revoke.getByLabel('Role to revoke').selectOption({ label: `Coordinator of ${KENYA}` });
    await revoke.getByLabel('Reason (optional, kept in the history)').fill('Moved to another ministry.');
    await revoke.getByRole('button', { name: 'Revoke' }).click();
    await revoke.getByText(`${AMINA} is no longer Coordinator of ${KENYA}.`).waitFor();
    await amina.getByText('No role.').waitFor();

    // Make them an administrator: the erasure form says before it is sent that it will be refused, and it is.
    await grant.getByLabel('Role', { exact: true }).selectOption({ label: 'Administrator of the platform' });
    await grant.getByText('The administrator role applies to the whole platform.').waitFor();
    await eventually(async () => expect(await grant.getByLabel('Plan', { exact: true }).count()).toBe(0));
    await grant.getByRole('button', { name: 'Grant' }).click();
    await grant.getByText(`${AMINA} is now Administrator of the platform.`).waitFor();

    const erase = page.getByRole('form', { name: "Erase a person's personal data" });
    const explained = page.getByRole('region', { name: "Erase a person's personal data" });
    await explained.getByText('Erasure cannot be undone.').waitFor();
    await explained
      .getByText(/An administrator who still holds the ADMIN role cannot be erased: revoke their administrator role first/)
      .waitFor();
    await erase.getByLabel('Participant', { exact: true }).selectOption({ label: `${AMINA} (Adult)` });
    await erase.getByText(`${AMINA} holds the ADMIN role: erasure will be refused until that role is revoked.`).waitFor();
    await erase.getByRole('button', { name: 'Erase personal data' }).click();
    const confirm = erase.getByLabel(`I understand that erasing the personal data of ${AMINA} cannot be undone.`);
    expect(await messageOf(page, confirm)).toBe('Confirm that you understand erasure cannot be undone.');
    await confirm.check();
    await erase.getByRole('button', { name: 'Erase personal data' }).click();
    await erase.getByRole('alert').getByText('This person is an administrator: revoke the role first.').waitFor();
    await amina.getByText(`Sign-in identifier: ${AMINA_SUBJECT}`, { exact: false }).waitFor();
    await checkPage(page, 'admin-erase-refused');

    // Revoke ADMIN, then erase: their personal data is gone, their roles and display name stay.
    await revoke.getByLabel('Participant', { exact: true }).selectOption({ label: `${AMINA} (Adult)` });
    await revoke.getByLabel('Role to revoke').selectOption({ label: 'Administrator of the platform' });
    await revoke.getByRole('button', { name: 'Revoke' }).click();
    await revoke.getByText(`${AMINA} is no longer Administrator of the platform.`).waitFor();
    await erase.getByLabel('Participant', { exact: true }).selectOption({ label: `${AMINA} (Adult)` });
    await eventually(async () => expect(await erase.getByText(/holds the ADMIN role/).count()).toBe(0));
    await erase.getByLabel(`I understand that erasing the personal data of ${AMINA} cannot be undone.`).check();
    await erase.getByRole('button', { name: 'Erase personal data' }).click();
    await erase.getByText(`The personal data of ${AMINA} is erased.`).waitFor();
    await amina.getByText('Personal data erased.').waitFor();
    expect(await erase.getByLabel('Participant', { exact: true }).locator('option').allInnerTexts()).not.toContain(`${AMINA} (Adult)`);
    await checkPage(page, 'admin-erased');

    // Through the api: their token no longer leads to them, and an admin reads them as erased.
    const theirs = await api.graphql<{ viewer: { participantId: string | null } }>(
      '{ viewer { participantId } }',
      {},
      await tokenFor(dataDir, AMINA_SUBJECT),
    );
    expect(theirs.data?.viewer.participantId).toBeNull();
    const read = await api.graphql<{
      participant: {
        displayName: string;
        personalData: { subject: string | null; realName: string | null; email: string | null; erased: boolean };
      };
    }>(
      'query ($id: ID!) { participant(id: $id) { displayName personalData { subject realName email erased } } }',
      { id: participantId },
      await tokenFor(dataDir, 'demo-admin@secretariat.example'),
    );
    expect(read.data?.participant).toEqual({
      displayName: AMINA,
      personalData: { subject: null, realName: null, email: null, erased: true },
    });

    // The drafted plan's dashboard.
    await dashboard.click();
    await page.getByRole('heading', { name: KENYA, level: 1 }).waitFor();
    await checkPage(page, 'admin-drafted-plan');
    await page.close();
  });

  it('registers a youth participant under a pseudonym and gives them their panel, and is refused erasing themself, in French on a 360-pixel phone', async () => {
    const page = await signedInPage(browser, api, ADMIN, 360);
    await speak(page, 'fr');
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('heading', { name: 'Administration', level: 1 }).waitFor();
    await checkPage(page, 'admin-fr-phone');

    const register = page.getByRole('form', { name: 'Inscrire un·e participant·e' });
    await register.getByLabel('Type de participant·e').selectOption({ label: 'Jeune' });
    await register.getByText(/^Protection : un·e jeune est inscrit·e sous un pseudonyme, jamais sous son vrai nom\./).waitFor();
    await register.getByLabel('Identifiant de connexion').fill('demo-youth-5@panel.example');
    await register.getByLabel('Pseudonyme (jamais son vrai nom)').fill('Jaguar');
    await register.getByLabel("Tranche d'âge").selectOption({ label: 'Moins de 18 ans' });
    await register.getByRole('button', { name: 'Inscrire' }).click();
    expect(await messageOf(page, register.getByLabel('Panel de jeunes parrain'))).toBe('Ce champ est obligatoire.');
    await register.getByLabel('Panel de jeunes parrain').selectOption({ label: 'Costa Rican youth panel on tourism (CR)' });
    await register.getByRole('button', { name: 'Inscrire' }).click();
    await register.getByText('Jaguar est inscrit·e. Accordez-lui un rôle ci-dessous.').waitFor();
    await checkPage(page, 'admin-fr-phone-registered');

    // The youth role: only youth panels are offered.
    const grant = page.getByRole('form', { name: 'Accorder un rôle' });
    await grant.getByLabel('Participant·e', { exact: true }).selectOption({ label: 'Jaguar (Jeune)' });
    await grant.getByLabel('Rôle', { exact: true }).selectOption({ label: 'Jeune participant·e' });
    expect(await grant.getByLabel('Panel de jeunes', { exact: true }).locator('option').allInnerTexts()).toEqual([
      'Choisir…',
      'World Congress III youth panel (BR)',
      'Costa Rican youth panel on tourism (CR)',
    ]);
    await grant.getByLabel('Panel de jeunes', { exact: true }).selectOption({ label: 'Costa Rican youth panel on tourism (CR)' });
    await grant.getByRole('button', { name: 'Accorder' }).click();
    await grant.getByText('Jaguar tient maintenant le rôle : Jeune participant·e de Costa Rican youth panel on tourism.').waitFor();
    const everyone = page.getByRole('region', { name: 'Participant·e·s et leurs rôles' });
    await everyone
      .getByRole('listitem')
      .filter({ hasText: 'Jaguar' })
      .getByText('Rôles : Jeune participant·e de Costa Rican youth panel on tourism')
      .waitFor();

    // Everyone registered is listed, by display name, with their roles and personal data (the monitor registered by the
    // demo too); anyone may also be opened by their participant id, and an unknown id is said so.
    await everyone.getByText(/^Toutes les personnes inscrites, par nom affiché \(\d+ en tout/).waitFor();
    const names = await everyone.getByRole('listitem').locator('strong').allInnerTexts();
    expect(names.length).toBeGreaterThan(8);
    const monitor = (
      (await (await fetch(`${api.url}/auth/demo-participants`)).json()) as { participantId: string; displayName: string }[]
    ).find((p) => p.displayName === 'Paniamor monitor')!;
    const open = page.getByRole('form', { name: 'Ouvrir un·e participant·e' });
    await open.getByLabel('Identifiant de participant·e').fill('00000000-0000-4000-8000-000000000000');
    await open.getByRole('button', { name: 'Ouvrir' }).click();
    await open.getByText("Aucun·e participant·e n'a cet identifiant.").waitFor();
    expect(await messageOf(page, open.getByLabel('Identifiant de participant·e'))).toBe("Aucun·e participant·e n'a cet identifiant.");
    await open.getByLabel('Identifiant de participant·e').fill(monitor.participantId);
    await open.getByRole('button', { name: 'Ouvrir' }).click();
    await open.getByText('La personne figure dans la liste ci-dessus.').waitFor();
    const listed = page
      .getByRole('region', { name: 'Participant·e·s et leurs rôles' })
      .getByRole('listitem')
      .filter({ hasText: 'Paniamor monitor' });
    await listed.getByText('Rôles : Suivi indépendant de Costa Rica: protecting children in travel and tourism 2010-2013').waitFor();
    await listed.getByText(/^Identifiant de connexion : demo-monitor@paniamor\.example/).waitFor();

    // Erasing oneself while an administrator: said before, refused after.
    const erase = page.getByRole('form', { name: "Effacer les données personnelles d'une personne" });
    await erase.getByLabel('Participant·e', { exact: true }).selectOption({ label: 'Platform administrator (Adulte)' });
    await erase
      .getByText("Vous tenez le rôle ADMIN : l'effacement sera refusé tant qu'un·e autre administrateur·rice ne l'a pas retiré.")
      .waitFor();
    await erase.getByLabel("Je comprends que l'effacement des données personnelles de Platform administrator est irréversible.").check();
    await erase.getByRole('button', { name: 'Effacer les données personnelles' }).click();
    await erase.getByRole('alert').getByText("Cette personne est administratrice : retirez d'abord ce rôle.").waitFor();
    await checkPage(page, 'admin-fr-phone-refused');
    await page.close();
  });

  it('offers no Administration to a participant without the ADMIN role, and explains the refusal at /admin', async () => {
    const page = await signedInPage(browser, api, 'Costa Rica plan coordinator (COORDINATOR)', 1280);
    await page.getByRole('link', { name: 'My workspace' }).waitFor();
    await eventually(async () => expect(await page.getByRole('link', { name: 'Administration' }).count()).toBe(0));
    await page.goto(`${api.url}/admin`);
    await page.getByRole('heading', { name: 'Administration', level: 1 }).waitFor();
    await page.getByText(/^This page is for the platform's administrators \(the ADMIN role\): your roles do not include it/).waitFor();
    await eventually(async () => expect(await page.getByRole('form').count()).toBe(0));
    await checkPage(page, 'admin-forbidden');
    await page.close();

    // The api refuses the jobs themselves the same way.
    const refused = await api.graphql(
      'mutation ($input: GrantRoleInput!) { grantRole(input: $input) { version } }',
      { input: { subject: 'demo-analyst@ecpat.example', role: 'ADMIN' } },
      await tokenFor(dataDir, 'demo-coordinator-cr@secretariat.example'),
    );
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');

    // Anonymous: no link, and the page says to sign in.
    const anonymous = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await anonymous.goto(`${api.url}/admin`);
    await anonymous.getByText('Sign in as a platform administrator to use this page.').waitFor();
    await eventually(async () => expect(await anonymous.getByRole('link', { name: 'Administration' }).count()).toBe(0));
    await checkPage(anonymous, 'admin-anonymous-phone');
    await anonymous.close();
  });
});
