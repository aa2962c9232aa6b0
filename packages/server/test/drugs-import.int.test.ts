import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importNdcDirectory } from '../src/modules/drugs/import/ndc-import';
import { importNiosh } from '../src/modules/drugs/import/niosh-import';
import { importRxnorm } from '../src/modules/drugs/import/rxnorm-import';
import { loadStarterCatalogue } from '../src/modules/drugs/starter';
import { createTestDatabase, TEST_DB, type TestDatabase } from './helpers';

// The complete FDA NDC Directory of unfinished drugs (June 2018): 21,478 products, 35,321 packages (SOURCES.md).
const shared = path.resolve(import.meta.dirname, '../../../../shared/data/fda-ndc-unfinished');
const PRODUCTS = path.join(shared, 'unfinished_product.txt');
const PACKAGES = path.join(shared, 'unfinished_package.txt');
const fixtures = path.resolve(import.meta.dirname, 'fixtures');
// FDA's own package file: two NDCs that are not NDCs, and two pairs of codes that pad to the same NDC-11
// (one labeler listing both 5-4-1 and 5-3-2 codes: 40074-0001-1 / 40074-001-01, 48589-0006-0 / 48589-006-00).
const FDA_BAD_PACKAGE_LINES = [7252, 9584, 9764, 16515];

