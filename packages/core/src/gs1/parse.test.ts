import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ndc10ToGtin14 } from '../ndc/gtin';
import { buildGs1ElementString } from './build';
import { DEFAULT_SEPARATORS, GS, parseGs1 } from './parse';

const ref = new Date(Date.UTC(2025, 0, 15));

describe('parseGs1: GS1 General Specifications examples', () => {
  // GS1 General Specifications Figure 2.6.14-3 (GS1 DataMatrix): (01)09501101530003(17)150119(10)AB-123
  const fig = '(01)09501101530003(17)150119(10)AB-123';
  it('reads the bracketed human-readable form', () => {
    expect(parseGs1(fig, { referenceDate: ref })).toMatchObject({
      ok: true,
      gtin: '09501101530003',
      expiry: '2015-01-19',
      lot: 'AB-123',
      elements: [{ ai: '01' }, { ai: '17', iso: '2015-01-19' }, { ai: '10', value: 'AB-123' }],
    });
  });
  it('tolerates spaces in printed human-readable text', () => {
    expect(parseGs1('(01) 09501101530003 (17) 150119 (10) AB-123', { referenceDate: ref })).toMatchObject({
      ok: true,
      lot: 'AB-123',
    });
  });
  it('reads the same data as a scanner sends it: ]d2, fixed-length AIs back to back', () => {
    const r = parseGs1(']d2010950110153000317150119' + '10AB-123', { referenceDate: ref });
    expect(r).toMatchObject({ ok: true, symbology: ']d2', gtin: '09501101530003', lot: 'AB-123' });
    expect(r.ok && r.ndc).toBeUndefined(); // 095… is not an NDC-based GTIN
  });
});

// DSCSA product identifier: GTIN (with NDC), serial, lot, expiry (GS1 US Healthcare, "Applying
// GS1 Standards for DSCSA"). The GTIN here is built from the real NDC 0228-4241-03
// (openFDA harmonized.small.json).
describe('parseGs1: DSCSA scans', () => {
  const gtin = (ndc10ToGtin14('0228-4241-03') as { gtin14: string }).gtin14;
  const body = `01${gtin}21SER0001${GS}17270600` + `10LOT42${GS}`;

  it.each([
    ['GS (ASCII 29)', body],
    ['<GS> text', body.replaceAll(GS, '<GS>')],
    ['{GS} text', body.replaceAll(GS, '{GS}')],
    ['caret', body.replaceAll(GS, '^')],
    ['leading FNC1 and ]C1', `]C1${GS}${body}`],
    ['trailing CR/LF', `${body}\r\n`],
  ])('%s', (_name, scan) => {
    const r = parseGs1(scan, { referenceDate: ref });
    expect(r).toMatchObject({
      ok: true,
      gtin,
      serial: 'SER0001',
      lot: 'LOT42',
      expiry: '2027-06-30',
      expiryDayUnspecified: true,
    });
    expect(r.ok && r.ndc?.candidates.map((c) => c.ndc10)).toContain('0228-4241-03');
    expect(r.ok && r.ndc11).toBeUndefined(); // layout unknown without a hint
  });

  it('resolves ndc11 with a layout hint or a product lookup', () => {
    expect(parseGs1(body, { referenceDate: ref, ndcLayout: '4-4-2' })).toMatchObject({
      ndc11: '00228424103',
      ndc10: '0228-4241-03',
    });
    const known = new Set(['00228424103']);
    const r = parseGs1(body, { referenceDate: ref, resolveNdc: (cs) => cs.find((c) => known.has(c.ndc11)) });
    expect(r).toMatchObject({ ndc11: '00228424103' });
  });

  it('only treats ^ as a separator when configured', () => {
    const r = parseGs1(body.replaceAll(GS, '^'), { referenceDate: ref, separators: [GS] });
    expect(r).toMatchObject({ ok: false, error: { element: '21', code: 'too-long' } });
  });

  it('reads AI 715 (NHRN NDC)', () => {
    expect(parseGs1(`715${'0002-3227-30'}`, { referenceDate: ref })).toMatchObject({
      ok: true,
      ndc11: '00002322730',
    });
  });
});

describe('parseGs1: errors name the bad element', () => {
  it.each([
    ['bad GTIN check digit', '0109501101530004', '01', 'bad-check-digit'],
    ['month 13', '010950110153000317251301', '17', 'bad-date'],
    ['31 June', '010950110153000317250631', '17', 'bad-date'],
    ['lot over 20 chars (missing separator)', `10${'A'.repeat(18)}21SERIAL`, '10', 'too-long'],
    ['truncated GTIN', '01095011015300', '01', 'too-short'],
    ['unknown AI 04', '04123', '0412', 'unknown-ai'],
    ['lowercase in CSET 39 AI 8010', '8010abc', '8010', 'invalid-character'],
    ['bad SSCC check digit', '00123456789012345678', '00', 'bad-check-digit'],
    ['conflicting duplicate', `10A${GS}10B`, '10', 'duplicate-ai'],
    ['7003 bad time', '70032501012460', '7003', 'bad-time'],
    ['bracket form, unknown AI', '(01)09501101530003(04)1', '04', 'unknown-ai'],
  ])('%s', (_name, scan, element, code) => {
    expect(parseGs1(scan, { referenceDate: ref })).toMatchObject({ ok: false, error: { element, code } });
  });

  it('warns when a fixed-length AI that needs FNC1 runs into the next AI', () => {
    const r = parseGs1('7003250101123010LOT', { referenceDate: ref });
    expect(r).toMatchObject({ ok: true, lot: 'LOT' });
    expect(r.ok && r.warnings.join()).toMatch(/7003/);
  });

  it('accepts an identical repeated AI', () => {
    expect(parseGs1(`10A${GS}10A`, { referenceDate: ref }).ok).toBe(true);
  });
});

