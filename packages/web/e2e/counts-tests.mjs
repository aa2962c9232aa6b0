// Counts and controlled-substance screens at the long-term-care demo site (LTC1, which no other test touches):
// a technician's blind product count with a scan and one variance, the pharmacist posting it, a CS inventory
// signed by the pharmacist in charge, a DEA Form 106, a discrepancy closed with a signature, witnessed waste, and
// the server refusing pharmacist-only steps to a technician (shown as a clear message).
import path from 'node:path';
import { apiSession } from './lib/api.mjs';
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

// Demo stock (packages/server/src/modules/inventory/demo.ts): real NDCs, lots DEMO-<n>A/B of half the quantity each.
const ALPRAZOLAM = '00228202710'; // Schedule IV, VAULT, 150 + 150
const OXYCODONE = '00406051201'; // Schedule II, VAULT, 100 + 100
const METFORMIN = '00378718505'; // SHELF, 500 + 500
const ATORVASTATIN = '00093505698'; // SHELF, 270 + 270 (lots DEMO-01A/B)
const SITE = 'LTC1';

async function selectSite(page, code) {
  const select = page.getByLabel('Site', { exact: true });
  const value = await select.evaluate(
    (el, c) => [...el.options].find((o) => o.textContent.startsWith(c))?.value,
    code,
  );
  assert(value, `site ${code} is offered`);
  await select.selectOption(value);
  return value;
}

async function getJson(page, url) {
  const res = await page.request.get(page.base + url);
  assertEqual(res.status(), 200, `GET ${url}`);
  return res.json();
}

async function csView(page, name) {
  await page.goto(`${page.base}/inventory?tab=controlled`);
  await page.getByRole('radio', { name }).check();
}

