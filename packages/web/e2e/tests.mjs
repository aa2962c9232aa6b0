import path from 'node:path';
import { defineClaimsTests } from './claims-tests.mjs';
import { defineCountsTests } from './counts-tests.mjs';
import { defineInventoryTests } from './inventory-tests.mjs';
import {
  assertNoConsoleErrors,
  attemptLogin,
  checkA11y,
  gotoApp,
  loginOk,
  navLabels,
  openPage,
  PASSWORD,
  screenshot,
  signOut,
} from './lib/browser.mjs';
import { assert, assertEqual, test } from './lib/harness.mjs';
import { defineNotesTests } from './notes-tests.mjs';
import { definePurchasingTests } from './purchasing-tests.mjs';
import { defineRxTests } from './rx-tests.mjs';

/**
 * Navigation each role must see, from the server's permission table (GET /api/permissions):
 * Patients = patients.read, Prescribers = prescribers.read, Calculator = calc.use,
 * Audit trail = audit.read, Users = users.read, Sites = sites.read, Queue = prescriptions.read,
 * Inventory = inventory.read, Claims = claims.read, PA board = pa.manage.
 */
const CLINICAL = ['Home', 'Queue', 'Patients', 'Prescribers', 'Inventory', 'Calculator', 'Sites'];
const DISPENSING = [
  'Home',
  'Queue',
  'Claims',
  'PA board',
  'Patients',
  'Prescribers',
  'Inventory',
  'Calculator',
  'Sites',
];
const OVERSIGHT_TAIL = [
  'Patients',
  'Prescribers',
  'Inventory',
  'Calculator',
  'Audit trail',
  'Users',
  'Sites',
];
export const EXPECTED_NAV = {
  technician: DISPENSING,
  pharmacist: DISPENSING,
  'pharmacist-in-charge': ['Home', 'Queue', 'Claims', 'PA board', ...OVERSIGHT_TAIL],
  nurse: CLINICAL,
  buyer: ['Home', 'Inventory', 'Calculator', 'Sites'],
  auditor: ['Home', 'Queue', 'Claims', ...OVERSIGHT_TAIL],
  admin: ['Home', 'Calculator', 'Audit trail', 'Users', 'Sites'],
};

