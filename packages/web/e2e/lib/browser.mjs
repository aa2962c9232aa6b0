import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { assert } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

export const PASSWORD = 'apotheca-demo';

export function launch(userDataDir) {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A page that records console errors and uncaught exceptions. `expectHttpErrors` lists statuses the
 * test provokes on purpose (e.g. 401 for a wrong password): Chromium logs those responses as
 * "Failed to load resource" console errors, which are expected there and nowhere else.
 */
export async function openPage(context, baseUrl) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  page.setDefaultTimeout(10_000);
  const errors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${m.text()} @ ${m.location()?.url ?? ''}`);
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.consoleErrors = errors;
  page.base = baseUrl;
  return page;
}

export function assertNoConsoleErrors(page, allowedStatuses = []) {
  const unexpected = page.consoleErrors.filter(
    (e) =>
      !allowedStatuses.some((s) =>
        e.includes(`Failed to load resource: the server responded with a status of ${s}`),
      ),
  );
  assert(unexpected.length === 0, `console errors:\n      ${unexpected.join('\n      ')}`);
}

export async function gotoApp(page, path = '/') {
  await page.goto(page.base + path);
}

export async function login(page, username, password = PASSWORD) {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in and waits until the workbench shell (main navigation) is shown. */
export async function loginOk(page, username) {
  await gotoApp(page, '/');
  await login(page, username);
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

export async function signOut(page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
}

export async function navLabels(page) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts();
}

/** Runs axe-core and fails on serious or critical violations. */
export async function checkA11y(page, label) {
  const loaded = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!loaded) await page.addScriptTag({ path: AXE_PATH });
  const results = await page.evaluate(() => window.axe.run());
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert(
    bad.length === 0,
    `axe on ${label}: ${bad
      .map(
        (v) =>
          `${v.impact} ${v.id}: ${v.help} [${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 4)
            .join(', ')}]`,
      )
      .join('\n      ')}`,
  );
}

export async function screenshot(page, file) {
  // Let fonts and transitions settle so the picture matches what a user sees.
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: file, fullPage: false });
}

/** Submits the sign-in form, waits for the server's answer and returns the alert text shown. */
export async function attemptLogin(page, username, password) {
  const [answered] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/auth/login')),
    login(page, username, password),
  ]);
  await answered.finished();
  await page.waitForFunction(
    () => !document.querySelector('form button[type=submit]')?.hasAttribute('disabled'),
  );
  return page.getByRole('alert').textContent();
}
