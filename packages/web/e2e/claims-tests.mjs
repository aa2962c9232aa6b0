// Claims end to end against the payer simulator (test BINs only, docs/claims.md): a 75 reject explained in plain
// words whose next action opens a prior authorization case, the PA board moving that case to approved and the
// resubmitted claim paying, the claims worklist with its filters and one-click next actions (76, 65, 70), and
// the dashboard charts.
import path from 'node:path';
import { apiSession, fillAtClaim } from './lib/api.mjs';
import { assertNoConsoleErrors, checkA11y, loginOk, openPage, screenshot, signOut } from './lib/browser.mjs';
import { assert, assertEqual, test } from './lib/harness.mjs';

const ESOMEPRAZOLE = '00093645156'; // formulary: prior authorization required (75)
const SILDENAFIL = '00093551798'; // formulary: not covered (70)
const LISINOPRIL = '00591040501'; // formulary: at most 90 units / 90 days (76)
const SERTRALINE = '16714061101';
const WARFARIN = '00093171601';
const NAPROXEN = '49483061901'; // with warfarin on file: DUR drug–drug conflict (88)

async function selectSite(page, code) {
  const select = page.getByLabel('Site', { exact: true });
  const value = await select.evaluate(
    (el, c) => [...el.options].find((o) => o.textContent.startsWith(c))?.value,
    code,
  );
  assert(value, `site ${code} is offered`);
  await select.selectOption(value);
}

const heading = (page, re) => page.getByRole('heading', { level: 1, name: re }).waitFor();

