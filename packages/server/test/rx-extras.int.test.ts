import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers';
import { driveFill, inDays, type Pharmacy, pharmacyFixture, stock } from './rx-helpers';

const LIS = {
  ndc11: '00591040501',
  ndc10: '0591-0405-01',
  sig: '1 tab po daily',
  quantity: 30,
  lot: 'LBL1',
  description: 'Lisinopril 2.5 mg',
};
const ALPRAZ_CIV = '00228203910'; // not needed to exist: transfer rules are checked on the prescription's schedule

describe(`labels of fills, originals, medication history, transfers (${process.env.APOTHECA_TEST_DB ?? 'sqlite'})`, () => {
  let t: TestApp;
  let p: Pharmacy;
  beforeAll(async () => {
    t = await createTestApp();
    p = await pharmacyFixture(t);
    await stock(p, LIS.ndc11, 'LBL1');
  });
  afterAll(() => t.close());

  it('prints the label of a filled prescription: PDF text and barcode read back, ZPL with the same barcode', async () => {
    const { fillId } = await driveFill(p, { ...LIS, refills: 2 }, 'ready');
    const pdf = await p.tech.get(`/api/fills/${fillId}/label`);
    expect(pdf.statusCode, pdf.body.slice(0, 300)).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'label-'));
    const file = path.join(dir, 'label.pdf');
    fs.writeFileSync(file, pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    const rx = (await p.tech.get(`/api/fills/${fillId}`)).json().prescription;
    expect(text).toContain(String(rx.rx_number));
    expect(text).toMatch(/Rita Refill/);
    expect(text).toMatch(/Take 1 tablet by mouth/i);
    expect(text).toMatch(/Refills?:?\s*2/i);
    execFileSync('pdftoppm', ['-r', '300', '-png', '-singlefile', file, path.join(dir, 'label')]);
    const code = execFileSync('zbarimg', ['--raw', '-q', path.join(dir, 'label.png')])
      .toString()
      .trim();
    expect(code).toBe(`${rx.rx_number}-0`);
    const zpl = (await p.tech.get(`/api/fills/${fillId}/label?format=zpl`)).body;
    expect(zpl).toMatch(/^\^XA/);
    expect(zpl).toContain(`${rx.rx_number}-0`);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a label before the fill is recorded', async () => {
    const created = (
      await p.tech.post('/api/prescriptions', {
        siteId: p.site,
        origin: 'phone',
        patientId: p.patientId,
        prescriberId: p.prescriberId,
        drugDescription: 'Lisinopril',
        writtenDate: inDays(0),
      })
    ).json();
    const res = await p.tech.get(`/api/fills/${created.fill.id}/label`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('not_filled');
  });

  it('returns the scanned original as uploaded and keeps the as-written values next to the entry', async () => {
    const png =
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    const created = (
      await p.tech.post('/api/prescriptions', {
        siteId: p.site,
        origin: 'fax',
        patientId: p.patientId,
        prescriberId: p.prescriberId,
        drugDescription: 'Lisinopril 2.5mg',
        sigText: 'i po qd',
        quantity: 30,
        writtenDate: inDays(0),
        document: { contentType: 'image/png', base64: png },
      })
    ).json();
    const doc = await p.tech.get(`/api/documents/${created.prescription.document_id}`);
    expect(doc.headers['content-type']).toBe('image/png');
    expect(doc.rawPayload.toString('base64')).toBe(png);
    const detail = (await p.tech.get(`/api/fills/${created.fill.id}`)).json();
    expect(detail.asWritten).toMatchObject({ sigText: 'i po qd', quantity: 30 });
    expect(detail.context.patient.last_name).toBe('Refill');
  });

  it('finds a prescription by Rx number at the caller’s sites, whatever its state', async () => {
    const { prescriptionId } = await driveFill(p, { ...LIS, refills: 0 });
    const rx = await t.db
      .selectFrom('prescriptions')
      .select('rx_number')
      .where('id', '=', prescriptionId)
      .executeTakeFirstOrThrow();
    const found = (await p.tech.get(`/api/prescriptions?rxNumber=${rx.rx_number}`)).json();
    expect(found.items).toHaveLength(1);
    expect(found.items[0]).toMatchObject({ prescriptionId, latestFill: { state: 'sold' } });
    expect((await p.tech.get('/api/prescriptions?rxNumber=abc')).statusCode).toBe(400);
  });

  it('returns uncollected fills to stock after the configured days, and sells a bag of several at once', async () => {
    const old = await driveFill(p, { ...LIS, refills: 0 }, 'ready');
    const fresh = await driveFill(p, { ...LIS, refills: 0 }, 'ready');
    const longAgo = new Date(Date.now() - 15 * 86_400_000).toISOString();
    await t.db.updateTable('fills').set({ state_changed_at: longAgo }).where('id', '=', old.fillId).execute();
    const before = (await p.rph.get(`/api/inventory/on-hand?siteId=${p.site}&ndc11=${LIS.ndc11}`)).body;
    const run = (await p.tech.post('/api/jobs/return-to-stock', { days: 14 })).json();
    expect(run.returned).toEqual([old.fillId]);
    expect((await p.tech.get(`/api/fills/${old.fillId}`)).json().fill.state).toBe('returned_to_stock');
    expect((await p.rph.get(`/api/inventory/on-hand?siteId=${p.site}&ndc11=${LIS.ndc11}`)).body).not.toBe(
      before,
    );
    const another = await driveFill(p, { ...LIS, refills: 0 }, 'ready');
    const pickup = {
      patientId: p.patientId,
      birthDateConfirmed: '1970-02-03',
      signature: 'Rita Refill',
      counseling: 'accepted',
    };
    const notReady = await p.tech.post('/api/pickups', { fillIds: [fresh.fillId, old.fillId], pickup });
    expect(notReady.json().code).toBe('bag_not_ready');
    const bag = await p.tech.post('/api/pickups', { fillIds: [fresh.fillId, another.fillId], pickup });
    expect(bag.statusCode, bag.body).toBe(200);
    expect(bag.json().sold.map((f: { state: string }) => f.state)).toEqual(['sold', 'sold']);
  });

  it('lists the patient’s medication history with fills', async () => {
    const res = (await p.tech.get(`/api/patients/${p.patientId}/prescriptions`)).json();
    expect(res.items.length).toBeGreaterThanOrEqual(2);
    expect(
      res.items.some((r: { fills: { state: string }[] }) => r.fills.some((f) => f.state === 'ready')),
    ).toBe(true);
  });

  it('transfers out pharmacist to pharmacist, once for CIII–V, never for CII', async () => {
    const { prescriptionId } = await driveFill(p, { ...LIS, refills: 3 });
    const body = {
      pharmacyName: 'Other Pharmacy',
      pharmacyAddress: '9 Elm St, Springfield IL',
      receivingPharmacist: 'R. Receiver',
    };
    expect((await p.tech.post(`/api/prescriptions/${prescriptionId}/transfer-out`, body)).statusCode).toBe(
      403,
    );
    const ok = await p.rph.post(`/api/prescriptions/${prescriptionId}/transfer-out`, body);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().transfer).toMatchObject({ refillsRemaining: 3, receivingPharmacist: 'R. Receiver' });
    expect((await p.tech.post(`/api/prescriptions/${prescriptionId}/refills`, {})).json().code).toBe(
      'prescription_inactive',
    );
    // A controlled prescription that was itself transferred in cannot go out again.
    const cIn = (
      await p.tech.post('/api/prescriptions', {
        siteId: p.site,
        origin: 'transfer_in',
        patientId: p.patientId,
        prescriberId: p.prescriberId,
        drugDescription: 'Alprazolam 0.5 mg',
        writtenDate: inDays(0),
        transfer: {
          pharmacyName: 'First Pharmacy',
          transferringPharmacist: 'T. Sender',
          originalRxNumber: 'A1',
          originalDate: inDays(0),
          refillsRemaining: 2,
        },
      })
    ).json();
    await t.db
      .updateTable('prescriptions')
      .set({ schedule: 'CIV', ndc11: ALPRAZ_CIV })
      .where('id', '=', cIn.prescription.id)
      .execute();
    await t.db.updateTable('fills').set({ state: 'cancelled' }).where('id', '=', cIn.fill.id).execute();
    const again = await p.rph.post(`/api/prescriptions/${cIn.prescription.id}/transfer-out`, {
      ...body,
      pharmacyDea: 'AR1234563',
    });
    expect(again.json().code).toBe('transfer_not_allowed');
  });
});