/** Tablet width (768 px): nothing may force the page to scroll sideways. */
async function assertFitsTablet(page, label) {
  await page.setViewportSize({ width: 768, height: 1024 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.setViewportSize({ width: 1280, height: 800 });
  assert(width <= 768, `${label} overflows at 768 px: ${width}px wide`);
}

async function homeReady(page) {
  await page.locator('.stat-value').first().waitFor();
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.stat-value')].every((e) => !e.textContent?.includes('…')),
  );
}

export function defineTests(env) {
  const { context, baseUrl, shots } = env;
  const shot = (p, name) => screenshot(p, path.join(shots, `${name}.png`));
  const state = {};
  let page;

  test('login screen: accessible, no console errors', async () => {
    page = await openPage(context, baseUrl);
    await gotoApp(page, '/');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await checkA11y(page, 'login');
    await shot(page, 'login');
    assertNoConsoleErrors(page);
    await page.close();
  });

  test('wrong password shows the server error', async () => {
    page = await openPage(context, baseUrl);
    await gotoApp(page, '/');
    const text = await attemptLogin(page, 'pharmacist', 'not-the-password');
    const alert = page.getByRole('alert');
    assert(/username or password is not correct/i.test(text), `alert says: ${text}`);
    assertEqual(await alert.getAttribute('data-code'), 'invalid_credentials', 'problem code');
    assertNoConsoleErrors(page, [401]);
    await page.close();
  });

  for (const role of ['pharmacist', 'pharmacist-in-charge', 'nurse', 'buyer']) {
    test(`${role}: navigation shows exactly what the role may do`, async () => {
      page = await openPage(context, baseUrl);
      await loginOk(page, role);
      assertEqual(await navLabels(page), EXPECTED_NAV[role], `${role} navigation`);
      if (role === 'buyer') {
        const search = await page.getByRole('searchbox', { name: /search patients/i }).count();
        assertEqual(search, 0, 'buyer has no patient search');
      }
      assertNoConsoleErrors(page);
      await signOut(page);
      await page.close();
    });
  }

  // ---------- technician: the main workflow ----------
  test('technician: navigation, home dashboard with real counts', async () => {
    page = await openPage(context, baseUrl);
    await loginOk(page, 'technician');
    assertEqual(await navLabels(page), EXPECTED_NAV.technician, 'technician navigation');
    const sites = await page.getByLabel('Site', { exact: true }).locator('option').count();
    assert(sites > 1, `technician works at all demo sites, saw ${sites}`);
    state.siteCount = sites;
    const h1 = await page.getByRole('heading', { level: 1 }).textContent();
    const stat = page.locator('.stat', { hasText: 'Patients at' }).locator('.stat-value');
    await homeReady(page);
    const count = Number(await stat.textContent());
    assert(count > 0, `patient count at ${h1} is ${count}`);
    await checkA11y(page, 'home');
    await shot(page, 'home');
    await assertFitsTablet(page, 'home');
    assertNoConsoleErrors(page);
  });

  test('technician: keyboard shortcuts, help overlay, theme persists', async () => {
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    const before = await page.evaluate(() => document.documentElement.dataset.theme);
    assertEqual(before, 'light', 'headless Chromium prefers light');
    await page.keyboard.press('t');
    assertEqual(await page.evaluate(() => document.documentElement.dataset.theme), 'dark', 't toggles theme');
    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    assertEqual(await page.evaluate(() => document.documentElement.dataset.theme), 'dark', 'theme persisted');
    await homeReady(page);
    await checkA11y(page, 'home (dark)');
    await shot(page, 'home-dark');
    await page.keyboard.press('t');
    assertEqual(await page.evaluate(() => document.documentElement.dataset.theme), 'light', 'back to light');
    await page.keyboard.press('g');
    await page.keyboard.press('p');
    await page.waitForURL(/\/patients$/);
    await page.getByRole('heading', { level: 1, name: 'Patients' }).waitFor();
    await page.keyboard.press('g');
    await page.keyboard.press('h');
    await page.waitForURL(`${baseUrl}/`);
    await page.keyboard.press('/');
    const focused = await page.evaluate(() => document.activeElement?.id);
    assertEqual(focused, 'global-search', '/ focuses the search box');
    assertNoConsoleErrors(page);
  });

  test('technician: searches a patient and opens the profile', async () => {
    await page.keyboard.type('garcia');
    // The header search lists grouped results; its last line opens every matching patient.
    await page
      .getByRole('option', { name: /Garcia, Maria/ })
      .first()
      .waitFor();
    await page.getByRole('link', { name: /All patients matching/ }).click();
    await page.waitForURL(/\/patients\?q=garcia&scope=all/);
    const rows = page.locator('table tbody tr');
    await rows.first().waitFor();
    const all = await rows.count();
    assertEqual(
      all,
      state.siteCount,
      'the header search covers every site (the demo has one Maria Garcia per site)',
    );
    await page.getByLabel('Sites').selectOption('site');
    await page.waitForURL((u) => !u.search.includes('scope=all'));
    await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 1);
    await page.getByLabel('Sites').selectOption('all');
    await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length > 1);
    await checkA11y(page, 'patients');
    await shot(page, 'patients');
    await assertFitsTablet(page, 'patients');
    await page.getByRole('link', { name: 'Garcia, Maria' }).first().click();
    await page.waitForURL(/\/patients\/[^/?]+$/);
    await page.getByRole('heading', { level: 1, name: 'Garcia, Maria' }).waitFor();
    await page.getByText('Demographics').waitFor();
    const dob = await page.locator('.details dd').nth(2).textContent();
    assert(dob.includes('1958-03-14'), `date of birth shown: ${dob}`);
    await checkA11y(page, 'patient profile');
    await shot(page, 'patient-profile');
    state.profileUrl = page.url();
    // A RETAIL1 patient id, for the cross-site check below.
    const res = await page.request.get(`${baseUrl}/api/patients?q=RETAIL1-1001`);
    const body = await res.json();
    state.retailPatientId = body.items[0]?.id;
    assert(state.retailPatientId, 'RETAIL1 demo patient exists');
    assertNoConsoleErrors(page);
  });

  test('technician: calculator shows the working', async () => {
    const probe = await page.request.get(`${baseUrl}/api/calc`);
    assertEqual(probe.status(), 200, 'GET /api/calc');
    await page.goto(`${baseUrl}/calculator?id=crcl`);
    await page.getByRole('heading', { level: 2, name: /Creatinine clearance/ }).waitFor();
    await page.getByRole('button', { name: 'Calculate' }).click();
    const ageError = page
      .locator('.field', { has: page.getByLabel('Age', { exact: true }) })
      .locator('.field-error');
    await ageError.waitFor();
    await page.getByLabel('Age', { exact: true }).fill('53');
    await page.getByLabel('Sex', { exact: true }).selectOption('male');
    await page.getByLabel('Weight', { exact: true }).fill('87');
    await page.getByLabel('Height', { exact: true }).fill('180');
    await page.getByLabel('Serum creatinine', { exact: true }).fill('1.1');
    await page.getByRole('button', { name: 'Calculate' }).click();
    const result = page.getByTestId('calc-result');
    await result.waitFor();
    assertEqual(await result.textContent(), '87.7 mL/min', 'CrCl (Cockcroft–Gault, adjusted weight)');
    await page.getByRole('heading', { name: 'Working' }).waitFor();
    const steps = await page.locator('table.steps tbody tr').count();
    assert(steps >= 3, `working steps shown: ${steps}`);
    await page
      .getByText(/Cockcroft DW, Gault MH/)
      .first()
      .waitFor();
    await checkA11y(page, 'calculator');
    // Show the working in the picture: the result card sits below the form.
    await page.evaluate(() =>
      document.getElementById('result-h')?.closest('section')?.scrollIntoView({ block: 'end' }),
    );
    await shot(page, 'calculator');
    await assertFitsTablet(page, 'calculator');
    // 400: the empty submission above is refused on purpose.
    assertNoConsoleErrors(page, [400]);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await signOut(page);
    await page.close();
  });

  // ---------- site scoping ----------
  test('tech-hospital sees one site and cannot open another site’s patient', async () => {
    assert(state.retailPatientId, 'needs the RETAIL1 patient id from the technician test');
    page = await openPage(context, baseUrl);
    await loginOk(page, 'tech-hospital');
    const options = await page.getByLabel('Site', { exact: true }).locator('option').allInnerTexts();
    assertEqual(options.length, 1, `one site: ${options.join(' | ')}`);
    assert(options[0]?.startsWith('HOSP1'), `site is HOSP1: ${options[0]}`);
    await page.goto(`${baseUrl}/patients/${state.retailPatientId}`);
    await page.getByRole('heading', { level: 1, name: 'Patient not found' }).waitFor();
    const alert = await page.getByRole('alert').textContent();
    assert(/not found/i.test(alert), `not-found message: ${alert}`);
    assertNoConsoleErrors(page, [404]);
    await signOut(page);
    await page.close();
  });

  // ---------- auditor ----------
  test('auditor: sees the audit trail (incl. the profile read) and verifies the chain', async () => {
    page = await openPage(context, baseUrl);
    await loginOk(page, 'auditor');
    assertEqual(await navLabels(page), EXPECTED_NAV.auditor, 'auditor navigation');
    // The navigation's link: once the home page has loaded, its "Recent activity" card links there too.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit trail' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
    await page.locator('table tbody tr').first().waitFor();
    const actions = await page.locator('table tbody td code').allInnerTexts();
    assert(
      actions.includes('patient.read'),
      `the technician's profile read is audited: ${actions.slice(0, 8).join(', ')}`,
    );
    const users = await page.locator('table tbody tr td:nth-child(3)').allInnerTexts();
    assert(users.includes('Demo Technician'), 'audit rows name the user');
    await page.getByRole('button', { name: 'Verify chain' }).click();
    const verdict = page.getByTestId('verify-result');
    await verdict.waitFor();
    const text = await verdict.textContent();
    assert(/Chain intact: \d+ entries verified/.test(text), `verify result: ${text}`);
    await checkA11y(page, 'audit');
    await shot(page, 'audit');
    await assertFitsTablet(page, 'audit');
    assertNoConsoleErrors(page);
    await signOut(page);
    await page.close();
  });

  // ---------- admin: users, field errors, session expiry ----------
  test('admin: users list, field errors next to fields, create a user', async () => {
    page = await openPage(context, baseUrl);
    await loginOk(page, 'admin');
    assertEqual(await navLabels(page), EXPECTED_NAV.admin, 'admin navigation');
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await page.getByRole('cell', { name: 'tech-hospital' }).waitFor();
    await page.getByRole('button', { name: 'New user' }).click();
    await page.getByLabel('Username').fill('e2e.tech');
    await page.getByLabel('Display name').fill('E2E Technician');
    await page.getByLabel('Initial password').fill('short');
    await page.getByRole('button', { name: 'Create user' }).click();
    const pwError = page
      .locator('.field', { has: page.getByLabel('Initial password') })
      .locator('.field-error');
    await pwError.waitFor();
    assert(
      /10 characters/.test(await pwError.textContent()),
      `password field error: ${await pwError.textContent()}`,
    );
    const described = await page.getByLabel('Initial password').getAttribute('aria-describedby');
    assert(described?.includes(await pwError.getAttribute('id')), 'error is tied to the input');
    assertNoConsoleErrors(page, [400]);
    page.consoleErrors.length = 0;
  });

  test('admin: expired session → re-login dialog keeps the form and retries', async () => {
    await page.getByLabel('Initial password').fill('e2e-password-123');
    // Simulate the server forgetting the session: the cookie is still sent but no longer valid.
    const cookies = await context.cookies(baseUrl);
    const session = cookies.find((c) => c.name === 'apotheca_session');
    assert(session, 'session cookie present');
    await context.addCookies([{ ...session, value: 'expired-session-token' }]);
    await page.getByRole('button', { name: 'Create user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Session expired' });
    await dialog.waitFor();
    assertEqual(await dialog.getByLabel('Username').inputValue(), 'admin', 'username kept');
    assertEqual(
      await page.evaluate(() => document.activeElement?.getAttribute('name')),
      'password',
      'focus on password',
    );
    await page.keyboard.type(PASSWORD);
    await dialog.getByRole('button', { name: 'Sign in and continue' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: 'e2e.tech' }).waitFor();
    await page.getByRole('cell', { name: 'e2e.tech' }).waitFor();
    assertNoConsoleErrors(page, [401]);
    await signOut(page);
    await page.close();
  });

  // ---------- prescription workbench ----------
  defineRxTests(env);

  // ---------- claims, prior authorization, dashboard ----------
  defineClaimsTests(env);
  defineInventoryTests(env);
  defineCountsTests(env);
  definePurchasingTests(env);
  defineNotesTests(env);

  // ---------- lockout (last: it locks the nurse account) ----------
  test('five wrong passwords lock the account with a clear message', async () => {
    page = await openPage(context, baseUrl);
    await gotoApp(page, '/');
    let last = '';
    for (let i = 1; i <= 5; i++) {
      last = await attemptLogin(page, 'nurse', `wrong-${i}`);
      if (i < 5) assert(/not correct/i.test(last), `attempt ${i}: ${last}`);
    }
    assert(/locked/i.test(last), `lockout message: ${last}`);
    assertEqual(await page.getByRole('alert').getAttribute('data-code'), 'account_locked', 'problem code');
    const withRightPassword = await attemptLogin(page, 'nurse', PASSWORD);
    assert(/locked/i.test(withRightPassword), `even the right password is refused: ${withRightPassword}`);
    assertNoConsoleErrors(page, [401, 423]);
    await page.close();
  });
}
