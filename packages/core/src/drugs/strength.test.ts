/// <reference types="node" />
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStrength } from './strength';

describe('parseStrength', () => {
  it.each([
    ['500', 'mg/1', { value: 500, unit: 'mg', denominatorValue: 1, denominatorUnit: '1' }],
    ['250', 'mg/5mL', { value: 250, unit: 'mg', denominatorValue: 5, denominatorUnit: 'mL' }],
    ['1', 'g/g', { value: 1, unit: 'g', denominatorValue: 1, denominatorUnit: 'g' }],
    ['99', 'kg/100kg', { value: 99, unit: 'kg', denominatorValue: 100, denominatorUnit: 'kg' }],
    ['100', "[USP'U]/mL", { value: 100, unit: "[USP'U]", denominatorValue: 1, denominatorUnit: 'mL' }],
    ['.5', '[hp_X]/mL', { value: 0.5, unit: '[hp_X]', denominatorValue: 1, denominatorUnit: 'mL' }],
    ['4', 'ug/cm2', { value: 4, unit: 'ug', denominatorValue: 1, denominatorUnit: 'cm2' }], // 0089-5870
    ['12', 'SQ-HDM/1', { value: 12, unit: '{SQ-HDM}', denominatorValue: 1, denominatorUnit: '1' }], // 62938-0018
  ])('%s %s', (v, u, want) => {
    expect(parseStrength(v, u)).toEqual({ ok: true, ingredients: [{ ...want, rawUnit: u }] });
  });

  it('splits multiple ingredients on "; " and attaches SUBSTANCENAME', () => {
    const r = parseStrength('5; 325', 'mg/1; mg/1', 'HYDROCODONE BITARTRATE; ACETAMINOPHEN');
    expect(r.ok && r.ingredients.map((i) => [i.name, i.value, i.unit])).toEqual([
      ['HYDROCODONE BITARTRATE', 5, 'mg'],
      ['ACETAMINOPHEN', 325, 'mg'],
    ]);
  });

  it('keeps "; " inside parenthesised substance names (71028-0031)', () => {
    const r = parseStrength('70', 'kg/100kg', 'POLY(METHYL METHACRYLATE; 450000 MW)');
    expect(r.ok && r.ingredients[0]?.name).toBe('POLY(METHYL METHACRYLATE; 450000 MW)');
  });

  it('empty columns mean no listed strength', () => {
    expect(parseStrength('', '')).toEqual({ ok: true, ingredients: [] });
  });

  it.each([
    ['5; 325', 'mg/1', 'count-mismatch'],
    ['five', 'mg/1', 'bad-value'],
    ['5', '/mL', 'bad-unit'],
    ['5', 'mg/0mL', 'bad-unit'],
  ])('rejects %j %j with %s', (v, u, code) => {
    expect(parseStrength(v, u)).toMatchObject({ ok: false, error: { field: 'strength', code } });
  });

  it('never throws and never yields NaN (fuzz)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (v, u) => {
        const r = parseStrength(v, u);
        return (
          !r.ok || r.ingredients.every((i) => Number.isFinite(i.value) && Number.isFinite(i.denominatorValue))
        );
      }),
      { numRuns: 2000 },
    );
  });
});

describe('every row of FDA unfinished_product.txt', () => {
  const text = readFileSync(
    new URL('../../../../../shared/data/fda-ndc-unfinished/unfinished_product.txt', import.meta.url),
  ).toString('latin1');
  const rows = text
    .split('\r\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => l.split('\t'));
  it('parses all 21,478 strength/unit pairs, one entry per substance', () => {
    expect(rows.length).toBe(21478);
    for (const r of rows) {
      const s = parseStrength(r[10] ?? '', r[11] ?? '', r[9]);
      expect(s.ok).toBe(true);
      if (s.ok && s.ingredients.length > 0)
        expect(s.ingredients.every((i) => i.name !== undefined)).toBe(true);
    }
  });
});