// Generators for the round trip: valid values for a spread of fixed, variable, date and check-digit AIs.
const cset82 = fc
  .string({
    unit: fc.constantFrom(
      ...'!"%&\'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz',
    ),
    minLength: 1,
    maxLength: 20,
  })
  .filter((s) => !/<gs>/i.test(s));
const withCheck = (n: number) =>
  fc.stringMatching(new RegExp(`^\\d{${n - 1}}$`)).map((d) => {
    let sum = 0;
    for (let i = 0; i < d.length; i++) sum += Number(d[d.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
    return d + String((10 - (sum % 10)) % 10);
  });
const date = fc
  .tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 28 }))
  .map(([y, m, d]) => [y, m, d].map((n) => String(n).padStart(2, '0')).join(''));
const elementArb = fc.oneof(
  withCheck(14).map((v) => ({ ai: '01', value: v })),
  withCheck(18).map((v) => ({ ai: '00', value: v })),
  date.map((v) => ({ ai: '17', value: v })),
  date.map((v) => ({ ai: '11', value: v })),
  cset82.map((v) => ({ ai: '10', value: v })),
  cset82.map((v) => ({ ai: '21', value: v })),
  cset82.map((v) => ({ ai: '240', value: v })),
  fc.stringMatching(/^\d{1,8}$/).map((v) => ({ ai: '30', value: v })),
  fc.stringMatching(/^\d{6}$/).map((v) => ({ ai: '3103', value: v })),
  fc.tuple(date, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([d, h, m]) => ({
    ai: '7003',
    value: `${d.slice(0, 4)}${d.slice(4) === '00' ? '01' : d.slice(4)}${String(h).padStart(2, '0')}${String(m).padStart(2, '0')}`,
  })),
  fc.tuple(withCheck(14), fc.stringMatching(/^\d{4}$/)).map(([g, n]) => ({ ai: '8006', value: g + n })),
);
const elementsArb = fc.uniqueArray(elementArb, { minLength: 1, maxLength: 6, selector: (e) => e.ai });

describe('build → parse round trip (property)', () => {
  it('raw form with any separator', () => {
    fc.assert(
      fc.property(
        elementsArb,
        fc.constantFrom(...DEFAULT_SEPARATORS),
        fc.constantFrom('', ']d2', ']C1'),
        (els, sep, sym) => {
          const built = buildGs1ElementString(els, { separator: sep, symbologyId: sym, referenceDate: ref });
          if (!built.ok) return false;
          const parsed = parseGs1(built.text, { referenceDate: ref });
          return (
            parsed.ok &&
            JSON.stringify(parsed.elements.map(({ ai, value }) => ({ ai, value }))) === JSON.stringify(els)
          );
        },
      ),
    );
  });
  it('bracketed form', () => {
    fc.assert(
      fc.property(
        elementsArb.filter((els) => els.every((e) => !e.value.includes('('))),
        (els) => {
          const built = buildGs1ElementString(els, { format: 'hri', referenceDate: ref });
          const parsed = built.ok ? parseGs1(built.text, { referenceDate: ref }) : built;
          return (
            parsed.ok && parsed.elements.every((e, i) => e.ai === els[i]?.ai && e.value === els[i]?.value)
          );
        },
      ),
    );
  });
  it('the builder refuses invalid elements', () => {
    expect(buildGs1ElementString([{ ai: '01', value: '09501101530004' }])).toMatchObject({
      ok: false,
      error: { element: '01' },
    });
    expect(buildGs1ElementString([{ ai: '04', value: '1' }])).toMatchObject({
      ok: false,
      error: { code: 'unknown-ai' },
    });
    expect(buildGs1ElementString([])).toMatchObject({ ok: false, error: { code: 'empty' } });
  });
});

describe('fuzz: parseGs1 never throws', () => {
  it('on arbitrary strings and on digit/GS soup', () => {
    const soup = fc.string({
      unit: fc.constantFrom('0', '1', '7', '2', '3', '(', ')', GS, 'A', '^', '<GS>', ']d2'),
    });
    fc.assert(
      fc.property(fc.oneof(fc.string(), soup), (s) => {
        const r = parseGs1(s, { referenceDate: ref });
        return r.ok ? Array.isArray(r.elements) : typeof r.error.reason === 'string';
      }),
      { numRuns: 2000 },
    );
  });
});
