import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoStock } from '../src/modules/inventory';
import { DEMO_SUPPLIER } from '../src/modules/inventory/purchasing/demo';
import { systemCtx } from '../src/platform/system';
import {
  as,
  buildOrg,
  buildSite,
  buildUser,
  createTestApp,
  login,
  type Session,
  type TestApp,
} from './helpers';

// Real NDCs and package sizes of the demo stock (shared/data/nadac-2025-derived).
const LISINOPRIL = '00591040501'; // 100 per package
const METFORMIN = '00378718505'; // 500 per package
const OXY_APAP = '00406051201'; // Schedule II

interface Po {
  id: string;
  po_number: string;
  status: string;
}

/**
 * The purchasing screens' server side: the demo supplier and par levels, orders listed by status with line
 * count and value, one order with ordered / acknowledged / received quantities, invoices and receipts, and
 * cancelling (audited; closed when part arrived). Each run has its own organization.
 */
describe(`purchase orders for the workbench (${process.env.APOTHECA_TEST_DB ?? 'sqlite'})`, () => {
  let t: TestApp;
  let site: string;
  let other: string;
  let buyer: Session;
  let tech: Session;
  let elsewhere: Session;
  let supplierId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const org = await buildOrg(t.db);
    site = await buildSite(t.db, org);
    other = await buildSite(t.db, org);
    const b = await buildUser(t.db, org, [{ siteId: site, role: 'buyer' }]);
    buyer = await login(t.app, b.username);
    tech = await login(t.app, (await buildUser(t.db, org, [{ siteId: site, role: 'technician' }])).username);
    elsewhere = await login(t.app, (await buildUser(t.db, org, [{ siteId: other, role: 'buyer' }])).username);
    // The demo's stock, supplier, catalogue and par levels, as `apotheca seed --demo` loads them.
    await seedDemoStock(t.db, await systemCtx(t.db, org), [site, other]);
  });
  afterAll(() => t.close());

  const create = async (
    lines: { ndc11: string; packages: number }[],
    extra: Record<string, unknown> = {},
  ) => {
    const r = await as(t.app, buyer).post('/api/purchasing/orders', {
      siteId: site,
      supplierId,
      lines,
      ...extra,
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as Po;
  };

  it('seeds a demo supplier with a priced catalogue and par levels that make suggestions', async () => {
    const c = as(t.app, buyer);
    const suppliers = (await c.get('/api/purchasing/suppliers')).json().items;
    const demo = suppliers.find((s: { name: string }) => s.name === DEMO_SUPPLIER);
    expect(demo).toMatchObject({ catalogue_items: 6, x12_id: null, dea_number: null });
    supplierId = demo.id;
    const cat = (await c.get(`/api/purchasing/suppliers/${supplierId}/catalogue`)).json().items;
    // NADAC 0.01329 $/tablet × 100 = $1.33 per package.
    expect(cat.find((i: { ndc11: string }) => i.ndc11 === LISINOPRIL)).toMatchObject({
      package_qty: 100,
      package_cost_cents: 133,
    });
    const sugg = (await c.get(`/api/purchasing/suggestions?siteId=${site}`)).json().items;
    const by = (n: string) => sugg.find((s: { ndc11: string }) => s.ndc11 === n);
    // Par max 800, 400 on hand → 4 packages of 100; par max 2,500, 1,000 on hand → 3 of 500.
    expect(by(LISINOPRIL)).toMatchObject({ packages: 4, packageQty: 100, deaSchedule: null });
    expect(by(METFORMIN)).toMatchObject({ packages: 3, packageQty: 500 });
    const all = (await c.get(`/api/purchasing/suggestions?siteId=${site}&all=true`)).json().items;
    expect(all.find((s: { ndc11: string }) => s.ndc11 === OXY_APAP)).toMatchObject({ deaSchedule: 'CII' });
    // Another organization cannot read this supplier's catalogue.
    const org2 = await buildOrg(t.db, 'Other Org');
    const site2 = await buildSite(t.db, org2);
    const outsider = await login(
      t.app,
      (await buildUser(t.db, org2, [{ siteId: site2, role: 'buyer' }])).username,
    );
    expect(
      (await as(t.app, outsider).get(`/api/purchasing/suppliers/${supplierId}/catalogue`)).statusCode,
    ).toBe(404);
  });

  it('lists orders with line count and value, filtered by status, for receiving staff too', async () => {
    const po = await create([
      { ndc11: LISINOPRIL, packages: 6 },
      { ndc11: METFORMIN, packages: 3 },
    ]);
    const list = (await as(t.app, buyer).get(`/api/purchasing/orders?siteId=${site}&status=open`)).json()
      .items;
    expect(list.find((o: Po) => o.id === po.id)).toMatchObject({
      status: 'draft',
      supplier: DEMO_SUPPLIER,
      line_count: 2,
      // 6 × $1.33 + 3 × (0.01304 × 500 = $6.52)
      total_cents: 6 * 133 + 3 * 652,
    });
    // A technician (inventory.read) sees the order to receive against it.
    const techList = (await as(t.app, tech).get('/api/purchasing/orders?status=draft,sent')).json().items;
    expect(techList.map((o: Po) => o.id)).toContain(po.id);
    expect((await as(t.app, buyer).get('/api/purchasing/orders?status=received')).json().items).toEqual([]);
    const bad = await as(t.app, buyer).get('/api/purchasing/orders?status=shipped');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('status');
    // The buyer of the other site neither lists nor opens it.
    expect((await as(t.app, elsewhere).get('/api/purchasing/orders')).json().items).toEqual([]);
    expect((await as(t.app, elsewhere).get(`/api/purchasing/orders/${po.id}`)).statusCode).toBe(404);
    expect((await as(t.app, buyer).get(`/api/purchasing/orders?siteId=${other}`)).statusCode).toBe(404);
  });

  it('shows ordered, acknowledged, received quantities, the invoice and the receipt of one order', async () => {
    const c = as(t.app, buyer);
    const po = await create([
      { ndc11: LISINOPRIL, packages: 2 },
      { ndc11: METFORMIN, packages: 1 },
    ]);
    expect((await c.get(`/api/purchasing/orders/${po.id}/x12-850`)).statusCode).toBe(200);
    const isa =
      'ISA*00*          *00*          *ZZ*DEMOWHSL       *ZZ*APOTHECA       *260501*1200*^*00501*000000201*0*P*>~';
    const env = (gs: string, st: string, body: string[]) =>
      `${isa}GS*${gs}*DEMOWHSL*APOTHECA*20260501*1200*201*X*005010~ST*${st}*0001~${body.join('~')}~SE*${body.length + 2}*0001~GE*1*201~IEA*1*000000201~`;
    const ack = env('PR', '855', [
      `BAK*00*AC*${po.po_number}*20260501`,
      `PO1*1*2*CA*1.33**N4*${LISINOPRIL}`,
      'ACK*IA*2*CA',
      `PO1*2*1*CA*6.52**N4*${METFORMIN}`,
      'ACK*IB*1*CA',
    ]);
    expect((await c.post('/api/purchasing/edi', { siteId: site, x12: ack })).statusCode).toBe(200);
    const inv = env('IN', '810', [
      `BIG*20260502*INV-PO-1**${po.po_number}`,
      `IT1*1*2*CA*1.33**N4*${LISINOPRIL}`,
      'TDS*266',
    ]);
    expect((await c.post('/api/purchasing/edi', { siteId: site, x12: inv })).statusCode).toBe(200);
    const rec = await c.post('/api/inventory/receipts', {
      siteId: site,
      poId: po.id,
      dscsa: { sellerName: DEMO_SUPPLIER, transactionStatement: true },
      lines: [{ ndc11: LISINOPRIL, lot: 'DEMO-PO1', expiry: '2029-01-31', quantity: 150 }],
    });
    expect(rec.statusCode, rec.body).toBe(201);

    const d = (await c.get(`/api/purchasing/orders/${po.id}`)).json();
    expect(d).toMatchObject({
      status: 'partially_received',
      supplier: { id: supplierId, name: DEMO_SUPPLIER },
      total_cents: 2 * 133 + 652,
      cancellation: null,
    });
    expect(
      d.lines.map((l: Record<string, unknown>) => [
        l.ndc11,
        l.description,
        l.packages_ordered,
        l.packages_acknowledged,
        l.packages_backordered,
        l.ack_status,
        l.units_ordered,
        l.units_received,
        l.packages_received,
      ]),
    ).toEqual([
      [LISINOPRIL, 'LISINOPRIL 2.5 MG TABLET', 2, 2, 0, 'accepted', 200, 150, 1.5],
      [METFORMIN, 'METFORMIN HCL 500 MG TABLET', 1, 0, 1, 'backordered', 500, 0, 0],
    ]);
    expect(d.invoices).toEqual([
      expect.objectContaining({
        invoice_number: 'INV-PO-1',
        invoice_date: '2026-05-02',
        total_cents: 266,
        lines: [{ qty: 2, unit: 'CA', priceCents: 133, ndc11: LISINOPRIL }],
      }),
    ]);
    expect(d.receipts).toHaveLength(1);
    expect(d.receipts[0]).toMatchObject({
      quarantined: false,
      lines: [{ ndc11: LISINOPRIL, lot: 'DEMO-PO1', quantity: 150, damaged: 0, location: 'SHELF' }],
    });
    expect(d.receipts[0].received_by_name).toBeTruthy();

    // The rest will not come: closing it (part received) is audited with the reason.
    const tooSoon = await as(t.app, tech).post(`/api/purchasing/orders/${po.id}/cancel`, { reason: 'x' });
    expect(tooSoon.statusCode).toBe(403);
    const closed = await c.post(`/api/purchasing/orders/${po.id}/cancel`, {
      reason: 'metformin back-ordered for weeks',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({
      previous_status: 'partially_received',
      status: 'closed',
      was_sent: true,
    });
    const after = (await c.get(`/api/purchasing/orders/${po.id}`)).json();
    expect(after.status).toBe('closed');
    expect(after.cancellation).toMatchObject({
      reason: 'metformin back-ordered for weeks',
      status: 'closed',
    });
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['reason', 'before_json', 'after_json', 'user_id', 'site_id'])
      .where('entity_id', '=', po.id)
      .where('action', '=', 'purchasing.po.cancel')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ reason: 'metformin back-ordered for weeks', site_id: site });
    expect(JSON.parse(audit[0]?.before_json ?? '{}').status).toBe('partially_received');
    expect(JSON.parse(audit[0]?.after_json ?? '{}').status).toBe('closed');
    expect(audit[0]?.user_id).toBeTruthy();
  });

  it('cancels a draft: no longer on order, not sendable, not receivable, not cancellable twice', async () => {
    const c = as(t.app, buyer);
    const onOrder = async () =>
      (await c.get(`/api/purchasing/suggestions?siteId=${site}&all=true`))
        .json()
        .items.find((s: { ndc11: string }) => s.ndc11 === OXY_APAP).onOrder;
    const before = await onOrder();
    const po = await create([{ ndc11: OXY_APAP, packages: 2 }], { deaForm222Number: 'DEMO222-0001' });
    expect(await onOrder()).toBe(before + 200);
    expect((await c.post(`/api/purchasing/orders/${po.id}/cancel`, { reason: '' })).statusCode).toBe(400);
    const r = await c.post(`/api/purchasing/orders/${po.id}/cancel`, { reason: 'ordered by mistake' });
    expect(r.json()).toMatchObject({ previous_status: 'draft', status: 'cancelled', was_sent: false });
    expect(await onOrder()).toBe(before);
    const again = await c.post(`/api/purchasing/orders/${po.id}/cancel`, { reason: 'again' });
    expect([again.statusCode, again.json().code]).toEqual([409, 'po_not_open']);
    const send = await c.get(`/api/purchasing/orders/${po.id}/x12-850`);
    expect([send.statusCode, send.json().code]).toEqual([409, 'po_not_open']);
    const rec = await c.post('/api/inventory/receipts', {
      siteId: site,
      poId: po.id,
      lines: [{ ndc11: LISINOPRIL, lot: 'L', expiry: '2029-01-31', quantity: 1 }],
    });
    expect([rec.statusCode, rec.json().code]).toEqual([409, 'po_not_open']);
    expect(
      (await c.get(`/api/purchasing/orders?siteId=${site}&status=cancelled`))
        .json()
        .items.map((o: Po) => o.id),
    ).toEqual([po.id]);
    // Another site's buyer cannot cancel it (not found, never forbidden across sites).
    expect(
      (await as(t.app, elsewhere).post(`/api/purchasing/orders/${po.id}/cancel`, { reason: 'x' })).statusCode,
    ).toBe(404);
  });
});
