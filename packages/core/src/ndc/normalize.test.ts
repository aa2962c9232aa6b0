/// <reference types="node" />
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NdcLayout } from './layout';
import { normalizeNdc } from './normalize';
import { normalizeProductNdc } from './product';

const DATA = new URL('../../../../../shared/data/', import.meta.url);

describe('normalizeNdc: forms users and files give', () => {
  it.each([
    ['0002-3227-30', '00002322730', '4-4-2', 'ndc10-dashed'],
    ['NDC 59726-160-60', '59726016060', '5-3-2', 'ndc10-dashed'],
    ['51672 4117 4', '51672411704', '5-4-1', 'ndc10-dashed'],
    ['00002-3227-30', '00002322730', '4-4-2', 'ndc11-dashed'],
    ['00002322730', '00002322730', '4-4-2', 'ndc11'],
  ])('%s', (input, ndc11, layout, source) => {
    expect(normalizeNdc(input)).toMatchObject({ ok: true, ndc11, layout, source });
  });

  it('gives the GTIN-14 of the package once the layout is known', () => {
    expect(normalizeNdc('0228-4241-03')).toMatchObject({ gtin14: '00302284241033', productKey: '002284241' });
  });

  it('11 digits with two possible layouts keeps ndc11 but no ndc10', () => {
    const r = normalizeNdc('12345067809');
    expect(r).toMatchObject({ ok: true, ndc11: '12345067809', ndc11Dashed: '12345-0678-09' });
    expect(r.ok && r.ndc10).toBeUndefined();
    expect(r.ok && r.candidates.map((c) => c.layout)).toEqual(['5-3-2', '5-4-1']);
    expect(normalizeNdc('12345067809', { layout: '5-4-1' })).toMatchObject({
      ok: true,
      ndc10: '12345-0678-9',
    });
  });

  it('10 bare digits are ambiguous unless a layout is given', () => {
    const r = normalizeNdc('0002322730');
    expect(r).toMatchObject({ ok: false, error: { field: 'ndc', code: 'ambiguous' } });
    expect(!r.ok && r.error.candidates?.length).toBe(3);
    expect(normalizeNdc('0002322730', { layout: '4-4-2' })).toMatchObject({ ok: true, ndc11: '00002322730' });
  });

  it('reads barcodes: UPC-A, EAN-13 and GTIN-14 (harmonized.small.json upc 0302284241033)', () => {
    expect(normalizeNdc('302284241033', { layout: '4-4-2' })).toMatchObject({
      ok: true,
      ndc10: '0228-4241-03',
      source: 'upc-a',
    });
    expect(normalizeNdc('0302284241033', { layout: '4-4-2' })).toMatchObject({ ok: true, source: 'ean-13' });
    expect(normalizeNdc('0302284241033')).toMatchObject({ ok: false, error: { code: 'ambiguous' } });
    const case14 = normalizeNdc('10302284241030', { layout: '4-4-2' });
    expect(case14).toMatchObject({
      ok: true,
      ndc11: '00228424103',
      gtin14: '10302284241030',
      source: 'gtin-14',
    });
  });

  it.each([
    ['', 'empty'],
    ['0002-3227', 'bad-segments'],
    ['0002-32X7-30', 'bad-characters'],
    ['123-4567-890', 'bad-segments'],
    ['123456-7890-12', 'unsupported-12-digit'],
    ['12345678911', 'no-10-digit-form'],
    ['070038610946', 'not-ndc-based'],
    ['302284241034', 'bad-check-digit'],
    ['123456789', 'bad-length'],
  ])('rejects %j with %s', (input, code) => {
    expect(normalizeNdc(input)).toMatchObject({ ok: false, error: { field: 'ndc', code } });
  });

  it('never throws and always returns 11 digits when ok (fuzz)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[\d -]{0,16}$/)), fc.anything(), (s, l) => {
        const r = normalizeNdc(s, { layout: l as NdcLayout });
        return !r.ok || /^\d{11}$/.test(r.ndc11);
      }),
    );
  });
});

describe('product NDC join key', () => {
  it.each([
    ['0002-3227', '000023227', '4-4'],
    ['59726-160', '597260160', '5-3'],
    ['51672-4117', '516724117', '5-4'],
  ])('%s → %s', (input, key, layout) => {
    expect(normalizeProductNdc(input)).toMatchObject({ ok: true, productKey: key, layout });
  });
  it('rejects ambiguous or malformed product NDCs', () => {
    expect(normalizeProductNdc('00023227')).toMatchObject({ ok: false, error: { code: 'ambiguous' } });
    expect(normalizeProductNdc('002-3227')).toMatchObject({ ok: false, error: { code: 'bad-segments' } });
  });
});

// Every package row of the FDA Unfinished NDC Directory: the package NDC normalizes, and its
// product key equals the key of the row's PRODUCTNDC (the join the importer relies on).
describe('FDA unfinished_package.txt (all rows)', () => {
  const text = readFileSync(new URL('fda-ndc-unfinished/unfinished_package.txt', DATA)).toString('latin1');
  const rows = text
    .split('\r\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => l.split('\t'));

  it('normalizes every well-formed package NDC and joins it to its product', () => {
    expect(rows.length).toBe(35321);
    const failures: string[] = [];
    for (const [, productNdc = '', packageNdc = ''] of rows) {
      const pkg = normalizeNdc(packageNdc);
      const prod = normalizeProductNdc(productNdc);
      if (!pkg.ok || !pkg.layout || !prod.ok || pkg.productKey !== prod.productKey)
        failures.push(`${productNdc} ${packageNdc}`);
    }
    // Two rows are malformed in FDA's own file: "47848-026-XX" and row 53209-2000 whose package NDC is just "02".
    expect(failures.sort()).toEqual(['47848-026 47848-026-XX', '53209-2000 02']);
  });
});

describe('openFDA harmonized.small.json package NDCs', () => {
  const records = readFileSync(new URL('fda-ndc-finished-openfda-sample/harmonized.small.json', DATA), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { package_ndc: string[]; product_ndc: string });

  it('normalizes all 921 distinct package NDCs with a known layout', () => {
    const all = new Set(records.flatMap((r) => r.package_ndc));
    expect(all.size).toBe(921);
    for (const ndc of all) {
      const r = normalizeNdc(ndc);
      expect(r.ok && r.ndc10 === ndc).toBe(true);
    }
  });
});
