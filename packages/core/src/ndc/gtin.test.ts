import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  gs1CheckDigit,
  gtin14ToNdc10,
  isValidGtin,
  ndc10ToGtin14,
  resolveNdcDigits,
  upcAToNdc10Candidates,
} from './gtin';

describe('gs1CheckDigit (GS1 General Specifications §7.9.1)', () => {
  it('matches the GenSpecs worked example: GTIN-13 629104150021 → 3', () => {
    expect(gs1CheckDigit('629104150021')).toBe(3);
  });
  it('matches GS1 example GTIN 09501101530003 (GenSpecs Figure 2.6.14-3)', () => {
    expect(gs1CheckDigit('0950110153000')).toBe(3);
    expect(isValidGtin('09501101530003')).toBe(true);
    expect(isValidGtin('09501101530004')).toBe(false);
  });
  it('rejects non-digits', () => {
    expect(gs1CheckDigit('12a')).toBeUndefined();
    expect(gs1CheckDigit('')).toBeUndefined();
    expect(isValidGtin('123')).toBe(false);
  });
  it('detects every single-digit substitution error (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{13}$/),
        fc.nat(12),
        fc.integer({ min: 1, max: 9 }),
        (body, pos, delta) => {
          const gtin = body + String(gs1CheckDigit(body));
          const changed = (Number(gtin[pos]) + delta) % 10;
          const bad = gtin.slice(0, pos) + String(changed) + gtin.slice(pos + 1);
          return isValidGtin(gtin) && !isValidGtin(bad);
        },
      ),
    );
  });
});

// UPC values and their NDCs are real pairs from openFDA harmonized.small.json
// (record upc 0302284241033 lists package_ndc 0228-4241-03; 0351672411749 → 51672-4117-4).
describe('NDC-based GTINs ([S27][S28][S29])', () => {
  it('UPC-A 302284241033 carries NDC 0228-4241-03', () => {
    const r = upcAToNdc10Candidates('302284241033');
    expect(r.ok && r.candidates.map((c) => c.ndc10)).toContain('0228-4241-03');
    expect(ndc10ToGtin14('0228-4241-03')).toEqual({ ok: true, gtin14: '00302284241033' });
  });
  it('EAN-13 0351672411749 carries NDC 51672-4117-4', () => {
    const r = gtin14ToNdc10('0351672411749');
    expect(r.ok && r.ndc10Digits).toBe('5167241174');
    expect(r.ok && r.candidates.find((c) => c.layout === '5-4-1')?.ndc10).toBe('51672-4117-4');
  });
  it('indicator digit marks packaging level and changes the check digit', () => {
    const unit = ndc10ToGtin14('0228-4241-03', 0);
    const caseLevel = ndc10ToGtin14('0228-4241-03', 1);
    expect(caseLevel.ok && caseLevel.gtin14.startsWith('1030228424103')).toBe(true);
    expect(caseLevel.ok && isValidGtin(caseLevel.gtin14)).toBe(true);
    expect(unit).not.toEqual(caseLevel);
    expect(ndc10ToGtin14('0228-4241-03', 9)).toMatchObject({ ok: false, error: { code: 'bad-indicator' } });
  });
  it('refuses GTINs that are not NDC-based or have a bad check digit', () => {
    expect(gtin14ToNdc10('0070038610946')).toMatchObject({ ok: false, error: { code: 'not-ndc-based' } });
    expect(gtin14ToNdc10('00302284241034')).toMatchObject({ ok: false, error: { code: 'bad-check-digit' } });
    expect(upcAToNdc10Candidates('070038610946')).toMatchObject({
      ok: false,
      error: { code: 'not-ndc-based' },
    });
  });
  it('NDC10 → GTIN-14 → NDC10 round-trips for all indicators (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{10}$/), fc.integer({ min: 0, max: 8 }), (d, ind) => {
        const g = ndc10ToGtin14(d, ind);
        if (!g.ok) return false;
        const back = gtin14ToNdc10(g.gtin14);
        return isValidGtin(g.gtin14) && back.ok && back.ndc10Digits === d && back.indicator === ind;
      }),
    );
  });
  it('resolveNdcDigits uses a layout hint or a resolver callback', () => {
    expect(resolveNdcDigits('0228424103', { layout: '4-4-2' }).ndc11).toBe('00228424103');
    const viaLookup = resolveNdcDigits('0228424103', {
      resolveNdc: (cs) => cs.find((c) => c.ndc11 === '00228424103'),
    });
    expect(viaLookup).toMatchObject({ layout: '4-4-2', ndc10: '0228-4241-03' });
    expect(resolveNdcDigits('0228424103').ndc11).toBeUndefined();
  });
  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string(), fc.anything(), (s, n) => {
        gtin14ToNdc10(s);
        upcAToNdc10Candidates(s);
        ndc10ToGtin14(s, n as number);
        isValidGtin(s);
      }),
    );
  });
});
