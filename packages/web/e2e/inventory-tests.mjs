// Global search (patients, Rx numbers, drugs by NDC/scan), patient medication history and record viewers,
// and the inventory tabs: receiving by GS1 scan, recalls with the patient trace, the CII log.
import path from 'node:path';
import { assertNoConsoleErrors, checkA11y, loginOk, openPage, screenshot, signOut } from './lib/browser.mjs';
import { assert, assertEqual, test } from './lib/harness.mjs';

const AMOX_NDC = '00143988815';
const AMOX_GTIN = '00301439888154';
const LOT = 'E2E-RCV1';

async function selectSite(page, code) {
  const select = page.getByLabel('Site', { exact: true });
  const value = await select.evaluate(
    (el, c) => [...el.options].find((o) => o.textContent.startsWith(c))?.value,
    code,
  );
  assert(value, `site ${code} is offered`);
  await select.selectOption(value);
}

async function apiPost(page, url, body) {
  const cookies = await page.context().cookies(page.base);
  const res = await page.request.post(page.base + url, {
    data: body,
    headers: { 'x-csrf-token': cookies.find((c) => c.name === 'apotheca_csrf')?.value ?? '' },
  });
  return { status: res.status(), body: await res.json().catch(() => null) };
}

async function searchFor(page, text) {
  const box = page.locator('#global-search');
  await box.fill('');
  await box.fill(text);
  await page.getByRole('listbox', { name: 'Search results' }).waitFor();
}

