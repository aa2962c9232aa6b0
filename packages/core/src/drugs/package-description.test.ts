/// <reference types="node" />
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePackageDescription } from './package-description';

// Examples are real PACKAGEDESCRIPTION values from the FDA NDC Directory (unfinished_package.txt)
// or quoted in the task brief from FDA's finished-drug directory.
describe('parsePackageDescription', () => {
  it('single level', () => {
    expect(parsePackageDescription('100 TABLET in 1 BOTTLE (0002-3227-30)')).toEqual({
      ok: true,
      levels: [
        {
          quantity: 100,
          unit: 'TABLET',
          per: 1,
          container: 'BOTTLE',
          ndcRaw: '0002-3227-30',
          ndc11: '00002322730',
        },
      ],
      totalQuantity: 100,
      baseUnit: 'TABLET',
      warnings: [],
    });
  });

  it('nested, outermost first; total is the product of quantities', () => {
    const r = parsePackageDescription(
      '10 BLISTER PACK in 1 CARTON (55154-4402-0)  > 10 TABLET, FILM COATED in 1 BLISTER PACK',
    );
    expect(r).toMatchObject({
      ok: true,
      levels: [
        { quantity: 10, unit: 'BLISTER PACK', container: 'CARTON', ndc11: '55154440200' },
        { quantity: 10, unit: 'TABLET, FILM COATED', container: 'BLISTER PACK' },
      ],
      totalQuantity: 100,
      baseUnit: 'TABLET, FILM COATED',
    });
    expect(parsePackageDescription('1 BOTTLE in 1 CARTON (0002-8215-01)  > 3 mL in 1 BOTTLE')).toMatchObject({
      totalQuantity: 3,
      baseUnit: 'mL',
    });
  });

  it('three levels and decimals', () => {
    const r = parsePackageDescription(
      '44 CARTON in 1 TRAY (1234-5678-90)  > 10 CARTRIDGE in 1 CARTON > .5 mL in 1 CARTRIDGE',
    );
    expect(r).toMatchObject({ ok: true, totalQuantity: 220, baseUnit: 'mL' });
    expect(parsePackageDescription('3 BAG in 1 DRUM (1234-5678-90)  > .1 kg in 1 BAG')).toMatchObject({
      totalQuantity: 0.3,
    });
  });

  it('kits keep their parts', () => {
    const r = parsePackageDescription(
      '1 KIT in 1 KIT (43093-107-01)  *  1.03 g in 1 BOTTLE *  100 g in 1 JAR *  1.03 g in 1 BOTTLE',
    );
    expect(r).toMatchObject({ ok: true, totalQuantity: 1, baseUnit: 'KIT' });
    expect(r.ok && r.kitParts?.map((p) => p[0]?.quantity)).toEqual([1.03, 100, 1.03]);
  });

  it('FDA quirks: a repeated NDC and a malformed NDC give warnings, not failures', () => {
    const dup = parsePackageDescription(
      '1 BAG in 1 DRUM (26055-0271-1)  > 25 kg in 1 BAG (26055-0271-2)  (26055-0271-2)',
    );
    expect(dup).toMatchObject({ ok: true, totalQuantity: 25, warnings: [] });
    const bad = parsePackageDescription('1 kg in 1 CARTON (47848-026-XX)');
    expect(bad).toMatchObject({ ok: true, levels: [{ ndcRaw: '47848-026-XX' }] });
    expect(bad.ok && bad.levels[0]?.ndc11).toBeUndefined();
    expect(bad.ok && bad.warnings).toHaveLength(1);
  });

  it.each([
    ['', 'empty'],
    ['TABLET in BOTTLE', 'bad-level'],
    ['100 TABLET in 1 BOTTLE > junk', 'bad-level'],
    ['5 g in 0 JAR', 'bad-quantity'],
  ])('rejects %j with %s', (s, code) => {
    expect(parsePackageDescription(s)).toMatchObject({
      ok: false,
      error: { field: 'packageDescription', code },
    });
  });

  it('never throws and never yields NaN/Infinity (fuzz)', () => {
    const piece = fc.constantFrom(
      '1',
      '.5',
      '10',
      ' ',
      'TABLET',
      ' in ',
      'BOTTLE',
      '(0002-3227-30)',
      ' > ',
      ' * ',
      '1e999',
      '(',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(piece).map((a) => a.join('')),
        ),
        (s) => {
          const r = parsePackageDescription(s);
          return !r.ok || Number.isFinite(r.totalQuantity);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('every row of FDA unfinished_package.txt', () => {
  const text = readFileSync(
    new URL('../../../../../shared/data/fda-ndc-unfinished/unfinished_package.txt', import.meta.url),
  ).toString('latin1');
  const rows = text
    .split('\r\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => l.split('\t'));

  it('parses ≥ 99.5% and fails the rest with a typed error', () => {
    let parsed = 0;
    let ndcMatches = 0;
    const failures: string[] = [];
    for (const [, , packageNdc = '', description = ''] of rows) {
      const r = parsePackageDescription(description);
      if (r.ok) {
        parsed++;
        if (r.levels[0]?.ndcRaw === packageNdc) ndcMatches++;
        expect(Number.isFinite(r.totalQuantity)).toBe(true);
      } else {
        expect(r.error.field).toBe('packageDescription');
        failures.push(description);
      }
    }
    expect(rows.length).toBe(35321);
    expect(failures).toEqual([]);
    expect(parsed).toBe(35321);
    // The outermost level's NDC is the row's NDCPACKAGECODE, except where FDA printed none.
    expect(ndcMatches).toBeGreaterThan(35300);
  });
});
