// Prescription workbench end to end: intake → entry (allergy alert) → pharmacist override and data
// verification → fill (wrong bottle, then the right GS1 scan) → final verification (e-signature) → pickup,
// plus the queue (virtualized at 10,000 rows) and site scoping.
import path from 'node:path';
import {
  assertNoConsoleErrors,
  checkA11y,
  loginOk,
  openPage,
  PASSWORD,
  screenshot,
  signOut,
} from './lib/browser.mjs';
import { assert, assertEqual, test } from './lib/harness.mjs';

const AMOX_NDC = '00143988815';
const WRONG_NDC = '00591040501'; // lisinopril 2.5 mg, a real starter-catalogue NDC

async function selectSite(page, code) {
  const select = page.getByLabel('Site', { exact: true });
  const value = await select.evaluate(
    (el, c) => [...el.options].find((o) => o.textContent.startsWith(c))?.value,
    code,
  );
  assert(value, `site ${code} is offered`);
  await select.selectOption(value);
}

async function csrf(page) {
  const cookies = await page.context().cookies(page.base);
  return cookies.find((c) => c.name === 'apotheca_csrf')?.value ?? '';
}

async function apiPost(page, url, body) {
  const res = await page.request.post(page.base + url, {
    data: body,
    headers: { 'x-csrf-token': await csrf(page) },
  });
  return { status: res.status(), body: await res.json().catch(() => null) };
}

const heading = (page, re) => page.getByRole('heading', { level: 1, name: re }).waitFor();

/** A random 10-digit NPI with a valid check digit (Luhn over "80840" + the first nine digits). */
function testNpi() {
  const base = `1${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const digits = `80840${base}`;
  let sum = 0;
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = Number(digits[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return base + String((10 - (sum % 10)) % 10);
}

function yymmdd(d) {
  return `${String(d.getUTCFullYear()).slice(2)}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
}

// A 1×1 PNG: the "scanned original" attached at intake.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