export function defineInventoryTests({ context, baseUrl, shots }) {
  const shot = (p, name) => screenshot(p, path.join(shots, `${name}.png`));
  const st = {};
  let page;

  test('pharmacist-in-charge: header search finds a patient, a drug by NDC and an open Rx by number', async () => {
    page = await openPage(context, baseUrl);
    await loginOk(page, 'pharmacist-in-charge');
    await selectSite(page, 'RETAIL1');
    st.siteId = await page.getByLabel('Site', { exact: true }).inputValue();
    const nav = page.getByRole('navigation', { name: 'Main' });
    const setting = await nav.locator('.nav-setting').textContent();
    assert(/ pharmacy$/.test(setting), `the nav header names the site's setting type: ${setting}`);
    assert(await nav.getByText('Dispensing', { exact: true }).isVisible(), 'nav has a Dispensing section');
    assert(await nav.getByText('Oversight', { exact: true }).isVisible(), 'nav has an Oversight section');

    await searchFor(page, 'garcia');
    const patients = page.getByRole('group', { name: 'Patients' });
    await patients
      .getByRole('option', { name: /Garcia, Maria/ })
      .first()
      .waitFor();

    await searchFor(page, '00143-9888-15');
    const drugs = page.getByRole('group', { name: 'Drugs' });
    await drugs
      .getByRole('option', { name: /Amoxicillin/ })
      .first()
      .waitFor();
    assertEqual(await patients.count(), 0, 'an NDC does not search patients');

    // A scanned GS1 DataMatrix (as the scanner sends it) finds the same package.
    await searchFor(page, `]d201${AMOX_GTIN}1728123110LOTX`);
    await drugs
      .getByRole('option', { name: /Amoxicillin/ })
      .first()
      .waitFor();

    const q = await page.request.get(`${baseUrl}/api/queue?siteId=${st.siteId}`);
    const open = (await q.json()).items[0];
    assert(open, 'an open fill at RETAIL1');
    await searchFor(page, String(open.rxNumber));
    const rxOpt = page
      .getByRole('group', { name: 'Prescriptions' })
      .getByRole('option', { name: new RegExp(`Rx ${open.rxNumber}-${open.fillNumber}`) });
    await rxOpt.first().waitFor();
    await checkA11y(page, 'global search');
    await shot(page, 'search');
    // Enter opens the first result: the prescription.
    await page.locator('#global-search').press('Enter');
    await page.waitForURL(/\/fills\//);
    assertNoConsoleErrors(page);
  });

  test('pharmacist-in-charge: patient profile shows the medication history from the prescriptions endpoint', async () => {
    await searchFor(page, 'RETAIL1-1001');
    await page
      .getByRole('option', { name: /Garcia, Maria/ })
      .first()
      .waitFor();
    await page.locator('#global-search').press('Enter');
    await page.waitForURL(/\/patients\/[^/?]+$/);
    st.patientId = decodeURIComponent(page.url().split('/').pop());
    const hist = page.getByTestId('med-history');
    await hist.locator('tbody tr').first().waitFor();
    const res = await page.request.get(`${baseUrl}/api/patients/${st.patientId}/prescriptions`);
    const rxs = (await res.json()).items;
    const active = rxs.filter((r) => r.status === 'active');
    assertEqual(await hist.locator('tbody tr').count(), active.length, 'one row per active prescription');
    const text = await hist.textContent();
    assert(text.includes(String(active[0].rxNumber)), `history lists Rx ${active[0].rxNumber}`);
    await page.getByRole('radio', { name: /By fill/ }).check();
    const fills = rxs.reduce((n, r) => n + r.fills.length, 0);
    assertEqual(await page.getByTestId('med-fills').locator('tbody tr').count(), fills, 'one row per fill');
    await page.getByRole('heading', { name: 'Medication history' }).scrollIntoViewIfNeeded();
    await checkA11y(page, 'patient history');
    await shot(page, 'patient-history');
    assertNoConsoleErrors(page);
  });

  test('pharmacist-in-charge: receiving by GS1 scan adds stock visible on hand', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inventory' }).click();
    await page.getByRole('tab', { name: 'Receiving' }).click();
    await page.getByLabel('GS1 scan', { exact: true }).fill(`(01)${AMOX_GTIN}(17)281231(10)${LOT}`);
    await page.getByLabel('Good units', { exact: true }).fill('12');
    await page.getByLabel('GS1 scan', { exact: true }).press('Enter');
    const lines = page.getByTestId('receipt-lines');
    await lines.getByText(LOT).waitFor();
    assert((await lines.textContent()).includes('00143-9888-15'), 'the scan resolved to the NDC');
    await page.getByLabel('DSCSA seller', { exact: true }).fill('E2E Wholesaler');
    await page.getByLabel('Transaction statement provided').check();
    await checkA11y(page, 'inventory receiving');
    await shot(page, 'inventory-receiving');
    await page.getByRole('button', { name: /Receive 1 line/ }).click();
    const result = page.getByTestId('receipt-result');
    await result.waitFor();
    assert((await result.textContent()).includes(`lot ${LOT} → SHELF`), await result.textContent());
    await page.getByRole('tab', { name: 'On hand' }).click();
    await page.getByLabel('NDC', { exact: true }).fill(AMOX_NDC);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const row = page.locator('table tbody tr', { hasText: LOT });
    await row.waitFor();
    assertEqual((await row.locator('td').last().textContent()).trim(), '12', 'received units on hand');
    assertNoConsoleErrors(page);
  });

  test('pharmacist-in-charge: a recall quarantines the lot and lists the affected patients', async () => {
    const d = await apiPost(page, '/api/inventory/movements', {
      siteId: st.siteId,
      type: 'dispense',
      ndc11: AMOX_NDC,
      lot: LOT,
      expiry: '2028-12-31',
      location: 'SHELF',
      quantity: 2,
      patientId: st.patientId,
      reference: 'e2e recall trace',
    });
    assert(
      d.status === 200 || d.status === 201,
      `dispense: ${d.status} ${JSON.stringify(d.body).slice(0, 200)}`,
    );
    await page.getByRole('tab', { name: 'Recalls' }).click();
    await page.getByLabel('NDC', { exact: true }).fill('00143-9888-15');
    await page.getByLabel('Lots', { exact: true }).fill(LOT);
    await page.getByLabel('Reason', { exact: true }).fill('e2e: particulate matter');
    await page.getByRole('button', { name: 'Enter recall and quarantine' }).click();
    await page.getByText('Recall entered: 10 units quarantined.').waitFor();
    const report = page.getByTestId('recall-report');
    await report.waitFor();
    const onHand = await report.getByTestId('recall-onhand').textContent();
    assert(/Quarantine/.test(onHand) && onHand.includes(LOT), `quarantined stock listed: ${onHand}`);
    const pts = await report.getByTestId('recall-patients').textContent();
    assert(pts.includes('Garcia, Maria'), `affected patient listed: ${pts}`);
    await checkA11y(page, 'inventory recall');
    await report.scrollIntoViewIfNeeded();
    await shot(page, 'inventory-recall');
    assertNoConsoleErrors(page);
  });

  test('pharmacist-in-charge: CII log shows a running balance', async () => {
    await page.getByRole('tab', { name: 'Controlled substances' }).click();
    const log = page.getByTestId('cii-log');
    await log.locator('tbody tr').first().waitFor();
    const rows = await log
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim())),
      );
    const byNdc = new Map();
    for (const r of rows) {
      const sum = (byNdc.get(r[1]) ?? 0) + Number(r[5]);
      byNdc.set(r[1], sum);
      assertEqual(Number(r[6]), sum, `running balance of ${r[1]} after ${r[2]}`);
    }
    assert(rows.length >= 2, `several CII movements: ${rows.length}`);
    await checkA11y(page, 'cii log');
    await shot(page, 'cii-log');
    assertNoConsoleErrors(page);
    await signOut(page);
  });

  test('auditor: the patient profile lists who viewed the record', async () => {
    await loginOk(page, 'auditor');
    await page.goto(`${baseUrl}/patients/${encodeURIComponent(st.patientId)}`);
    const viewers = page.getByTestId('viewers');
    await viewers.locator('tbody tr').first().waitFor();
    const text = await viewers.textContent();
    assert(
      text.includes('Demo Pharmacist in charge'),
      `the earlier read is listed by name: ${text.slice(0, 300)}`,
    );
    assert(text.includes('patient.read'), 'the audited action is shown');
    assert(/127\.0\.0\.1|::1|::ffff/.test(text), 'the client address is shown');
    await checkA11y(page, 'record viewers');
    assertNoConsoleErrors(page);
    await signOut(page);
    await page.close();
  });
}