export function defineCountsTests({ context, baseUrl, shots }) {
  const shot = (p, name) => screenshot(p, path.join(shots, `${name}.png`));
  const st = {};
  let page;

  test('technician: blind product count with barcode scans, one variance, submitted; posting is refused', async () => {
    page = await openPage(context, baseUrl);
    await loginOk(page, 'technician');
    st.siteId = await selectSite(page, SITE);
    await page.goto(`${baseUrl}/inventory?tab=counts`);
    assertEqual(
      await page.getByRole('tab', { name: 'Controlled substances' }).count(),
      0,
      'a technician has no controlled-substance records tab',
    );
    await page.getByRole('radio', { name: 'One product (all locations)' }).check();
    await page.getByLabel('Product NDC or scan', { exact: true }).fill('00228-2027-10');
    assert(await page.getByRole('checkbox', { name: /Blind/ }).isChecked(), 'counts are blind by default');
    await page.getByRole('button', { name: 'Start count' }).click();
    const sheet = page.getByTestId('count-sheet');
    await sheet.getByRole('heading', { name: 'Product 00228-2027-10 (all locations)' }).waitFor();
    await page.waitForURL(/count=/);
    st.countId = new URL(page.url()).searchParams.get('count');
    const lines = sheet.getByTestId('count-lines').locator('tbody tr');
    assertEqual(await lines.count(), 2, 'one line per lot of the product');
    const expected = await lines.locator('td:nth-child(5)').allInnerTexts();
    assertEqual(expected, ['hidden', 'hidden'], 'a blind count hides the expected quantities');
    const viaApi = await getJson(page, `/api/inventory/counts/${st.countId}`);
    assert(
      viaApi.lines.every((l) => l.expected === null),
      'the server leaves the expected quantities out too',
    );

    // A GS1 DataMatrix read by a keyboard-wedge scanner (HRI form): the product's GTIN and the lot.
    const gtin = (await getJson(page, `/api/drugs/search?q=${ALPRAZOLAM}`)).items[0]?.gtin14;
    assert(/^\d{14}$/.test(gtin ?? ''), `alprazolam GTIN from the drug search: ${gtin}`);
    const scan = page.getByTestId('count-scan');
    for (const [lot, qty] of [
      ['DEMO-06B', '149'],
      ['DEMO-06A', '150'],
    ]) {
      await scan.fill(`(01)${gtin}(10)${lot}`);
      await scan.press('Enter');
      const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
      assert(focused?.includes(lot), `the scan jumped to lot ${lot}: focus on ${focused}`);
      await page.keyboard.type(qty);
    }
    await scan.fill(`(01)${gtin}(10)NOT-A-LOT`);
    await scan.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Line 00228-2027-10 lot DEMO-06A' }).waitFor();
    await scan.fill('00378-7185-05');
    await scan.press('Enter');
    await page.getByRole('status').filter({ hasText: 'is not on this count' }).waitFor();

    await sheet.getByRole('button', { name: 'Submit count (2 of 2 lines entered)' }).click();
    await sheet.getByText('Submitted — awaiting pharmacist').waitFor();
    const variance = await sheet
      .locator('tbody tr', { hasText: 'DEMO-06B' })
      .locator('td')
      .nth(6)
      .innerText();
    assertEqual(variance, '-1', 'the variance is shown once the count is submitted');
    const row = page.getByTestId('past-counts').locator(`tr[data-count="${st.countId}"]`);
    await row.filter({ hasText: 'Submitted' }).waitFor();
    const cells = await row.locator('td').allInnerTexts();
    assert(cells[1].includes('Product 00228-2027-10'), `kind: ${cells[1]}`);
    assertEqual(cells[3], 'Demo Technician', 'counted by');
    assertEqual(cells[6], '1', 'lines off');
    assertEqual(cells[8], '-1', 'net variance');
    await checkA11y(page, 'counts');
    await shot(page, 'counts');

    await sheet.getByRole('button', { name: 'Approve and post 1 variance' }).click();
    const refusal = sheet.getByRole('alert');
    await refusal.waitFor();
    const text = await refusal.innerText();
    assert(
      /Not allowed for your role/.test(text) && /Only a pharmacist can approve count variances/.test(text),
      `clear refusal: ${text}`,
    );
    const after = await getJson(page, `/api/inventory/counts/${st.countId}`);
    assertEqual(after.status, 'submitted', 'nothing was posted');

    // The other pharmacist-only steps, straight at the API with the technician's session.
    const tech = await apiSession(baseUrl, 'technician');
    const approve = await tech.post(`/api/inventory/counts/${st.countId}/approve`);
    assertEqual([approve.status, approve.body.code], [403, 'forbidden'], 'approve count');
    for (const [url, body] of [
      [`/api/controlled/inventories/${st.countId}/sign`, { password: PASSWORD }],
      [`/api/controlled/discrepancies/${st.countId}/close`, { resolution: 'not mine', password: PASSWORD }],
      [
        '/api/controlled/loss-reports',
        {
          siteId: st.siteId,
          kind: 'loss',
          discoveredAt: new Date().toISOString(),
          description: 'technician tries',
          lines: [{ ndc11: OXYCODONE, location: 'VAULT', quantity: 1 }],
        },
      ],
    ]) {
      const r = await tech.post(url, body);
      assertEqual(r.status, 403, `technician refused: POST ${url}`);
    }
    assertNoConsoleErrors(page, [403]);
    page.consoleErrors.length = 0;
    await signOut(page);
  });

  test('pharmacist: approves the count; the variance posts to the ledger and opens a CS discrepancy', async () => {
    assert(st.countId, 'needs the technician’s count');
    await loginOk(page, 'pharmacist');
    await selectSite(page, SITE);
    await page.goto(`${baseUrl}/inventory?tab=counts&count=${st.countId}`);
    const sheet = page.getByTestId('count-sheet');
    await sheet.getByText('Submitted — awaiting pharmacist').waitFor();
    await sheet.getByRole('button', { name: 'Approve and post 1 variance' }).click();
    const posted = sheet.getByTestId('count-posted');
    await posted.waitFor();
    const text = await posted.innerText();
    assert(/1 variance posted to the ledger/.test(text), text);
    assert(/1 controlled-substance discrepancy was opened/.test(text), text);
    const moves = (
      await getJson(page, `/api/inventory/movements?siteId=${st.siteId}&ndc11=${ALPRAZOLAM}&type=count`)
    ).movements;
    assertEqual(moves.length, 1, 'one count movement');
    assertEqual(
      [moves[0].lot, moves[0].quantity, moves[0].balanceAfter, moves[0].reason],
      ['DEMO-06B', -1, 149, `count ${st.countId}`],
      'the ledger adjustment',
    );
    const disc = (await getJson(page, `/api/controlled/discrepancies?siteId=${st.siteId}`)).items.find(
      (d) => d.source === `count ${st.countId}`,
    );
    assert(disc && disc.status === 'open' && disc.difference === -1, `discrepancy: ${JSON.stringify(disc)}`);
    st.discId = disc.id;
    const row = page.getByTestId('past-counts').locator(`tr[data-count="${st.countId}"]`);
    await row.filter({ hasText: 'Posted to the ledger' }).waitFor();
    assertEqual(await row.locator('td').nth(4).innerText(), 'Demo Pharmacist', 'approved by');
    assertNoConsoleErrors(page);
  });

  test('pharmacist records a CS inventory; only the PIC may sign; the PIC signs with the password', async () => {
    await csView(page, 'CS inventory');
    const ws = page.getByTestId('cs-worksheet');
    await ws.locator('tbody tr').first().waitFor();
    const oxy = ws.locator(`tr[data-ndc="${OXYCODONE}"]`);
    const alp = ws.locator(`tr[data-ndc="${ALPRAZOLAM}"]`);
    assert(
      await oxy.getByLabel(/^Count type of/).isDisabled(),
      'Schedule II must be counted exactly (no estimate)',
    );
    await alp.getByLabel(/^Opened container size of/).fill('1200');
    assert(await alp.getByLabel(/^Count type of/).isDisabled(), 'a container over 1,000 units: exact count');
    await alp.getByLabel(/^Opened container size of/).fill('100');
    await alp.getByLabel(/^Count type of/).selectOption('estimate');
    const onHand = new Map(
      (await getJson(page, `/api/controlled/inventories/worksheet?siteId=${st.siteId}`)).items.map((i) => [
        i.ndc11,
        i.onHand,
      ]),
    );
    for (const [ndc, row] of [
      [OXYCODONE, oxy],
      [ALPRAZOLAM, alp],
    ])
      await row.getByLabel(/^Counted/).fill(String(onHand.get(ndc)));
    const others = await ws.locator('tbody tr').count();
    for (let i = 0; i < others; i++) {
      const input = ws
        .locator('tbody tr')
        .nth(i)
        .getByLabel(/^Counted/);
      if (!(await input.inputValue())) await input.fill('0');
    }
    await page.getByRole('button', { name: 'Save for the PIC’s signature' }).click();
    await page.getByRole('status').filter({ hasText: 'Inventory saved as a draft' }).waitFor();
    const list = page.getByTestId('cs-inventories');
    const draft = list.locator('tbody tr', { hasText: 'Draft' }).first();
    await draft.waitFor();
    await draft.getByRole('button', { name: 'Sign as pharmacist in charge' }).click();
    let dialog = page.getByRole('dialog', { name: 'Sign controlled-substance inventory' });
    await dialog.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Sign inventory' }).click();
    const refused = await dialog.getByRole('alert').innerText();
    assert(/Only the pharmacist in charge can sign/.test(refused), `pharmacist refused: ${refused}`);
    await dialog.getByRole('button', { name: 'Back' }).click();
    assertNoConsoleErrors(page, [403]);
    page.consoleErrors.length = 0;
    await signOut(page);

    await loginOk(page, 'pharmacist-in-charge');
    await selectSite(page, SITE);
    await csView(page, 'CS inventory');
    await page
      .getByTestId('cs-inventories')
      .locator('tbody tr', { hasText: 'Draft' })
      .getByRole('button', { name: 'Sign as pharmacist in charge' })
      .click();
    dialog = page.getByRole('dialog', { name: 'Sign controlled-substance inventory' });
    await dialog.getByRole('button', { name: 'Sign inventory' }).click();
    const unsigned = await dialog.getByRole('alert').innerText();
    assert(/cannot be completed without an electronic signature/.test(unsigned), `unsigned: ${unsigned}`);
    await dialog.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Sign inventory' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: 'is signed' }).waitFor();
    const api = await getJson(page, `/api/controlled/inventories?siteId=${st.siteId}`);
    const inv = api.items[0];
    assertEqual(
      [inv.status, inv.kind, inv.signed_by_name],
      ['signed', 'initial', 'Demo Pharmacist in charge'],
      'signed',
    );
    assertEqual(
      inv.lines.find((l) => l.ndc11 === ALPRAZOLAM)?.countType,
      'estimate',
      'CIV opened container estimated',
    );
    const year = new Date().getUTCFullYear();
    assert(api.nextDueBy?.startsWith(String(year + 2)), `next due two years on: ${api.nextDueBy}`);
    const due = await page.getByTestId('cs-next-due').innerText();
    assert(due.includes(String(year + 2)), `next due shown: ${due}`);
    await list.locator('tbody tr', { hasText: 'Signed' }).getByRole('button', { name: 'Lines' }).click();
    await checkA11y(page, 'cs inventory');
    await shot(page, 'cs-inventory');
    assertNoConsoleErrors(page, [400]);
    page.consoleErrors.length = 0;
  });

  test('pharmacist-in-charge files a DEA Form 106: the stock leaves the ledger (before/after shown), filing recorded', async () => {
    await csView(page, 'Theft/loss (DEA 106)');
    await page.getByLabel('Kind', { exact: true }).selectOption('theft');
    await page.getByLabel('What happened', { exact: true }).fill('Two tablets missing from the vault bin');
    await page.getByLabel('Police report number', { exact: true }).fill('LTC-2026-118');
    const stock = page.getByLabel('Stock 1', { exact: true });
    const option = await stock.evaluate(
      (el) => [...el.options].find((o) => o.textContent.includes('DEMO-05A'))?.value,
    );
    assert(option, 'oxycodone lot DEMO-05A offered');
    await stock.selectOption(option);
    await page.getByLabel('Quantity 1', { exact: true }).fill('2');
    await page.getByRole('button', { name: 'Record report and remove the stock' }).click();
    const created = page.getByTestId('loss-created');
    await created.waitFor();
    const cells = await created.locator('tbody tr td').allInnerTexts();
    assertEqual(cells.slice(1), ['VAULT', 'DEMO-05A', '100', '-2', '98'], 'ledger before/change/after');
    const onHand = await getJson(
      page,
      `/api/inventory/on-hand?siteId=${st.siteId}&ndc11=${OXYCODONE}&location=VAULT&lot=DEMO-05A`,
    );
    assertEqual(onHand.total, 98, 'on hand after the report');
    const report = page.locator('article.loss-report').first();
    await report.getByLabel('DEA Form 106 number', { exact: true }).fill('E2E-106-0001');
    await report.getByRole('button', { name: 'Record filing' }).click();
    await page.locator('article.loss-report').first().getByText('Form 106 filed').waitFor();
    const reports = (await getJson(page, `/api/controlled/loss-reports?siteId=${st.siteId}`)).items;
    assertEqual(
      [reports[0].kind, reports[0].dea_106_number, reports[0].ledger[0].balanceAfter],
      ['theft', 'E2E-106-0001', 98],
      'report via the API',
    );
    st.lossId = reports[0].id;
    await checkA11y(page, 'theft/loss');
    assertNoConsoleErrors(page);
  });

  test('pharmacist-in-charge resolves the count discrepancy: refused unsigned, closed with the signature', async () => {
    assert(st.discId, 'needs the discrepancy from the count');
    await csView(page, 'Discrepancies');
    const row = page.getByTestId('discrepancies').locator(`tr[data-disc="${st.discId}"]`);
    await row.getByRole('button', { name: /Investigate/ }).click();
    const inv = page.getByTestId('investigation');
    await inv
      .getByLabel('Add a note', { exact: true })
      .fill('Recounted: one tablet found crushed in the bin');
    await inv.getByRole('button', { name: 'Add note' }).click();
    await inv.getByTestId('disc-notes').getByText('one tablet found crushed').waitFor();
    await inv.getByRole('button', { name: 'Resolve and close…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Close discrepancy' });
    await dialog
      .getByLabel('Resolution', { exact: true })
      .fill('Breakage, not theft: recorded as a count adjustment');
    await dialog.getByRole('button', { name: 'Sign and close' }).click();
    const unsigned = await dialog.getByRole('alert').innerText();
    assert(/cannot be completed without an electronic signature/.test(unsigned), `unsigned: ${unsigned}`);
    const still = (await getJson(page, `/api/controlled/discrepancies?siteId=${st.siteId}`)).items.find(
      (d) => d.id === st.discId,
    );
    assertEqual(still.status, 'investigating', 'the server kept it open');
    await dialog.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Sign and close' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('radio', { name: /^Closed/ }).check();
    await page.getByTestId('disc-closed').waitFor();
    const closed = (await getJson(page, `/api/controlled/discrepancies?siteId=${st.siteId}`)).items.find(
      (d) => d.id === st.discId,
    );
    assert(
      closed.status === 'closed' && closed.signatureId && /Breakage/.test(closed.resolution),
      `closed with a signature: ${JSON.stringify(closed)}`,
    );
    await checkA11y(page, 'discrepancies');
    assertNoConsoleErrors(page, [400]);
    await signOut(page);
  });

  test('technician records waste; the pharmacist witnesses with their own password', async () => {
    page.consoleErrors.length = 0;
    await loginOk(page, 'technician');
    await selectSite(page, SITE);
    await page.goto(`${baseUrl}/inventory?tab=waste`);
    const stock = page.getByLabel('Stock to waste', { exact: true });
    await stock.locator('option', { hasText: 'DEMO-03A' }).waitFor({ state: 'attached' });
    const option = await stock.evaluate(
      (el) => [...el.options].find((o) => o.textContent.includes('DEMO-03A'))?.value,
    );
    await stock.selectOption(option);
    await page.getByLabel('Quantity wasted', { exact: true }).fill('3');
    await page.getByLabel('Reason', { exact: true }).fill('Dropped on the floor');
    await page.getByLabel('Witness username', { exact: true }).fill('pharmacist');
    await page.getByLabel('Witness password', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Record waste' }).click();
    const alert = await page.getByRole('alert').innerText();
    assert(/witness username or password is not correct/i.test(alert), `wrong witness password: ${alert}`);
    await page.getByLabel('Witness password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Record waste' }).click();
    const done = await page.getByTestId('waste-done').innerText();
    assert(/DEMO-03A at SHELF -3, now 497/.test(done), `waste recorded: ${done}`);
    const onHand = await getJson(
      page,
      `/api/inventory/on-hand?siteId=${st.siteId}&ndc11=${METFORMIN}&lot=DEMO-03A`,
    );
    assertEqual(onHand.total, 497, 'on hand after the waste');
    await checkA11y(page, 'waste');
    assertNoConsoleErrors(page, [401]);
    await selectSite(page, 'RETAIL1');
    await signOut(page);
    await page.close();
  });

  test('technician: a found item scanned into a blind shelf count joins the sheet; posting adds it to the ledger', async () => {
    page = await openPage(context, baseUrl);
    await loginOk(page, 'technician');
    const siteId = await selectSite(page, SITE);
    await page.goto(`${baseUrl}/inventory?tab=counts`);
    await page.getByLabel('Location', { exact: true }).selectOption('SHELF');
    await page.getByRole('button', { name: 'Start count' }).click();
    const sheet = page.getByTestId('count-sheet');
    await sheet.getByRole('heading', { name: 'Location SHELF' }).waitFor();
    await page.waitForURL(/count=/);
    const countId = new URL(page.url()).searchParams.get('count');
    // The shelf as it is (read from the ledger by the test, not shown on the blind sheet).
    const listed = sheet.locator('tbody tr[data-line]');
    const n = await listed.count();
    assert(n >= 2, `the shelf holds the demo lots: ${n}`);
    for (let i = 0; i < n; i++) {
      const row = listed.nth(i);
      const [ndc, lot, loc] = (await row.getAttribute('data-line')).split('|');
      const onHand = await getJson(
        page,
        `/api/inventory/on-hand?siteId=${siteId}&ndc11=${ndc}&location=${loc}&lot=${lot}`,
      );
      await row.locator('input').fill(String(onHand.total));
    }

    const gtin = (await getJson(page, `/api/drugs/search?q=${ATORVASTATIN}`)).items[0]?.gtin14;
    assert(/^\d{14}$/.test(gtin ?? ''), `atorvastatin GTIN from the drug search: ${gtin}`);
    await sheet.getByRole('button', { name: 'Add found item' }).click();
    const form = page.getByTestId('found-item');
    const barcode = form.getByLabel('Barcode or NDC', { exact: true });
    assert(await barcode.evaluate((el) => el === document.activeElement), 'the barcode field takes the scan');
    // A lot the sheet already lists is not a found item.
    await barcode.fill(`(01)${gtin}(10)DEMO-01A`);
    await form.getByLabel('Quantity counted', { exact: true }).fill('5');
    await form.getByRole('button', { name: 'Add to the count' }).click();
    await form.getByText(/Already on this count .* lot DEMO-01A at SHELF/).waitFor();
    assertEqual(await barcode.getAttribute('aria-invalid'), 'true', 'the error is on the barcode field');

    // The package found on the shelf: a GS1 DataMatrix with expiry (AI 17) and lot (AI 10).
    const yy = String((new Date().getUTCFullYear() + 2) % 100).padStart(2, '0');
    await barcode.fill(`(01)${gtin}(17)${yy}0630(10)DEMO-F1`);
    await barcode.press('Enter');
    await form.getByTestId('found-product').getByText('00093-5056-98').waitFor();
    const qty = form.getByLabel('Quantity counted', { exact: true });
    assert(
      await qty.evaluate((el) => el === document.activeElement),
      'lot and expiry read: on to the quantity',
    );
    assertEqual(
      [
        await form.getByLabel('Lot', { exact: true }).inputValue(),
        await form.getByLabel('Expiry', { exact: true }).inputValue(),
        await form.getByLabel('Found at', { exact: true }).inputValue(),
      ],
      ['DEMO-F1', `20${yy}-06-30`, 'SHELF'],
      'lot and expiry from the barcode, location from the count',
    );
    await qty.fill('');
    await form.getByRole('button', { name: 'Add to the count' }).click();
    await form.getByText('Enter the quantity counted (0 or more)').waitFor();
    assertEqual(await qty.getAttribute('aria-invalid'), 'true', 'the error is on the quantity field');
    await qty.focus();
    await page.keyboard.type('24');
    await page.keyboard.press('Enter');
    const foundRow = sheet.locator(`tr[data-found="${ATORVASTATIN}|DEMO-F1|SHELF"]`);
    await foundRow.waitFor();
    const foundCells = await foundRow.locator('td').allInnerTexts();
    assert(/ATORVASTATIN/i.test(foundCells[1]) && /found/.test(foundCells[1]), `found row: ${foundCells[1]}`);
    assertEqual(foundCells[4], 'not listed', 'a found item has no expected quantity');
    const expected = await listed.locator('td:nth-child(5)').allInnerTexts();
    assert(
      expected.every((t) => t === 'hidden'),
      `the count stays blind: ${expected}`,
    );
    await checkA11y(page, 'count with a found item');
    await foundRow.scrollIntoViewIfNeeded();
    await shot(page, 'count-found-item');

    // The server's refusal lands on the field it names (the found item's quantity).
    const foundQty = foundRow.getByLabel(/^Counted found 00093-5056-98 lot DEMO-F1/);
    await foundQty.fill('');
    await sheet
      .getByRole('button', { name: `Submit count (${n} of ${n} lines entered, 1 found item)` })
      .click();
    const fieldError = foundRow.locator('td:nth-child(6) .field-error');
    await fieldError.waitFor();
    assertEqual(await foundQty.getAttribute('aria-invalid'), 'true', 'server error on the found quantity');
    assertEqual((await getJson(page, `/api/inventory/counts/${countId}`)).status, 'open', 'still open');
    await foundQty.fill('24');
    await sheet
      .getByRole('button', { name: `Submit count (${n} of ${n} lines entered, 1 found item)` })
      .click();
    await sheet.getByText('Submitted — awaiting pharmacist').waitFor();
    const line = sheet.locator(`tr[data-line="${ATORVASTATIN}|DEMO-F1|SHELF"]`);
    assertEqual(
      (await line.locator('td').allInnerTexts()).slice(4),
      ['0', '24', '+24'],
      'the found item is a line of the submitted count',
    );
    const submitted = await getJson(page, `/api/inventory/counts/${countId}`);
    assert(
      submitted.lines.some(
        (l) => l.lot === 'DEMO-F1' && l.expiry === `20${yy}-06-30` && l.expected === 0 && l.counted === 24,
      ),
      'the server holds the found line',
    );
    assertNoConsoleErrors(page, [400]);
    page.consoleErrors.length = 0;
    await signOut(page);

    await loginOk(page, 'pharmacist');
    await selectSite(page, SITE);
    await page.goto(`${baseUrl}/inventory?tab=counts&count=${countId}`);
    await sheet.getByRole('button', { name: 'Approve and post 1 variance' }).click();
    await sheet.getByTestId('count-posted').getByText('1 variance posted to the ledger').waitFor();
    const move = (
      await getJson(page, `/api/inventory/movements?siteId=${siteId}&ndc11=${ATORVASTATIN}&type=count`)
    ).movements.find((m) => m.reason === `count ${countId}`);
    assertEqual(
      [move?.location, move?.lot, move?.expiry, move?.quantity, move?.balanceAfter],
      ['SHELF', 'DEMO-F1', `20${yy}-06-30`, 24, 24],
      'the found item entered the ledger',
    );
    const onHand = await getJson(
      page,
      `/api/inventory/on-hand?siteId=${siteId}&ndc11=${ATORVASTATIN}&location=SHELF&lot=DEMO-F1`,
    );
    assertEqual(onHand.total, 24, 'on hand of the found lot');
    assertNoConsoleErrors(page);
    await selectSite(page, 'RETAIL1');
    await signOut(page);
    await page.close();
  });
}