export function defineClaimsTests({ context, baseUrl, shots, payerAdminUrl }) {
  const shot = (p, name) => screenshot(p, path.join(shots, `${name}.png`));
  const tallShot = async (p, name, height) => {
    await p.setViewportSize({ width: 1280, height });
    await p.evaluate(() => window.scrollTo(0, 0));
    await shot(p, name);
    await p.setViewportSize({ width: 1280, height: 800 });
  };
  const c = {};
  let techApi;
  const tech = () => techApi;
  let page;
  const fresh = async () => {
    if (!page || page.isClosed()) {
      page = await openPage(context, baseUrl);
      await loginOk(page, 'technician');
      await selectSite(page, 'RETAIL1');
    }
  };

  test('claims setup: fills at the claim step at RETAIL1; 70, 76, 65 and a second 75 billed through the API', async () => {
    const tech = await apiSession(baseUrl, 'technician');
    techApi = tech;
    const pharm = await apiSession(baseUrl, 'pharmacist');
    const me = (await tech.get('/api/me')).body;
    c.siteId = me.sites.find((s) => s.code === 'RETAIL1')?.id;
    assert(c.siteId, 'RETAIL1');
    const make = (patientQuery, ndc11, drug, quantity, sig = '1 tab po daily') =>
      fillAtClaim({ tech, pharm, siteId: c.siteId, patientQuery, ndc11, drug, sig, quantity });
    c.pa = await make('Garcia', ESOMEPRAZOLE, 'Esomeprazole 40 mg capsule', 30, '1 cap po daily');
    const billed = async (name, fill, code) => {
      const r = await tech.post(`/api/fills/${fill.fillId}/claims`, {});
      assertEqual(r.body?.status, 'rejected', `${name} is rejected: ${JSON.stringify(r.body).slice(0, 300)}`);
      assert(
        r.body.rejects.some((x) => x.code === code),
        `${name} rejects ${code}: ${r.body.rejects.map((x) => x.code)}`,
      );
      return r.body;
    };
    c.notCovered = await make('Garcia', SILDENAFIL, 'Sildenafil 20 mg tablet', 30);
    await billed('sildenafil', c.notCovered, '70');
    c.limit = await make('Garcia', LISINOPRIL, 'Lisinopril 2.5 mg tablet', 120);
    await billed('lisinopril 120', c.limit, '76');
    c.terminated = await make('Smith', SERTRALINE, 'Sertraline 25 mg tablet', 30);
    await billed('Smith (coverage ended)', c.terminated, '65');
    const other = await make('Nguyen', ESOMEPRAZOLE, 'Esomeprazole 40 mg capsule', 30, '1 cap po daily');
    const claim = await billed('esomeprazole for Nguyen', other, '75');
    const pa = await tech.post('/api/pa-cases', { claimId: claim.claimId, notifyPatient: false });
    assertEqual(pa.status, 201, `second PA case: ${JSON.stringify(pa.body).slice(0, 200)}`);
    // Johnson: warfarin paid, then naproxen → the payer's DUR finds the interaction (88).
    const warfarin = await make('Johnson', WARFARIN, 'Warfarin 4 mg tablet', 30);
    const paid = await tech.post(`/api/fills/${warfarin.fillId}/claims`, {});
    assertEqual(paid.body?.status, 'paid', `warfarin pays: ${JSON.stringify(paid.body).slice(0, 300)}`);
    c.dur = await make('Johnson', NAPROXEN, 'Naproxen 500 mg tablet', 30, '1 tab po bid');
    await billed('naproxen with warfarin', c.dur, '88');
    // Johnson's secondary plan billed as if primary: 41, bill the other payer first.
    const clinical = (await tech.get(`/api/patients/${c.dur.patientId}/clinical`)).body;
    const secondary = clinical.coverages.find((x) => x.priority === 2);
    assert(secondary, 'Johnson has a secondary coverage');
    c.cob = await make('Johnson', LISINOPRIL, 'Lisinopril 2.5 mg tablet', 30);
    const r41 = await tech.post(`/api/fills/${c.cob.fillId}/claims`, { coverageId: secondary.id });
    assert(
      r41.body?.rejects?.some((x) => x.code === '41'),
      `secondary first rejects 41: ${JSON.stringify(r41.body).slice(0, 300)}`,
    );
  });

  test('technician: bills a prescription that needs prior authorization — 75 in plain words, one click opens a PA case', async () => {
    page = null;
    await fresh();
    await page.goto(`${baseUrl}/fills/${c.pa.fillId}`);
    await heading(page, /Claim/);
    await page.getByTestId('cash-price').waitFor();
    await page.getByRole('button', { name: 'Bill insurance', exact: true }).click();
    const reject = page.locator('.reject[data-code="75"]');
    await reject.waitFor();
    const text = await reject.textContent();
    assert(/needs a prior authorization before it pays/.test(text), `plain language: ${text}`);
    assert(/Next: Open a prior authorization/.test(text), `next action named: ${text}`);
    assert(/Omeprazole DR capsule/.test(text), `the payer's preferred alternative: ${text}`);
    assert(
      await page.getByRole('button', { name: 'Adjudicate (claim paid)' }).isDisabled(),
      'cannot adjudicate an unpaid claim',
    );
    await page.getByRole('button', { name: /^Cash \(\$\d+\.\d\d\)$/ }).waitFor();
    await checkA11y(page, 'fill with a rejected claim');
    await tallShot(page, 'fill-claim-rejected', 1000);
    await reject.getByRole('button', { name: 'Open a prior authorization' }).click();
    await reject.getByRole('status').filter({ hasText: 'Prior authorization case opened' }).waitFor();
    await reject.getByRole('link', { name: 'Open the PA board →' }).click();
    await heading(page, 'Prior authorizations');
    const needed = page.locator('section[data-status=needed]');
    await needed.getByTestId('pa-card').filter({ hasText: 'Garcia, Maria' }).waitFor();
    assertNoConsoleErrors(page);
  });

  test('technician: PA board moves the case needed → sent → submitted → approved; the resubmitted claim pays', async () => {
    await fresh();
    if (!page.url().endsWith('/pa')) {
      await page.goto(`${baseUrl}/pa`);
      await heading(page, 'Prior authorizations');
    }
    const card = (status) =>
      page
        .locator(`section[data-status=${status}]`)
        .getByTestId('pa-card')
        .filter({ hasText: 'Garcia, Maria' });
    const move = async (from, button, to, fill) => {
      await card(from)
        .getByRole('button', { name: new RegExp(`^${button}`) })
        .click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await fill?.(dialog);
      await dialog.getByRole('button', { name: button, exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
      await card(to).waitFor();
    };
    await move('needed', 'Send to prescriber', 'sent_to_prescriber', (d) =>
      d.getByLabel('Note').fill('PA form faxed to Dr Chen'),
    );
    await move('sent_to_prescriber', 'Submit to plan', 'submitted');
    // Approval needs the PA number: the form will not submit without it.
    await card('submitted')
      .getByRole('button', { name: /^Approve/ })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
    assert(
      await dialog.getByLabel('PA number').evaluate((el) => el.validity.valueMissing),
      'PA number is required',
    );
    await dialog.getByRole('button', { name: 'Back' }).click();
    await dialog.waitFor({ state: 'detached' });
    const expires = new Date(Date.now() + 180 * 86_400_000).toISOString().slice(0, 10);
    if (payerAdminUrl) {
      // The plan approves in its own system: put the PA on file at the simulator.
      const res = await fetch(`${payerAdminUrl}/admin/pa`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          memberId: 'TESTGARCIA01',
          ndc11: ESOMEPRAZOLE,
          paNumber: 'PAE2E01',
          expiresOn: expires,
        }),
      });
      assertEqual(res.status, 201, 'PA on file at the payer');
    }
    await move('submitted', 'Approve', 'approved', async (d) => {
      await d.getByLabel('PA number').fill('PAE2E01');
      await d.getByLabel('Expires on').fill(expires);
    });
    const approved = await card('approved').textContent();
    assert(/PAE2E01/.test(approved), `PA number on the card: ${approved}`);
    await page.locator('section[data-status=needed]').getByTestId('pa-card').first().waitFor();
    await checkA11y(page, 'PA board');
    await shot(page, 'pa-board');
    assertNoConsoleErrors(page);
    if (!payerAdminUrl) return;
    await card('approved').getByRole('link', { name: 'Open the prescription' }).click();
    await heading(page, /Claim/);
    await page.getByRole('button', { name: 'Bill insurance again' }).click();
    const result = page.getByTestId('claim-result-1');
    await result.filter({ hasText: 'Paid' }).waitFor();
    const pay = await result.getByTestId('patient-pay').textContent();
    assert(/^\$\d+\.\d\d$/.test(pay), `patient pays: ${pay}`);
    await page.getByRole('button', { name: 'Adjudicate (claim paid)' }).click();
    await heading(page, /Fill/);
    assertNoConsoleErrors(page);
  });

  test('technician: claims worklist — plain-language rejects, filters, and next actions that work (76, 65)', async () => {
    await fresh();
    // The queue screen links to the money queues with their counts.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queue' }).click();
    const other = page.getByRole('navigation', { name: 'Claims and prior authorization queues' });
    const rejectedLink = other.getByRole('link', { name: /Claims rejected/ });
    await rejectedLink.waitFor();
    const shown = Number((await rejectedLink.textContent()).replace(/\D/g, ''));
    assert(/Prior authorizations \d+/.test(await other.textContent()), 'open PA cases counted');
    await rejectedLink.click();
    await heading(page, 'Claims');
    const cards = page.getByTestId('claim-card');
    await cards.first().waitFor();
    const texts = await cards.allInnerTexts();
    assertEqual(texts.length, shown, 'the queue link counts the rejected claims the worklist lists');
    for (const code of ['70', '76', '65', '75', '88', '41'])
      assert(
        texts.some((t) => t.includes(`Reject ${code}`)),
        `reject ${code} listed: ${texts.length} cards`,
      );
    const notCovered = cards.filter({ hasText: 'Reject 70' });
    const notCoveredText = await notCovered.textContent();
    assert(/does not cover this drug/.test(notCoveredText), 'plain language for 70');
    // Rows name the patient and the drug from the claims API itself (no lookup per fill).
    assert(/Garcia, Maria/.test(notCoveredText), `patient named on the claim: ${notCoveredText}`);
    assert(/sildenafil/i.test(notCoveredText), `drug named on the claim: ${notCoveredText}`);
    const row = (await tech().get(`/api/claims?siteId=${c.siteId}&rejectCode=70`)).body.items[0];
    assert(
      row?.patientName === 'Garcia, Maria' && /sildenafil/i.test(row.drugName),
      `claim rows carry names: ${JSON.stringify(row).slice(0, 300)}`,
    );
    await checkA11y(page, 'claims worklist');
    await shot(page, 'claims-worklist');

    await page.getByLabel('Reject code').fill('76');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/rejectCode=76/);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=claim-card]').length === 1);
    const limit = cards.first();
    assert(/over the plan’s limit/.test(await limit.textContent()), 'plain language for 76');
    await limit.getByRole('button', { name: 'Bill 90 for 90 days' }).click();
    await page
      .getByTestId('claims-flash')
      .filter({ hasText: /billed again: Paid/ })
      .waitFor();
    await page.getByText('No claims match these filters.').waitFor();
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.waitForURL((u) => !u.search.includes('rejectCode'));
    const ended = cards.filter({ hasText: 'Reject 65' });
    await ended.getByRole('button', { name: 'Run eligibility' }).click();
    await ended.getByRole('status').filter({ hasText: 'Not eligible' }).waitFor();
    // 41: one click bills the payer the response names (Johnson's primary plan).
    const cob = cards.filter({ hasText: 'Reject 41' });
    assert(/Another plan pays first/.test(await cob.textContent()), 'plain language for 41');
    await cob.getByRole('button', { name: 'Bill the other payer first' }).click();
    await page
      .getByTestId('claims-flash')
      .filter({ hasText: /billed again: Paid/ })
      .waitFor();
    // 88 needs a pharmacist: the technician sees why, not the override form.
    const dur = cards.filter({ hasText: 'Reject 88' });
    assert(
      /pharmacist reviews the conflict/.test(await dur.textContent()),
      'technician told a pharmacist overrides',
    );
    assertEqual(
      await dur.getByRole('button', { name: 'Override and resubmit' }).count(),
      0,
      'no override for a technician',
    );
    await page.getByLabel('Status').selectOption('paid');
    await page.waitForURL(/status=paid/);
    // Wait for the paid list itself (the rejected cards leave first), then read a paid lisinopril claim.
    const paidLisinopril = cards
      .filter({ hasText: /patient pays/ })
      .filter({ hasText: /lisinopril/i })
      .first();
    await paidLisinopril.waitFor();
    // What the patient pays, with the payer's copay, on the row.
    const paidText = await paidLisinopril.textContent();
    assert(/patient pays \$\d+\.\d\d \(copay \$\d+\.\d\d\)/.test(paidText), `copay shown: ${paidText}`);
    assertNoConsoleErrors(page);
  });

  test('pharmacist: DUR reject 88 — conflict shown, override with reason/professional-service/result codes, resubmitted and paid', async () => {
    await signOut(page);
    await loginOk(page, 'pharmacist');
    await selectSite(page, 'RETAIL1');
    await page.goto(`${baseUrl}/claims?rejectCode=88`);
    await heading(page, 'Claims');
    const card = page.getByTestId('claim-card').filter({ hasText: 'Reject 88' });
    await card.waitFor();
    const text = await card.textContent();
    assert(/WARFARIN/.test(text) && /Anticoagulant with an NSAID/.test(text), `conflict shown: ${text}`);
    const form = card.getByRole('form', { name: 'DUR override' });
    assertEqual(await form.getByLabel('Reason for service').inputValue(), 'DD', 'reason from the conflict');
    await form.getByLabel('Professional service').selectOption('M0');
    await form.getByLabel('Result of service').selectOption('1G');
    await checkA11y(page, 'claims worklist (DUR override)');
    await form.getByRole('button', { name: 'Override and resubmit' }).click();
    await page
      .getByTestId('claims-flash')
      .filter({ hasText: /billed again: Paid/ })
      .waitFor();
    assertNoConsoleErrors(page);
    await signOut(page);
    await page.close();
    page = null;
  });

  test('technician: dashboard — per-hour, queue-age, reject and stock charts from the report API, each with a table', async () => {
    const api = tech();
    const pharm = await apiSession(baseUrl, 'pharmacist');
    // A lot about to expire, so the stock card has a named lot to show (atorvastatin 10 mg, demo stock NDC).
    const ATORVASTATIN = '00093505698';
    const expiry = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const adj = await pharm.post('/api/inventory/adjustments', {
      siteId: c.siteId,
      ndc11: ATORVASTATIN,
      lot: 'E2E-DASH-1',
      expiry,
      location: 'SHELF',
      quantity: 12,
      reason: 'e2e: short-dated lot for the dashboard',
    });
    assertEqual(adj.status, 201, `adjustment: ${JSON.stringify(adj.body).slice(0, 200)}`);
    await fresh();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
    for (const name of [
      /Fills waiting per workflow step/,
      /Fills entering each workflow step per hour/,
      /How long open fills have waited/,
      /by reject code/,
      /Claims rejected per payer/,
      /Products out of stock/,
    ])
      await page.getByRole('img', { name }).waitFor();
    const card = (title) => page.locator('section', { has: page.getByRole('heading', { name: title }) });

    // Per hour: hold a fill now; the live stream refreshes the chart and its table counts one more "On hold".
    const bucketOf = (report) => report.hours.at(-1);
    const before = (await api.get(`/api/reports/workflow?siteId=${c.siteId}&hours=24`)).body;
    const held = await api.post(`/api/fills/${c.notCovered.fillId}/actions/hold`, {
      reason: 'e2e: waiting for the patient to choose cash',
    });
    assertEqual(held.status, 200, `hold: ${JSON.stringify(held.body).slice(0, 200)}`);
    const after = (await api.get(`/api/reports/workflow?siteId=${c.siteId}&hours=24`)).body;
    const bucket = bucketOf(after);
    if (bucketOf(before).start === bucket.start)
      assertEqual(
        bucket.entered.on_hold ?? 0,
        (bucketOf(before).entered.on_hold ?? 0) + 1,
        'the report counts the hold in this hour',
      );
    const flow = card('Prescriptions per hour');
    await flow.getByText('Show as a table').click();
    const label = await page.evaluate(
      (iso) => `${String(new Date(iso).getHours()).padStart(2, '0')}:00`,
      bucket.start,
    );
    await page.waitForFunction(
      ({ label, expected }) => {
        const table = [...document.querySelectorAll('section')]
          .find((s) => s.querySelector('h2')?.textContent === 'Prescriptions per hour')
          ?.querySelector('table');
        if (!table) return false;
        const cols = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
        const col = cols.indexOf('On hold');
        const row = [...table.querySelectorAll('tbody tr')].find(
          (r) => r.querySelector('th')?.textContent === label,
        );
        return col > 0 && row?.children[col]?.textContent === String(expected);
      },
      { label, expected: bucket.entered.on_hold },
      { timeout: 15_000 },
    );
    const flowLabel = await page
      .getByRole('img', { name: /Fills entering each workflow step/ })
      .getAttribute('aria-label');
    assert(
      new RegExp(`${label}: ${bucket.total}\\b`).test(flowLabel),
      `per-hour chart names this hour's total: ${flowLabel}`,
    );
    const queue = await page
      .getByRole('img', { name: /Fills waiting per workflow step/ })
      .getAttribute('aria-label');
    const onHold = after.queue.find((q) => q.state === 'on_hold').count;
    assert(queue.includes(`On hold ${onHold}`), `queue chart from the report: ${queue} (on hold ${onHold})`);

    // Rejects: each code with the payers that sent it; payers with their reject rates.
    const claims = (await api.get(`/api/reports/claims?siteId=${c.siteId}`)).body;
    const byCode = card('Rejects by code');
    await byCode.getByText('Show as a table').click();
    for (const [code, bin, payer] of [
      ['70', '999999', 'Apotheca Test Commercial (TEST)'],
      ['41', '999998', 'Apotheca Test Secondary (TEST)'],
    ]) {
      const stat = claims.rejectCodes.find((r) => r.code === code);
      assert(stat, `the report has code ${code}`);
      const row = byCode.getByRole('row', { name: new RegExp(`^Code ${code}\\b`) });
      const text = await row.textContent();
      assert(text.includes(`${payer} (BIN ${bin}): `), `code ${code} names its payer: ${text}`);
      assert(text.includes(String(stat.rejections)), `code ${code} count ${stat.rejections}: ${text}`);
    }
    const byPayer = card('Reject rate by payer');
    await byPayer.getByText('Show as a table').click();
    const secondary = claims.payers.find((p) => p.bin === '999998');
    const secondaryRow = await byPayer.getByRole('row', { name: /^BIN 999998/ }).textContent();
    assert(
      secondaryRow.includes(
        `${Math.round(secondary.rejectRate * 1000) / 10}% of ${secondary.submitted} submitted`,
      ),
      `payer reject rate: ${secondaryRow} vs ${JSON.stringify(secondary)}`,
    );

    // Stock: the short-dated lot named with drug, strength and form.
    const stock = (await api.get(`/api/reports/stock?siteId=${c.siteId}&days=90`)).body;
    const lot = stock.expiring.find((l) => l.lot === 'E2E-DASH-1');
    assert(lot?.name && lot.strength, `the report names the lot: ${JSON.stringify(lot)}`);
    const lotItem = page.getByTestId('expiring-lots').locator('li', { hasText: 'E2E-DASH-1' });
    await lotItem.waitFor();
    const lotText = await lotItem.textContent();
    assert(
      lotText.includes(`${lot.name} ${lot.strength}`) && lotText.includes('12 units'),
      `lot line names the drug: ${lotText}`,
    );

    await checkA11y(page, 'dashboard');
    // The picture shows the charts; the 24-row hourly table folds away again.
    await flow.getByText('Show as a table').click();
    await tallShot(page, 'dashboard', 2200);
    await page.setViewportSize({ width: 768, height: 1024 });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    await page.setViewportSize({ width: 1280, height: 800 });
    assert(width <= 768, `dashboard fits a tablet: ${width}px`);
    assertNoConsoleErrors(page);
    await signOut(page);
    await page.close();
  });
}
