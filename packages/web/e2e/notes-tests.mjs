// Patient notes: a technician adds a pinned note on a demo patient, corrects it (the original stays, struck through),
// and the pinned note shows as an alert on the fill page of that patient's prescription.
import path from 'node:path';
import { apiSession } from './lib/api.mjs';
import { assertNoConsoleErrors, checkA11y, loginOk, openPage, screenshot, signOut } from './lib/browser.mjs';
import { assert, assertEqual, test } from './lib/harness.mjs';

const FIRST = 'Mother picks up; check the guardian’s photo ID at the counter';
const CORRECTED = 'Grandmother (legal guardian) picks up; check her photo ID at the counter';

async function selectSite(page, code) {
  const select = page.getByLabel('Site', { exact: true });
  const value = await select.evaluate(
    (el, c) => [...el.options].find((o) => o.textContent.startsWith(c))?.value,
    code,
  );
  assert(value, `site ${code} is offered`);
  await select.selectOption(value);
}

export function defineNotesTests({ context, baseUrl, shots }) {
  const st = {};
  let page;

  test('technician: adds a pinned patient note, corrects it, the original stays struck through', async () => {
    // Setup through the API: Aisha Okafor (RETAIL1-1005) gets a prescription waiting at intake.
    const tech = await apiSession(baseUrl, 'technician');
    const found = await tech.get('/api/patients?q=RETAIL1-1005');
    const patient = found.body.items?.[0];
    assert(
      patient?.lastName === 'Okafor',
      `demo patient RETAIL1-1005: ${JSON.stringify(found.body).slice(0, 200)}`,
    );
    st.patientId = patient.id;
    const before = await tech.get(`/api/patients/${patient.id}/notes`);
    assertEqual(before.status, 200, 'GET notes');
    assertEqual(before.body.items.length, 0, 'the demo patient starts without notes');
    const prescriber = (await tech.get(`/api/prescribers?siteId=${patient.siteId}&q=chen`)).body.items?.[0];
    assert(prescriber, 'a demo prescriber');
    const rx = await tech.post('/api/prescriptions', {
      siteId: patient.siteId,
      origin: 'written',
      patientId: patient.id,
      prescriberId: prescriber.id,
      drugDescription: 'Amoxicillin 125 mg/5 mL suspension',
      writtenDate: new Date().toISOString().slice(0, 10),
    });
    assertEqual(rx.status, 201, `prescription created: ${JSON.stringify(rx.body).slice(0, 200)}`);
    st.fillId = rx.body.fill?.id;
    assert(st.fillId, 'fill id');

    page = await openPage(context, baseUrl);
    await loginOk(page, 'technician');
    await selectSite(page, 'RETAIL1');
    await page.goto(`${baseUrl}/patients/${patient.id}`);
    await page.getByRole('heading', { level: 1, name: 'Okafor, Aisha' }).waitFor();
    const notes = page.getByRole('region', { name: /^Notes/ });
    await notes.getByText('No notes yet.').waitFor();

    // Add: keyboard into the form, the character count follows the text.
    await notes.getByRole('button', { name: 'Add note' }).click();
    const form = notes.getByRole('form', { name: 'New note' });
    await form.getByLabel('Category').selectOption({ label: 'Delivery / pickup' });
    const textarea = form.getByLabel('Note', { exact: true });
    assertEqual(
      await page.evaluate(() => document.activeElement?.tagName),
      'TEXTAREA',
      'the form opens with the cursor in the note',
    );
    // Over 4,000 characters: the count turns into an error next to the field and the form cannot be sent.
    await textarea.fill('x'.repeat(4001));
    assertEqual(await form.getByTestId('note-count').textContent(), '4001 / 4000 characters', 'count over');
    const tooLong = await form.locator('.field-error').textContent();
    assertEqual(tooLong, 'must be at most 4000 characters', 'field error');
    assert(
      await form.getByRole('button', { name: 'Add note' }).isDisabled(),
      'cannot send an over-long note',
    );
    await textarea.fill('');
    await textarea.pressSequentially(FIRST);
    assertEqual(
      await form.getByTestId('note-count').textContent(),
      `${FIRST.length} / 4000 characters`,
      'count',
    );
    await form.getByLabel(/Pin as an alert/).check();
    await form.getByRole('button', { name: 'Add note' }).click();
    await form.waitFor({ state: 'detached' });

    const items = notes.getByTestId('note');
    await items.first().waitFor();
    assertEqual(await items.count(), 1, 'one note listed');
    const first = items.first();
    const text = await first.textContent();
    assert(text.includes(FIRST), `note text shown: ${text}`);
    assert(text.includes('Delivery / pickup'), `category shown: ${text}`);
    assert(text.includes('Pinned'), `pinned badge shown: ${text}`);
    assert(text.includes('Demo Technician'), `author shown: ${text}`);
    assert(await first.locator('time').count(), 'time shown');
    const banner = page.getByRole('region', { name: /Pinned note/ });
    await banner.getByText(FIRST).waitFor();
    const saved = (await tech.get(`/api/patients/${patient.id}/notes`)).body.items;
    assertEqual(saved.length, 1, 'the API has the note');
    assertEqual(saved[0].text, FIRST, 'note text stored');
    assertEqual(saved[0].pinned, true, 'note pinned');
    assertEqual(saved[0].category, 'delivery', 'category stored');

    // Correct: the form opens prefilled; the saved correction supersedes the original.
    await first.getByRole('button', { name: /^Correct/ }).click();
    const correction = notes.getByRole('form', { name: /^Correct the note of/ });
    assertEqual(await correction.getByLabel('Note', { exact: true }).inputValue(), FIRST, 'prefilled text');
    assertEqual(await correction.getByLabel('Category').inputValue(), 'delivery', 'prefilled category');
    assert(await correction.getByLabel(/Pin as an alert/).isChecked(), 'prefilled pin');
    await correction.getByLabel('Note', { exact: true }).fill(CORRECTED);
    await correction.getByRole('button', { name: 'Save correction' }).click();
    await correction.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="note"]').length === 2);

    const [newest, original] = [items.nth(0), items.nth(1)];
    assert((await newest.textContent()).includes(CORRECTED), 'the correction is listed first');
    assertEqual(await newest.locator('del').count(), 0, 'the correction is not struck through');
    assertEqual(await original.locator('del').textContent(), FIRST, 'the original is struck through');
    const corrected = await original.locator('.note-corrected').textContent();
    assert(/^Corrected by Demo Technician on /.test(corrected), `who corrected: ${corrected}`);
    assertEqual(
      await original.getByRole('button', { name: /^Correct/ }).count(),
      0,
      'no second correction offered',
    );
    await banner.getByText(CORRECTED).waitFor();
    assertEqual(await banner.getByText(FIRST).count(), 0, 'the banner shows only the active note');
    const after = (await tech.get(`/api/patients/${patient.id}/notes`)).body.items;
    assertEqual(after[0].text, CORRECTED, 'API: newest first');
    assertEqual(after[0].supersedesId, after[1].id, 'API: the correction supersedes the original');
    assertEqual(after[1].active, false, 'API: the original is no longer active');
    assertEqual(after[1].supersededBy?.id, after[0].id, 'API: the original names its correction');

    await checkA11y(page, 'patient profile with notes');
    // The pinned banner at the top and the notes below the clinical record, in one picture.
    await page.setViewportSize({ width: 1280, height: 1180 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, path.join(shots, 'patient-notes.png'));
    await page.setViewportSize({ width: 1280, height: 800 });
    assertNoConsoleErrors(page);
  });

  test('technician: the pinned note shows on the fill page of that patient’s prescription', async () => {
    assert(st.fillId, 'needs the fill created by the previous test');
    await page.goto(`${baseUrl}/fills/${st.fillId}`);
    await page.getByRole('heading', { level: 1, name: /^Rx \d+-\d+/ }).waitFor();
    const banner = page.getByRole('region', { name: /Pinned note/ });
    await banner.getByText(CORRECTED).waitFor();
    const text = await banner.textContent();
    assert(text.includes('Delivery / pickup'), `category in the banner: ${text}`);
    assert(!text.includes(FIRST), 'the superseded note is not an alert');
    await checkA11y(page, 'fill page with a pinned note');
    assertNoConsoleErrors(page);
    await signOut(page);
    await page.close();
  });
}