describe(`FDA NDC directory import (${TEST_DB})`, () => {
  let t: TestDatabase;
  let tmp: string;
  beforeAll(async () => {
    t = await createTestDatabase();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'apotheca-ndc-'));
  });
  afterAll(async () => {
    await t.dispose();
    fs.rmSync(tmp, { recursive: true, force: true });
  });
  const db = () => t.handle.db;
  const run = (productFile = PRODUCTS, packageFile = PACKAGES) =>
    importNdcDirectory(db(), null, { productFile, packageFile });
  const lines = (f: string) => fs.readFileSync(f, 'latin1').split('\r\n');
  const write = (name: string, rows: string[]) => {
    const f = path.join(tmp, name);
    fs.writeFileSync(f, rows.join('\r\n'), 'latin1');
    return f;
  };

  it('loads every well-formed row of the real unfinished-drug files; counts match the files', async () => {
    const s = await run();
    expect(s.source).toBe('fda-unfinished');
    expect(s.parts.products).toMatchObject({ rows: 21_478, inserted: 21_478, rejected: 0, obsoleted: 0 });
    expect(s.parts.packages).toMatchObject({ rows: 35_321, inserted: 35_317, rejected: 4 });
    expect(s.rejects.map((r) => r.line)).toEqual(FDA_BAD_PACKAGE_LINES);
    expect(s.rejects.find((r) => r.line === 9584)).toMatchObject({
      file: 'unfinished_package.txt',
      field: 'NDCPACKAGECODE',
    });
    expect(s.rejects.find((r) => r.line === 9584)?.reason).toContain('47848-026-XX');
    const n = await db()
      .selectFrom('drug_products')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(21_478);
    const insulin = await db()
      .selectFrom('drug_packages as k')
      .innerJoin('drug_products as p', 'p.id', 'k.product_id')
      .selectAll()
      .where('k.ndc11', '=', '00002048504')
      .executeTakeFirstOrThrow();
    expect(insulin).toMatchObject({
      ndc10: '0002-0485-04',
      gtin14: '00300020485048', // GS1 check digit: 62 → 8
      nonproprietary_name: 'Insulin human',
      marketing_start: '2015-04-01',
      quantity: 8000,
      quantity_unit: 'g',
    });
    expect(JSON.parse(insulin.ingredients_json)).toEqual([
      {
        name: 'INSULIN HUMAN',
        value: 1,
        unit: 'g',
        denominatorValue: 1,
        denominatorUnit: 'g',
        rawUnit: 'g/g',
      },
    ]);
    const cii = await db()
      .selectFrom('drug_products')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('dea_schedule', '=', 'CII')
      .executeTakeFirstOrThrow();
    expect(Number(cii.n)).toBe(305); // SOURCES.md: CII on 305 rows
  }, 180_000);

  it('a re-import of the same files reports everything unchanged and writes nothing', async () => {
    const s = await run();
    expect(s).toMatchObject({
      inserted: 0,
      updated: 0,
      obsoleted: 0,
      unchanged: 21_478 + 35_317,
      rejected: 4,
    });
    const history = await db().selectFrom('drug_product_history').select('id').execute();
    expect(history).toHaveLength(0);
  }, 180_000);

  it('a corrupted copy loads every good row and names each bad line', async () => {
    const p = lines(PRODUCTS);
    const k = lines(PACKAGES);
    const brokenP = [...p];
    brokenP[9] = (brokenP[9] ?? '').replace(/\t(\d{8})\t/, '\t2015-13-45\t'); // line 10: bad date
    brokenP[19] = (brokenP[19] ?? '').split('\t').slice(0, 8).join('\t'); // line 20: truncated
    brokenP[29] = (brokenP[29] ?? '')
      .split('\t')
      .map((f, i) => (i === 12 ? 'C2' : f))
      .join('\t'); // line 30
    const brokenK = [...k];
    brokenK[49] = (brokenK[49] ?? '')
      .split('\t')
      .map((f, i) => (i === 2 ? '12AB-3-4' : f))
      .join('\t'); // line 50
    brokenK[59] = (brokenK[59] ?? '')
      .split('\t')
      .map((f, i) => (i === 3 ? 'a lot of tablets' : f))
      .join('\t');
    const s = await run(write('p.txt', brokenP), write('k.txt', brokenK));
    expect(s.parts.products).toMatchObject({
      rows: 21_478,
      rejected: 3,
      unchanged: 21_475,
      updated: 0,
      obsoleted: 0,
    });
    // A malformed row of a known record leaves that record alone (the products of lines 10/20/30 stay active and
    // their packages still load). Only line 50, whose NDC cannot be read, no longer names its package: it is obsolete.
    expect(s.parts.packages).toMatchObject({ rows: 35_321, rejected: 6, unchanged: 35_315, obsoleted: 1 });
    const p10 = (brokenP[9] ?? '').split('\t')[0] ?? '';
    const kept = await db()
      .selectFrom('drug_products')
      .select('is_active')
      .where('id', '=', p10)
      .executeTakeFirstOrThrow();
    expect(kept.is_active).toBe(1);
    const named = s.rejects.map((r) => `${r.file}:${r.line}:${r.field}`);
    expect(named).toEqual(
      expect.arrayContaining([
        'p.txt:10:STARTMARKETINGDATE',
        'p.txt:20:line',
        'p.txt:30:DEASCHEDULE',
        'k.txt:50:NDCPACKAGECODE',
        'k.txt:60:PACKAGEDESCRIPTION',
      ]),
    );
  }, 180_000);

  it('a newer file updates changed rows, marks removed products obsolete and keeps history', async () => {
    const p = lines(PRODUCTS);
    const k = lines(PACKAGES);
    const removedId = (p[1] ?? '').split('\t')[0] ?? ''; // 0002-0485 Insulin human
    const changed = (p[2] ?? '').split('\t');
    changed[8] = 'Eli Lilly and Company (renamed)';
    const newer = [p[0] ?? '', changed.join('\t'), ...p.slice(3)];
    const s = await run(
      write('p2.txt', newer),
      write(
        'k2.txt',
        k.filter((l) => !l.startsWith(`${removedId}\t`)),
      ),
    );
    expect(s.parts.products).toMatchObject({ updated: 1, obsoleted: 1, rejected: 0 });
    expect(s.parts.packages?.obsoleted).toBe(2);
    const gone = await db()
      .selectFrom('drug_products')
      .selectAll()
      .where('id', '=', removedId)
      .executeTakeFirstOrThrow();
    expect(gone.is_active).toBe(0);
    expect(gone.obsolete_at).not.toBeNull();
    const history = await db()
      .selectFrom('drug_product_history')
      .selectAll()
      .where('run_id', '=', s.runId)
      .execute();
    // (plus the package the corrupted run retired, which this file lists again: reactivated as an update)
    expect(history.map((h) => `${h.entity_type}:${h.change}`).sort()).toEqual([
      'package:obsolete',
      'package:obsolete',
      'package:update',
      'product:obsolete',
      'product:update',
    ]);
    const before = JSON.parse(history.find((h) => h.change === 'update')?.before_json ?? '{}');
    expect(before.labeler).toBe('Eli Lilly and Company');
    // The original file again: the obsolete product and its packages come back (updated), the rename reverts.
    const back = await run();
    expect(back.parts.products).toMatchObject({ updated: 2, obsoleted: 0 });
    expect(back.parts.packages).toMatchObject({ updated: 2 });
    // One audit entry per import run, with the summary (never one per row).
    const audit = await db()
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'drugs.import.ndc')
      .execute();
    const runs = await db().selectFrom('drug_import_runs').selectAll().where('kind', '=', 'ndc').execute();
    expect(audit).toHaveLength(runs.length);
    expect(runs.every((r) => r.status === 'done')).toBe(true);
  }, 240_000);

  it('refuses a file that is not an FDA product file, naming the missing columns', async () => {
    const f = write('not-fda.txt', ['NDC\tNAME', '1\tx']);
    await expect(run(f, PACKAGES)).rejects.toThrow(/missing column\(s\) PRODUCTID/);
  });
});

