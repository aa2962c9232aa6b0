import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GS } from './parse';
import { parseScan } from './scan';

const referenceDate = new Date(Date.UTC(2025, 0, 15));

// UPC/NDC pairs are real: openFDA harmonized.small.json upc 0302284241033 ↔ package 0228-4241-03,
// upc 0306030169213 ↔ 0603-0169-21.
describe('parseScan', () => {
  it('UPC-A with number system 3 → kind upc with NDC candidates', () => {
    const r = parseScan('302284241033');
    expect(r).toMatchObject({ ok: true, kind: 'upc', gtin14: '00302284241033' });
    expect(r.ok && r.kind === 'upc' && r.ndc?.candidates.map((c) => c.ndc10)).toContain('0228-4241-03');
  });
  it('EAN-13 and GTIN-14 → kind gtin', () => {
    expect(parseScan('0306030169213', { ndcLayout: '4-4-2' })).toMatchObject({
      ok: true,
      kind: 'gtin',
      ndc: { ndc10: '0603-0169-21', ndc11: '00603016921' },
    });
    expect(parseScan('10306030169210')).toMatchObject({ ok: true, kind: 'gtin', gtin14: '10306030169210' });
  });
  it('a retail UPC that is not an NDC has no ndc', () => {
    const r = parseScan('070038610946'); // harmonized.small.json upc 0070038610946 (not 03-prefixed)
    expect(r).toMatchObject({ ok: true, kind: 'upc' });
    expect(r.ok && r.kind === 'upc' && r.ndc).toBeUndefined();
  });
  it('typed NDCs → kind ndc', () => {
    expect(parseScan('0002-3227-30')).toMatchObject({
      ok: true,
      kind: 'ndc',
      ndc: { ndc11: '00002322730', layout: '4-4-2' },
    });
    expect(parseScan('0002322730')).toMatchObject({
      ok: true,
      kind: 'ndc',
      ndc: { ndc10Digits: '0002322730' },
    });
    expect(parseScan('00002322730')).toMatchObject({ ok: true, kind: 'ndc', ndc: { ndc11: '00002322730' } });
  });
  it('GS1 element strings → kind gs1', () => {
    const r = parseScan(`]d201003022842410331727063010LOT42${GS}21S1`, { referenceDate });
    expect(r).toMatchObject({
      ok: true,
      kind: 'gs1',
      data: { lot: 'LOT42', serial: 'S1', expiry: '2027-06-30' },
    });
    expect(r.ok && r.kind === 'gs1' && r.ndc?.ndc10Digits).toBe('0228424103');
    expect(parseScan('(01)00302284241033(10)X', { referenceDate })).toMatchObject({ ok: true, kind: 'gs1' });
    expect(parseScan('010030228424103310ABC', { referenceDate })).toMatchObject({
      ok: true,
      kind: 'gs1',
      data: { lot: 'ABC' },
    });
  });
  it('errors carry the field, code and (for GS1) the element', () => {
    expect(parseScan('302284241034')).toMatchObject({
      ok: false,
      error: { field: 'scan', code: 'bad-check-digit' },
    });
    expect(parseScan('(17)251340', { referenceDate })).toMatchObject({
      ok: false,
      error: { element: '17', code: 'bad-date' },
    });
    expect(parseScan('123')).toMatchObject({ ok: false, error: { code: 'bad-length' } });
  });
  it('never throws (fuzz)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: fc.constantFrom('0', '1', '3', '7', '-', '(', ')', GS), maxLength: 40 }),
        ),
        (s) => {
          const r = parseScan(s, { referenceDate });
          return typeof r.ok === 'boolean';
        },
      ),
      { numRuns: 2000 },
    );
  });
});