export function defineRxTests({ context, baseUrl, shots }) {
  const shot = (p, name) => screenshot(p, path.join(shots, `${name}.png`));
  // Work screens are taller than 800 px: picture the whole task from the top of the page.
  const tallShot = async (p, name, height) => {
    await p.setViewportSize({ width: 1280, height });
    await p.evaluate(() => window.scrollTo(0, 0));
    await shot(p, name);
    await p.setViewportSize({ width: 1280, height: 800 });
  };
  const rx = {};
  let page;
  // A failed test closes its pages: later steps start from a fresh one.
  const fresh = async () => {
    if (!page || page.isClosed()) page = await openPage(context, baseUrl);
  };

  test('technician: queue tabs with counts; 10,000 rows stay windowed and smooth', async () => {
    page = await openPage(context, baseUrl);
    await loginOk(page, 'technician');
    await selectSite(page, 'RETAIL1');
    const queueChart = page.getByRole('img', { name: /Fills waiting per workflow step/ });
    await queueChart.waitFor();
    const chart = await queueChart.getAttribute('aria-label');
    assert(/Data verification 2/.test(chart), `home chart reads the queue counts: ${chart}`);
    await shot(page, 'home-queue-chart');
    // First load of the queue screen (full page load, signed in): printed as a figure, not asserted
    // (speed goals live in benchmarks). Goal: under one second on localhost. The home dashboard is let
    // finish first (its reports loaded, the browser idle) so the figure is the queue's own load.
    await page.waitForFunction(() => !document.querySelector('.loading'));
    await page.evaluate(() => new Promise((r) => requestIdleCallback(() => r(), { timeout: 3000 })));
    const t0 = Date.now();
    await page.goto(`${baseUrl}/queue`);
    // Checked on every animation frame: a locator wait polls at growing intervals (up to 500 ms), which
    // would add up to half a second to the figure.
    await page.waitForFunction(() => document.querySelector('[data-testid=vtable] tbody tr'), null, {
      polling: 'raf',
    });
    console.log(`  figure: queue screen first load ${Date.now() - t0} ms (navigation start → first row)`);
    await page.goto(`${baseUrl}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queue' }).click();
    await heading(page, /Prescription queue/);
    await page.getByRole('tab', { name: /Data verification/ }).click();
    await page.waitForURL(/state=data_verification/);
    await page.locator('[data-testid=vtable] tbody tr').first().waitFor();
    const tab = await page.getByRole('tab', { name: /Data verification/ }).textContent();
    assert(/Data verification\s*2/.test(tab), `tab shows its count: ${tab}`);
    assertEqual(
      await page.locator('[data-testid=vtable] tbody tr').count(),
      2,
      'two demo fills in data verification',
    );
    // Live updates: the queue subscribes to the server's event stream (no polling while connected).
    await page.getByText('· live').waitFor({ timeout: 10_000 });
    await checkA11y(page, 'queue');
    await shot(page, 'rx-queue');

    // 10,000 synthetic fills: only the visible window is in the DOM, and scrolling reaches the last one.
    const items = Array.from({ length: 10_000 }, (_, i) => ({
      fillId: `synthetic-${i}`,
      siteId: 'x',
      rxNumber: 2_000_000 + i,
      fillNumber: 0,
      state: 'intake',
      priority: i % 50 === 0 ? 'waiter' : 'normal',
      promisedAt: null,
      ageMinutes: i,
      drug: `Synthetic drug ${i}`,
      schedule: i % 7 === 0 ? 'CII' : null,
      origin: 'fax',
      patient: `Patient, Number ${i}`,
      holdReason: null,
    }));
    await page.route(/\/api\/queue\?.*state=intake/, (route) =>
      route.fulfill({ json: { counts: { intake: { count: 10_000, oldestMinutes: 9_999 } }, items } }),
    );
    await page.getByRole('tab', { name: /^Intake/ }).click();
    await page.getByText('10000 fills').waitFor();
    const domRows = await page.locator('[data-testid=vtable] tbody tr:not(.vpad)').count();
    assert(domRows < 80, `windowed: ${domRows} rows in the DOM for 10,000 fills`);
    const first = await page.locator('[data-testid=vtable] tbody tr:not(.vpad) td').first().textContent();
    assert(
      first.startsWith('2000000') || first.startsWith('2009950'),
      `waiters first, oldest first: ${first}`,
    );
    // Scroll through the whole list in steps, timing the frames.
    const timing = await page.evaluate(async () => {
      const el = document.querySelector('[data-testid=vtable]');
      const frames = [];
      let last = performance.now();
      for (let i = 1; i <= 40; i++) {
        el.scrollTop = (el.scrollHeight * i) / 40;
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const now = performance.now();
        frames.push(now - last);
        last = now;
      }
      frames.sort((a, b) => a - b);
      return { p90: frames[Math.floor(frames.length * 0.9)], rows: el.querySelectorAll('tbody tr').length };
    });
    assert(timing.rows < 90, `still windowed after scrolling: ${timing.rows}`);
    assert(timing.p90 < 120, `smooth scrolling: p90 of two frames = ${timing.p90.toFixed(1)} ms`);
    const lastRow = await page
      .locator('[data-testid=vtable] tbody tr:not(.vpad)')
      .last()
      .locator('td')
      .first()
      .textContent();
    assert(/^20\d{5}-0$/.test(lastRow), `the end of the list renders: ${lastRow}`);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    assertNoConsoleErrors(page);
  });

  test('technician: adds a prescriber inline at intake — a bad NPI is named on its field, a valid one is picked', async () => {
    await page.getByRole('link', { name: 'New prescription' }).click();
    await heading(page, 'New prescription');
    await page.getByRole('button', { name: '+ New prescriber' }).click();
    const group = page.getByRole('group', { name: 'New prescriber' });
    await group.getByLabel('Last name', { exact: true }).fill('Okafor');
    await group.getByLabel('First name', { exact: true }).fill('Adaeze');
    await group.getByLabel('Credential', { exact: true }).fill('NP');
    await group.getByLabel('NPI', { exact: true }).fill('1234567890'); // fails the NPI check digit
    await group.getByRole('button', { name: 'Add prescriber' }).click();
    await group.locator('.field-invalid').filter({ hasText: 'NPI' }).waitFor();
    // Test value: a random NPI whose Luhn check digit (with the 80840 prefix) is computed here.
    const npi = testNpi();
    await group.getByLabel('NPI', { exact: true }).fill(npi);
    await group.getByRole('button', { name: 'Add prescriber' }).click();
    const picked = page.getByTestId('picked-prescriber');
    await picked.filter({ hasText: 'Okafor, Adaeze' }).waitFor();
    assert((await picked.textContent()).includes(npi), 'the picked prescriber shows the NPI');
    const found = await page.request.get(`${baseUrl}/api/prescribers?q=${npi}`);
    const items = (await found.json()).items;
    assertEqual(
      items.map((p) => [p.lastName, p.npi]),
      [['Okafor', npi]],
      'the server stored the prescriber',
    );
    await checkA11y(page, 'new prescription with a new prescriber');
    await page.getByRole('button', { name: 'Change prescriber' }).click();
    await page.getByRole('link', { name: 'Queue', exact: true }).click();
    assertNoConsoleErrors(page, [400, 422]);
    page.consoleErrors.length = 0;
  });

  test('technician: intake with the original attached, duplicate patient caught', async () => {
    await page.getByRole('link', { name: 'New prescription' }).click();
    await heading(page, 'New prescription');
    await page.getByRole('button', { name: '+ New patient' }).click();
    const group = page.getByRole('group', { name: 'New patient' });
    await group.getByLabel('Last name', { exact: true }).fill('Nguyen');
    await group.getByLabel('First name', { exact: true }).fill('Linda');
    await group.getByLabel('Date of birth', { exact: true }).fill('1989-07-22');
    await group.getByRole('button', { name: 'Create patient' }).click();
    const warn = page.getByRole('alert').filter({ hasText: 'already have' });
    await warn.waitFor();
    await warn.getByRole('button', { name: /Use existing RETAIL1-/ }).click();
    await page.getByTestId('picked-patient').filter({ hasText: 'Nguyen, Linda' }).waitFor();
    await page.getByRole('combobox', { name: 'Prescriber' }).fill('chen');
    await page
      .getByRole('option', { name: /Chen, David/ })
      .first()
      .click();
    await page.getByTestId('picked-prescriber').waitFor();
    await page.getByLabel('Origin', { exact: true }).selectOption('fax');
    await page.getByLabel('Drug as written', { exact: true }).fill('Amoxicillin 125 mg/5 mL suspension');
    await page.getByLabel('Directions as written', { exact: true }).fill('5 mL po tid x10d');
    await page.getByLabel('Quantity', { exact: true }).fill('150');
    await page.getByLabel('Priority', { exact: true }).selectOption('waiter');
    await page
      .getByLabel('Scanned original', { exact: true })
      .setInputFiles({ name: 'rx-original.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('img', { name: /Scanned original/ }).waitFor();
    await checkA11y(page, 'new prescription');
    await page.getByRole('button', { name: 'Create prescription' }).click();
    await page.waitForURL(/\/fills\/[^/]+$/);
    rx.fillId = page.url().split('/').pop();
    rx.url = page.url();
    await heading(page, /Intake/);
    // The scanned original is shown beside the entry, served back byte for byte by the server.
    await page.getByText('Scanned original ·').waitFor();
    const src = await page.locator('object.rx-scan-view').getAttribute('data');
    const served = await page.request.get(`${baseUrl}${src}`);
    assertEqual(served.status(), 200, 'document served');
    assertEqual(Buffer.compare(await served.body(), PNG), 0, 'the stored original is the uploaded file');
    await page.getByRole('button', { name: /Accept intake/ }).click();
    await heading(page, /Data entry/);
    assertNoConsoleErrors(page, [409]);
    page.consoleErrors.length = 0;
  });

  test('technician: data entry — amoxicillin raises the penicillin allergy alert; submits', async () => {
    await page.getByRole('combobox', { name: 'Drug' }).fill('amox');
    const option = page.getByRole('option').filter({ hasText: '00143-9888-15' });
    await option.waitFor();
    const optText = await option.textContent();
    assert(
      /Amoxicillin/.test(optText) && /125 mg\/5 mL/.test(optText),
      `option shows name and strength: ${optText}`,
    );
    assert(/formulary/i.test(optText), `option shows formulary status: ${optText}`);
    await option.click();
    await page.getByTestId('picked-drug').waitFor();
    const sig = page.getByLabel('Directions (sig)', { exact: true });
    assertEqual(await sig.inputValue(), '5 mL po tid x10d', 'sig as written is prefilled');
    await sig.fill('5 ml po tid x10d');
    await page
      .getByTestId('sig-preview')
      .filter({ hasText: 'Take 5 mL by mouth three times a day for 10 days.' })
      .waitFor();
    await page.getByRole('button', { name: 'Save entry & screen' }).click();
    const alert = page.locator('.screen-alert[data-severity=major]');
    await alert.waitFor();
    const text = await alert.textContent();
    assert(/penicillin/i.test(text) && /Requires pharmacist override/.test(text), `allergy alert: ${text}`);
    const working = await page.getByTestId('days-working').textContent();
    assert(/10 days/.test(working) && /150 mL/.test(working), `days' supply working shown: ${working}`);
    await checkA11y(page, 'data entry with alert');
    await tallShot(page, 'rx-entry-alert', 1180);
    // Technicians see the alert but cannot override it.
    assertEqual(
      await page.getByRole('button', { name: 'Override' }).count(),
      0,
      'no override for a technician',
    );
    await page.getByRole('button', { name: 'Submit entry' }).click();
    await heading(page, /Data verification/);
    assertEqual(
      await page.getByRole('button', { name: 'Approve data entry' }).count(),
      0,
      'technician cannot verify',
    );
    assertNoConsoleErrors(page);
    await signOut(page);
  });

  test('pharmacist: overrides the alert with a reason and approves the entry; stock on hand', async () => {
    await fresh();
    await loginOk(page, 'pharmacist');
    await page.goto(rx.url);
    await heading(page, /Data verification/);
    await page.getByRole('button', { name: 'Approve data entry' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Verify data' }).click();
    await dialog
      .getByRole('alert')
      .filter({ hasText: /resolve 1 major alert/ })
      .waitFor();
    await dialog.getByRole('button', { name: 'Back' }).click();
    await page
      .getByLabel('Override reason (pharmacist)', { exact: true })
      .fill('Childhood rash only; prescriber confirmed amoxicillin');
    await page.getByRole('button', { name: 'Override', exact: true }).click();
    await page.locator('.screen-alert.resolved').waitFor();
    await page.getByRole('button', { name: 'Approve data entry' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Verify data' }).click();
    await heading(page, /Claim/);
    // The demo site has no amoxicillin on the shelf: receive some (pharmacist adjustment) so the fill can draw it.
    const fill = await (await page.request.get(`${baseUrl}/api/fills/${rx.fillId}`)).json();
    rx.siteId = fill.fill.site_id;
    rx.patientId = fill.prescription.patient_id;
    const exp = new Date(Date.now() + 400 * 86_400_000);
    rx.expiry = exp.toISOString().slice(0, 10);
    rx.expiryGs1 = yymmdd(exp);
    const adj = await apiPost(page, '/api/inventory/adjustments', {
      siteId: rx.siteId,
      ndc11: AMOX_NDC,
      lot: 'E2E-LOT-7',
      expiry: rx.expiry,
      location: 'SHELF',
      quantity: 600,
      reason: 'e2e: opening stock for the amoxicillin fill',
    });
    assertEqual(adj.status, 201, `stock received: ${JSON.stringify(adj.body)}`);
    assertNoConsoleErrors(page, [409]);
    page.consoleErrors.length = 0;
    await signOut(page);
  });

  test('technician: bills the plan (paid, copay shown) → adjudicates; wrong bottle → loud mismatch banner; right GS1 DataMatrix → final verification', async () => {
    await fresh();
    await loginOk(page, 'technician');
    await page.goto(rx.url);
    await heading(page, /Claim/);
    // Nguyen has test coverage at the demo payer (BIN 999999): amoxicillin is on its formulary, tier 1.
    await page.getByRole('button', { name: 'Bill insurance', exact: true }).click();
    const claim = page.getByTestId('claim-result-1');
    await claim.filter({ hasText: 'Paid' }).waitFor();
    const patientPay = await claim.getByTestId('patient-pay').textContent();
    const planPay = await claim.getByTestId('plan-pay').textContent();
    assert(
      /^\$\d+\.\d\d$/.test(patientPay) && /^\$\d+\.\d\d$/.test(planPay),
      `amounts: ${patientPay} / ${planPay}`,
    );
    assert(/Apotheca Test Commercial/.test(await claim.textContent()), 'payer named');
    await page.getByRole('button', { name: 'Adjudicate (claim paid)' }).click();
    await heading(page, /Fill/);
    const scan = page.getByTestId('scan-input');
    await scan.waitFor();
    assertEqual(
      await page.evaluate(() => document.activeElement?.dataset.testid),
      'scan-input',
      'scan field has focus',
    );
    await scan.fill(WRONG_NDC);
    await scan.press('Enter');
    const banner = page.getByTestId('mismatch-banner');
    await banner.waitFor();
    assertEqual(await banner.getAttribute('role'), 'alert', 'the banner is announced');
    const bannerText = await banner.textContent();
    assert(/WRONG PRODUCT/.test(bannerText), `banner: ${bannerText}`);
    assert(
      bannerText.includes('00143-9888-15') && bannerText.includes('00591-0405-01'),
      `expected vs scanned: ${bannerText}`,
    );
    const [bw, mw] = await page.evaluate(() => [
      document.querySelector('[data-testid=mismatch-banner]').getBoundingClientRect().width,
      document.querySelector('main').clientWidth,
    ]);
    assert(bw > mw * 0.9, `full width: ${bw} of ${mw}`);
    assertEqual(
      await page.evaluate(() => document.activeElement?.dataset.testid),
      'scan-input',
      'refocused for the next scan',
    );
    await checkA11y(page, 'fill with mismatch');
    await shot(page, 'rx-fill-mismatch');
    await scan.fill('0030');
    assert(await banner.isVisible(), 'typing does not clear the warning; only a new scan does');
    // GS1 DataMatrix as a keyboard wedge sends it: GTIN, lot, a group separator (ASCII 29), expiry.
    const gtin = (await (await page.request.get(`${baseUrl}/api/drugs/search?q=${AMOX_NDC}`)).json()).items[0]
      .gtin14;
    assert(/^\d{14}$/.test(gtin), `package GTIN from drug search: ${gtin}`);
    await scan.fill(`01${gtin}10E2E-LOT-7\u001d17${rx.expiryGs1}`);
    assertEqual(await scan.inputValue(), `01${gtin}10E2E-LOT-7^17${rx.expiryGs1}`, 'GS shown as ^');
    await scan.press('Enter');
    await heading(page, /Final verification/);
    const compare = await page.getByTestId('compare').textContent();
    assert(compare.includes('E2E-LOT-7'), 'lot captured from the DataMatrix');
    assertNoConsoleErrors(page, [409]);
    page.consoleErrors.length = 0;
    await signOut(page);
  });

  test('pharmacist: final verification side by side, signed with the password', async () => {
    await fresh();
    await loginOk(page, 'pharmacist');
    await page.goto(rx.url);
    await heading(page, /Final verification/);
    const heads = await page.getByTestId('compare').locator('thead th').allInnerTexts();
    assert(
      heads.some((h) => /prescribed/i.test(h)) &&
        heads.some((h) => /entered/i.test(h)) &&
        heads.some((h) => /dispensed/i.test(h)),
      `three columns: ${heads.join(' | ')}`,
    );
    await checkA11y(page, 'final verification');
    await tallShot(page, 'rx-verification', 1000);
    await page.getByRole('button', { name: 'Approve & sign' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign final verification' });
    await dialog.getByLabel('Password', { exact: true }).fill('not-my-password');
    await dialog.getByRole('button', { name: 'Sign and verify' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Signature refused' }).waitFor();
    await dialog.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Sign and verify' }).click();
    await heading(page, /Ready/);
    assertNoConsoleErrors(page, [401]);
    page.consoleErrors.length = 0;
    await signOut(page);
  });

  test('technician: pickup — DOB check, signature pad, counseling, sell', async () => {
    await fresh();
    await loginOk(page, 'technician');
    await page.goto(rx.url);
    await heading(page, /Ready/);
    await page.getByRole('button', { name: 'Print label (PDF)' }).waitFor();
    const patient = await (await page.request.get(`${baseUrl}/api/patients/${rx.patientId}`)).json();
    await page.getByLabel('Date of birth stated by the customer', { exact: true }).fill('1990-01-01');
    await page.getByText('Does not match the patient record').waitFor();
    await page.getByLabel('Date of birth stated by the customer', { exact: true }).fill(patient.birthDate);
    await page.getByText('Matches the patient record').waitFor();
    const pad = await page.getByTestId('signature-canvas').boundingBox();
    await page.mouse.move(pad.x + 30, pad.y + pad.height * 0.6);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++)
      await page.mouse.move(pad.x + 30 + i * 25, pad.y + pad.height * (0.6 + 0.25 * Math.sin(i)));
    await page.mouse.up();
    await page.getByText('Signature captured.').waitFor();
    await page.getByLabel('Accepted', { exact: true }).check();
    await checkA11y(page, 'pickup');
    await tallShot(page, 'rx-pickup', 1000);
    // The label renders on the server (PDF and ZPL).
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download ZPL' }).click(),
    ]);
    const zpl = await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString());
    assert(
      zpl.startsWith('^XA') && zpl.includes('NGUYEN'),
      `ZPL label rendered by the server: ${zpl.slice(0, 60)}`,
    );
    await page.getByRole('button', { name: 'Sell' }).click();
    await heading(page, /Sold/);
    assertNoConsoleErrors(page);
  });

  test('technician: inventory shows the lot drawn down; patient profile shows allergies and the Rx', async () => {
    await fresh();
    await page.goto(`${baseUrl}/inventory`);
    await heading(page, 'Inventory');
    const row = page.locator('table tbody tr', { hasText: 'E2E-LOT-7' });
    await row.waitFor();
    const cells = await row.locator('td').allInnerTexts();
    assert(/Amoxicillin/.test(cells[0]), `product name resolved: ${cells[0]}`);
    assertEqual(cells[5], '450', 'on hand after dispensing 150 of 600');
    await checkA11y(page, 'inventory');
    await shot(page, 'inventory');
    await page.goto(`${baseUrl}/patients/${rx.patientId}`);
    await page.getByRole('heading', { level: 2, name: /Allergies/ }).waitFor();
    await page.locator('.clin-list .badge', { hasText: 'penicillin' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Medication history' }).waitFor();
    await page.locator(`a[href="/fills/${rx.fillId}"]`).waitFor();
    await checkA11y(page, 'patient profile (clinical)');
    await page.evaluate(() => document.getElementById('allergies-h')?.scrollIntoView({ block: 'start' }));
    await shot(page, 'patient-clinical');
    assertNoConsoleErrors(page);
    await signOut(page);
    await page.close();
  });

  test('tech-hospital (HOSP1 only) cannot see the RETAIL1 fill in its queue nor open it', async () => {
    assert(rx.fillId, 'needs the fill from the workflow tests');
    page = await openPage(context, baseUrl);
    await loginOk(page, 'tech-hospital');
    await page.goto(`${baseUrl}/queue?state=sold`);
    await heading(page, /Prescription queue/);
    await page
      .getByText(/No prescriptions in sold|fills?$/)
      .first()
      .waitFor();
    assertEqual(await page.locator(`a[href="/fills/${rx.fillId}"]`).count(), 0, 'not in the HOSP1 queue');
    const api = await (await page.request.get(`${baseUrl}/api/queue?state=sold`)).json();
    assert(!api.items.some((i) => i.fillId === rx.fillId), 'the API does not list it either');
    await page.goto(rx.url);
    await heading(page, 'Prescription not found');
    assertNoConsoleErrors(page, [404]);
    await signOut(page);
    await page.close();
  });
}