describe(`finished-drug layout, RxNorm, NIOSH and the starter catalogue (${TEST_DB})`, () => {
  let t: TestDatabase;
  let tmp: string;
  beforeAll(async () => {
    t = await createTestDatabase();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'apotheca-drugs-'));
  });
  afterAll(async () => {
    await t.dispose();
    fs.rmSync(tmp, { recursive: true, force: true });
  });
  const db = () => t.handle.db;

  it('recognises the finished layout by its header and keeps its extra columns', async () => {
    const s = await importNdcDirectory(db(), null, {
      productFile: path.join(fixtures, 'fda-finished-product.txt'),
      packageFile: path.join(fixtures, 'fda-finished-package.txt'),
    });
    expect(s.source).toBe('fda-finished');
    expect(s.parts.products).toMatchObject({ rows: 20, inserted: 20, rejected: 0 });
    expect(s.parts.packages).toMatchObject({ rows: 44, inserted: 44, rejected: 0 });
    const p = await db()
      .selectFrom('drug_products')
      .selectAll()
      .where('product_key', '=', '639410519')
      .executeTakeFirstOrThrow();
    expect(p).toMatchObject({
      proprietary_name: 'Pain Relief',
      proprietary_name_suffix: 'Extra Strength',
      route: 'ORAL',
      marketing_category: 'OTC MONOGRAPH FINAL',
      application_number: 'part343',
    });
    const morphine = await db()
      .selectFrom('drug_products')
      .selectAll()
      .where('product_key', '=', '353560841')
      .executeTakeFirstOrThrow();
    expect(morphine.dea_schedule).toBe('CII');
    const again = await importNdcDirectory(db(), null, {
      productFile: path.join(fixtures, 'fda-finished-product.txt'),
      packageFile: path.join(fixtures, 'fda-finished-package.txt'),
    });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 64 });
  });

  it('imports RxNorm names (SAB=RXNORM only) and links NDCs and ingredients to RxCUIs', async () => {
    const s = await importRxnorm(db(), null, {
      rxnconso: path.join(fixtures, 'RXNCONSO.RRF'),
      rxnsat: path.join(fixtures, 'RXNSAT.RRF'),
    });
    expect(s.parts.concepts).toMatchObject({ rows: 7, inserted: 4, rejected: 0 });
    expect(s.parts.ndcLinks).toMatchObject({ inserted: 2 });
    const c = await db()
      .selectFrom('drug_rxnorm_concepts')
      .selectAll()
      .where('rxcui', '=', '198440')
      .executeTakeFirstOrThrow();
    expect(c).toMatchObject({ name: 'Acetaminophen 500 MG Oral Tablet', tty: 'SCD' });
    const p = await db()
      .selectFrom('drug_products')
      .selectAll()
      .where('product_key', '=', '639410519')
      .executeTakeFirstOrThrow();
    expect(p.rxcui).toBe('198440');
    expect(JSON.parse(p.ingredient_rxcuis_json)).toEqual(['161']);
    const again = await importRxnorm(db(), null, {
      rxnconso: path.join(fixtures, 'RXNCONSO.RRF'),
      rxnsat: path.join(fixtures, 'RXNSAT.RRF'),
    });
    expect(again).toMatchObject({ inserted: 0, updated: 0 });
    const broken = path.join(tmp, 'RXNCONSO.RRF');
    fs.writeFileSync(broken, `${fs.readFileSync(path.join(fixtures, 'RXNCONSO.RRF'), 'utf8')}abc|ENG|x\n`);
    const bad = await importRxnorm(db(), null, { rxnconso: broken });
    expect(bad.rejects).toEqual([
      { file: 'RXNCONSO.RRF', line: 8, field: 'line', reason: expect.stringMatching(/18/) },
    ]);
  });

  it('loads the starter catalogue idempotently, with NADAC prices and DEA schedules', async () => {
    const s = await loadStarterCatalogue(db());
    expect(s.parts.products?.inserted).toBeGreaterThan(300);
    expect(s.rejected).toBe(0);
    const again = await loadStarterCatalogue(db());
    expect(again).toMatchObject({ inserted: 0, updated: 0, obsoleted: 0 });
    const alprazolam = await db()
      .selectFrom('drug_products')
      .selectAll()
      .where('nonproprietary_name', '=', 'Alprazolam')
      .executeTakeFirstOrThrow();
    expect(alprazolam.dea_schedule).toBe('CIV');
    const pkg = await db()
      .selectFrom('drug_packages')
      .selectAll()
      .where('product_id', '=', alprazolam.id)
      .executeTakeFirstOrThrow();
    expect(pkg).toMatchObject({ price_source: 'NADAC', price_unit: 'EA' });
    expect(Number(pkg.acquisition_per_unit)).toBeGreaterThan(0);
    expect(pkg.awp_cents).toBeNull();
  });

  it('imports a NIOSH list, marks products by substance and names bad lines', async () => {
    const f = path.join(tmp, 'niosh.csv');
    // NIOSH List of Hazardous Drugs in Healthcare Settings, 2024, Table 1 (antineoplastics).
    fs.writeFileSync(f, 'name,group\nmethotrexate,1\ncyclophosphamide,1\nsomething,7\n');
    const s = await importNiosh(db(), null, f);
    expect(s.parts.list).toMatchObject({ inserted: 2, rejected: 1 });
    expect(s.rejects).toEqual([
      { file: 'niosh.csv', line: 4, field: 'group', reason: '"7" is not 1, 2 or 3' },
    ]);
    expect(s.parts.products?.updated).toBeGreaterThan(0);
    const mtx = await db()
      .selectFrom('drug_products')
      .select('niosh_group')
      .where('nonproprietary_name', 'like', 'Methotrexate%')
      .execute();
    expect(mtx.length).toBeGreaterThan(0);
    expect(mtx.every((m) => Number(m.niosh_group) === 1)).toBe(true);
  });
});
