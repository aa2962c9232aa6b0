// Purchasing screens of Inventory → Orders: the buyer turns the suggested order into a purchase order (one
// quantity edited), sends it as an X12 850, imports the supplier's 855, receives it against the order and
// finds it under "Received"; adds a supplier; cancels a draft. Every step is checked on screen and via the API.
import path from 'node:path';
import { apiSession } from './lib/api.mjs';
import { assertNoConsoleErrors, checkA11y, loginOk, openPage, screenshot, signOut } from './lib/browser.mjs';
import { assert, assertEqual, test } from './lib/harness.mjs';

// Demo stock with par levels above what is on hand (packages/server/src/modules/inventory/purchasing/demo.ts).
const LISINOPRIL = { ndc11: '00591040501', name: 'LISINOPRIL 2.5 MG TABLET' };
const METFORMIN = { ndc11: '00378718505', name: 'METFORMIN HCL 500 MG TABLET' };
const SUPPLIER = 'Demo Wholesale Drug Co.';

/** GTIN-14 of an NDC whose labeler has 4 digits (4-4-2: NDC-10 = NDC-11 without its leading 0). */
function gtinOf(ndc11) {
  const body = `003${ndc11.slice(1)}`;
  const sum = [...body].reverse().reduce((s, d, i) => s + Number(d) * (i % 2 === 0 ? 3 : 1), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

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

const ordersView = (page, name) =>
  page.getByRole('group', { name: 'Orders view' }).getByRole('radio', { name }).check();

export function definePurchasingTests({ context, baseUrl, shots }) {
  const shot = (p, name) => screenshot(p, path.join(shots, `${name}.png`));
  const st = {};
  let page;
  let api;

  test('buyer: creates a purchase order from the suggested order with one quantity edited', async () => {
    api = await apiSession(baseUrl, 'buyer');
    page = await openPage(context, baseUrl);
    await loginOk(page, 'buyer');
    st.siteId = await selectSite(page, 'RETAIL1');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inventory' }).click();
    await page.getByRole('tab', { name: 'Orders' }).click();
    const table = page.getByTestId('suggestions');
    await table.waitFor();
    const sugg = (await api.get(`/api/purchasing/suggestions?siteId=${st.siteId}`)).body.items;
    const lis = sugg.find((s) => s.ndc11 === LISINOPRIL.ndc11);
    const met = sugg.find((s) => s.ndc11 === METFORMIN.ndc11);
    assert(lis && met, `the demo par levels suggest lisinopril and metformin: ${JSON.stringify(sugg)}`);
    // Every suggested line starts ticked with the suggested packages; keep only the two demo lines.
    for (const s of sugg) {
      const box = page.getByRole('checkbox', { name: `Order ${s.description}`, exact: true });
      assert(await box.isChecked(), `${s.description} is ticked by default`);
      if (s !== lis && s !== met) await box.uncheck();
    }
    const qty = page.getByLabel(`Packages of ${LISINOPRIL.name}`, { exact: true });
    assertEqual(await qty.inputValue(), String(lis.packages), 'suggested packages of lisinopril');
    await page
      .getByLabel('Supplier', { exact: true })
      .selectOption({ label: `${SUPPLIER} (6 in catalogue)` });

    // A quantity of 0 is refused before anything is sent, naming the line.
    await qty.fill('0');
    await page.getByRole('button', { name: 'Create purchase order' }).click();
    const errors = await page.getByTestId('po-errors').textContent();
    assert(
      new RegExp(`Line \\d+ \\(${LISINOPRIL.name}\\): packages must be a whole number`).test(errors),
      `the error names the line and the field: ${errors}`,
    );
    assertEqual(await qty.getAttribute('aria-invalid'), 'true', 'the packages field is marked invalid');

    const packages = lis.packages + 2;
    await qty.fill(String(packages));
    await checkA11y(page, 'suggested order');
    await shot(page, 'suggested-order');
    await page.getByRole('button', { name: 'Create purchase order' }).click();
    await page.waitForURL(/[?&]po=/);
    st.poId = new URL(page.url()).searchParams.get('po');
    const detail = page.getByTestId('po-detail');
    await detail.getByText('Draft', { exact: true }).waitFor();

    const po = (await api.get(`/api/purchasing/orders/${st.poId}`)).body;
    st.po = po;
    assertEqual(po.status, 'draft', 'a new order is a draft');
    assertEqual(po.supplier.name, SUPPLIER, 'ordered from the chosen supplier');
    assertEqual(
      po.lines.map((l) => [l.ndc11, l.packages_ordered]).sort(),
      [
        [LISINOPRIL.ndc11, packages],
        [METFORMIN.ndc11, met.packages],
      ].sort(),
      'the order has the ticked lines with the edited quantity',
    );
    assert(
      (await detail.getByRole('heading', { level: 2 }).textContent()).includes(po.po_number),
      'the order is shown by its number',
    );
    assertNoConsoleErrors(page);
  });

  test('buyer: sends the order as an X12 850 and finds it among the open orders', async () => {
    await page.getByRole('button', { name: 'Send to supplier (X12 850)' }).click();
    const x12 = page.getByTestId('x12-850');
    await x12.waitFor();
    const text = await x12.textContent();
    assert(
      text.includes(`BEG*00*SA*${st.po.po_number}`),
      `the 850 carries the PO number: ${text.slice(0, 300)}`,
    );
    const lisLine = st.po.lines.find((l) => l.ndc11 === LISINOPRIL.ndc11);
    assert(
      text.includes(`*${lisLine.packages_ordered}*CA*1.33**N4*${LISINOPRIL.ndc11}`),
      `the 850 orders the edited lisinopril packages at the catalogue price: ${text}`,
    );
    const link = page.getByRole('link', { name: 'Download the 850' });
    assertEqual(await link.getAttribute('download'), `${st.po.po_number}.850.x12`, 'download file name');
    await page.getByTestId('po-detail').getByText('Sent', { exact: true }).waitFor();
    assertEqual((await api.get(`/api/purchasing/orders/${st.poId}`)).body.status, 'sent', 'API: sent');

    await page.getByRole('button', { name: 'Back to the list' }).click();
    const row = page.getByTestId('po-list').locator('tbody tr', { hasText: st.po.po_number });
    await row.waitFor();
    const cells = await row.locator('td').allInnerTexts();
    assertEqual(cells[1], 'Sent', 'status column');
    assertEqual(cells[2], SUPPLIER, 'supplier column');
    assertEqual(cells[5], '2', 'lines column');
    const listed = (await api.get(`/api/purchasing/orders?siteId=${st.siteId}&status=open`)).body.items;
    const mine = listed.find((o) => o.id === st.poId);
    assertEqual(mine?.line_count, 2, 'API: two lines');
    assert(cells[6].includes((mine.total_cents / 100).toFixed(2)), `total column ${cells[6]}`);
    await checkA11y(page, 'purchase orders');
    await shot(page, 'purchase-orders');
    assertNoConsoleErrors(page);
  });

  test('buyer: imports the supplier’s 855; the order shows the acknowledged quantities', async () => {
    const body = [`BAK*00*AC*${st.po.po_number}*20260501`];
    for (const l of st.po.lines)
      body.push(
        `PO1*${l.line_no}*${l.packages_ordered}*CA*${(l.package_cost_cents / 100).toFixed(2)}**N4*${l.ndc11}`,
        `ACK*IA*${l.packages_ordered}*CA`,
      );
    const x12 =
      'ISA*00*          *00*          *ZZ*DEMOWHSL       *ZZ*RETAIL1        *260501*1200*^*00501*000000301*0*P*>~' +
      `GS*PR*DEMOWHSL*RETAIL1*20260501*1200*301*X*005010~ST*855*0001~${body.join('~')}~` +
      `SE*${body.length + 2}*0001~GE*1*301~IEA*1*000000301~`;
    await page.getByLabel('X12 855, 856 or 810', { exact: true }).fill(x12);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const results = page.getByTestId('edi-results');
    await results.waitFor();
    assert(
      (await results.textContent()).includes('855 acknowledgment: 2 line(s), 0 package(s) back-ordered'),
      await results.textContent(),
    );
    await results.getByRole('link', { name: 'open the order' }).click();
    const lines = page.getByTestId('po-lines');
    await page.getByTestId('po-detail').getByText('Acknowledged', { exact: true }).waitFor();
    const lisRow = lines.locator('tbody tr', { hasText: LISINOPRIL.name });
    const lisLine = st.po.lines.find((l) => l.ndc11 === LISINOPRIL.ndc11);
    assertEqual(
      (await lisRow.locator('td').nth(5).textContent()).trim(),
      `${lisLine.packages_ordered} accepted`,
      'acknowledged column',
    );
    const api855 = (await api.get(`/api/purchasing/orders/${st.poId}`)).body;
    assertEqual(api855.status, 'acknowledged', 'API: acknowledged');
    assertNoConsoleErrors(page);
  });

  test('buyer: receives the order against the PO and finds it under "Received"', async () => {
    await page.getByRole('button', { name: 'Receive against this order' }).click();
    await page.getByRole('tab', { name: 'Receiving', selected: true }).waitFor();
    assertEqual(
      await page.getByLabel('Purchase order', { exact: true }).inputValue(),
      st.poId,
      'the order is preselected',
    );
    await page.getByTestId('po-expected').getByText(st.po.po_number).waitFor();
    for (const [i, l] of st.po.lines.entries()) {
      await page
        .getByLabel('GS1 scan', { exact: true })
        .fill(`(01)${gtinOf(l.ndc11)}(17)291231(10)E2E-PO-${i + 1}`);
      await page.getByLabel('Good units', { exact: true }).fill(String(l.units_ordered));
      await page.getByLabel('GS1 scan', { exact: true }).press('Enter');
      await page
        .getByTestId('receipt-lines')
        .getByText(`E2E-PO-${i + 1}`)
        .waitFor();
    }
    await page.getByLabel('DSCSA seller', { exact: true }).fill(SUPPLIER);
    await page.getByLabel('Transaction statement provided').check();
    await page.getByRole('button', { name: /Receive 2 lines/ }).click();
    const result = page.getByTestId('receipt-result');
    await result.waitFor();
    assert(
      !(await result.textContent()).includes('discrepanc'),
      `no discrepancy: ${await result.textContent()}`,
    );
    const after = (await api.get(`/api/purchasing/orders/${st.poId}`)).body;
    assertEqual(after.status, 'received', 'API: received');
    assertEqual(
      after.lines.map((l) => l.units_received),
      after.lines.map((l) => l.units_ordered),
      'API: every ordered unit received',
    );

    await page.getByRole('tab', { name: 'Orders' }).click();
    await ordersView(page, 'Purchase orders');
    const list = page.getByTestId('po-list');
    await page.getByRole('radio', { name: 'Received', exact: true }).check();
    await list.locator('tbody tr', { hasText: st.po.po_number }).getByText('Received').waitFor();
    await page.getByRole('radio', { name: 'Open', exact: true }).check();
    // The open list replaces the received one once loaded: the order must not be in it.
    await page.waitForFunction((n) => {
      const region = document.querySelector('[aria-labelledby="pos-h"]');
      return region && !region.querySelector('.loading') && !region.textContent.includes(n);
    }, st.po.po_number);
    const received = (await api.get(`/api/purchasing/orders?siteId=${st.siteId}&status=received`)).body.items;
    assert(
      received.some((o) => o.id === st.poId),
      'API lists it as received',
    );
    const open = (await api.get(`/api/purchasing/orders?siteId=${st.siteId}&status=open`)).body.items;
    assert(!open.some((o) => o.id === st.poId), 'API no longer lists it as open');

    await page.getByRole('radio', { name: 'Received', exact: true }).check();
    await list.getByRole('link', { name: st.po.po_number }).click();
    const receipts = page.getByTestId('po-receipts');
    await receipts.waitFor();
    assert((await receipts.textContent()).includes('lot E2E-PO-1'), await receipts.textContent());
    await checkA11y(page, 'purchase order');
    await shot(page, 'purchase-order');
    assertNoConsoleErrors(page);
  });

  test('buyer: adds a supplier, with the missing name named next to the field', async () => {
    await ordersView(page, 'Suppliers');
    await page.getByTestId('supplier-list').waitFor();
    await page.getByRole('button', { name: 'Add supplier' }).click();
    const nameField = page.getByLabel('Name', { exact: true });
    assertEqual(await nameField.getAttribute('aria-invalid'), 'true', 'name marked invalid');
    await page.locator('.field-error', { hasText: 'is required' }).waitFor();
    await nameField.fill('E2E Medical Supply');
    await page.getByLabel('X12 interchange id', { exact: true }).fill('E2EMEDSUP');
    await page.getByRole('button', { name: 'Add supplier' }).click();
    await page.getByText('Supplier E2E Medical Supply added.').waitFor();
    const row = page.getByTestId('supplier-list').locator('tbody tr', { hasText: 'E2E Medical Supply' });
    assert((await row.textContent()).includes('E2EMEDSUP'), await row.textContent());
    const suppliers = (await api.get('/api/purchasing/suppliers')).body.items;
    assert(
      suppliers.some((s) => s.name === 'E2E Medical Supply' && s.x12_id === 'E2EMEDSUP'),
      'API lists the new supplier',
    );
    await page
      .getByRole('button', { name: new RegExp(`in the catalogue of ${SUPPLIER.replace('.', '\\.')}`) })
      .click();
    await page.getByTestId('supplier-catalogue').getByText('00591-0405-01').waitFor();
    await checkA11y(page, 'suppliers');
    assertNoConsoleErrors(page);
  });

  test('buyer: cancels a draft order with a reason', async () => {
    const supplierId = (await api.get('/api/purchasing/suppliers')).body.items.find(
      (s) => s.name === SUPPLIER,
    ).id;
    const created = await api.post('/api/purchasing/orders', {
      siteId: st.siteId,
      supplierId,
      lines: [{ ndc11: LISINOPRIL.ndc11, packages: 1 }],
    });
    assertEqual(created.status, 201, `create: ${JSON.stringify(created.body)}`);
    await ordersView(page, 'Purchase orders');
    await page.getByRole('radio', { name: 'Open', exact: true }).check();
    await page.getByTestId('po-list').getByRole('link', { name: created.body.po_number }).click();
    await page.getByRole('button', { name: 'Cancel order…' }).click();
    await page.getByLabel('Reason for cancelling', { exact: true }).fill('e2e: ordered twice');
    await page.getByRole('button', { name: 'Cancel the order' }).click();
    await page.getByText(`${created.body.po_number} cancelled.`).waitFor();
    await page.getByTestId('po-detail').getByText('Cancelled', { exact: true }).waitFor();
    const po = (await api.get(`/api/purchasing/orders/${created.body.id}`)).body;
    assertEqual(po.status, 'cancelled', 'API: cancelled');
    assertEqual(po.cancellation?.reason, 'e2e: ordered twice', 'API: the reason is kept');
    assertNoConsoleErrors(page);
    await signOut(page);
    await page.close();
  });
}
