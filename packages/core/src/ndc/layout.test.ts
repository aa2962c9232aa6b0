import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidatesFromNdc11, NDC_LAYOUTS, type NdcLayout, ndc10ToNdc11, ndc11ToNdc10 } from './layout';

// Padding rule, domain-rules.md §3 [S23]: 4-4-2 → zero at position 1, 5-3-2 → position 6,
// 5-4-1 → position 10. Worked examples below use real NDCs from the FDA NDC Directory files
// in /work/shared/data (unfinished_package.txt, harmonized.small.json).
describe('ndc10ToNdc11', () => {
  it.each([
    ['0002-3227-30', '00002322730'], // 4-4-2, unfinished_package.txt / brief example
    ['59726-160-60', '59726016060'], // 5-3-2, harmonized.small.json
    ['51672-4117-4', '51672411704'], // 5-4-1, harmonized.small.json
    ['55154-4402-0', '55154440200'], // 5-4-1, brief example
  ])('%s → %s', (ndc10, ndc11) => {
    expect(ndc10ToNdc11(ndc10)).toMatchObject({ ok: true, ndc11 });
  });

  it('needs a layout for bare digits', () => {
    const r = ndc10ToNdc11('0002322730');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('ambiguous');
      expect(r.error.candidates?.map((c) => c.ndc11)).toEqual(['00002322730', '00023022730', '00023227300']);
    }
    expect(ndc10ToNdc11('0002322730', '4-4-2')).toMatchObject({ ok: true, ndc11: '00002322730' });
  });

  it('rejects dashes that disagree with the layout, and bad shapes', () => {
    expect(ndc10ToNdc11('0002-3227-30', '5-3-2')).toMatchObject({
      ok: false,
      error: { code: 'layout-mismatch' },
    });
    expect(ndc10ToNdc11('002-3227-301')).toMatchObject({
      ok: false,
      error: { field: 'ndc', code: 'bad-segments' },
    });
  });
});

describe('ndc11ToNdc10', () => {
  it('reverses each layout when its padding zero is present', () => {
    expect(ndc11ToNdc10('00002-3227-30', '4-4-2')).toEqual({
      ok: true,
      ndc10: '0002-3227-30',
      layout: '4-4-2',
    });
    expect(ndc11ToNdc10('59726016060', '5-3-2')).toEqual({
      ok: true,
      ndc10: '59726-160-60',
      layout: '5-3-2',
    });
    expect(ndc11ToNdc10('51672411704', '5-4-1')).toEqual({
      ok: true,
      ndc10: '51672-4117-4',
      layout: '5-4-1',
    });
  });

  it('[S26] 12345-0678-09 reads as 12345-678-09 or 12345-0678-9, not 4-4-2', () => {
    expect(candidatesFromNdc11('12345067809').map((c) => c.ndc10)).toEqual(['12345-678-09', '12345-0678-9']);
    expect(ndc11ToNdc10('12345067809', '4-4-2')).toMatchObject({
      ok: false,
      error: { code: 'layout-mismatch' },
    });
  });
});

const digits10 = fc.stringMatching(/^\d{10}$/);
const layout = fc.constantFrom<NdcLayout>(...NDC_LAYOUTS);

describe('properties', () => {
  it('NDC10 → NDC11 → NDC10 round-trips for every layout', () => {
    fc.assert(
      fc.property(digits10, layout, (d, l) => {
        const to11 = ndc10ToNdc11(d, l);
        if (!to11.ok) return false;
        const back = ndc11ToNdc10(to11.ndc11, l);
        return back.ok && back.ndc10.replace(/-/g, '') === d && to11.ndc11.length === 11;
      }),
    );
  });

  it('the 11-digit form always lists the layout it came from among its candidates', () => {
    fc.assert(
      fc.property(digits10, layout, (d, l) => {
        const to11 = ndc10ToNdc11(d, l);
        return to11.ok && candidatesFromNdc11(to11.ndc11).some((c) => c.layout === l);
      }),
    );
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string(), fc.anything(), (s, l) => {
        ndc10ToNdc11(s, l as NdcLayout);
        ndc11ToNdc10(s, l as NdcLayout);
      }),
    );
  });
});
