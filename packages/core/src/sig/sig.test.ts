import { describe, expect, it } from 'vitest';
import { instructionDailyUse, sigDailyUse } from './daily-use';
import { parseSig } from './parse';
import { renderSig } from './render';
import { sigSummaryLines } from './summary';

describe('parseSig details', () => {
  it('keeps the free text and lists what it did not understand', () => {
    const p = parseSig('1 tab po bid w/ orange juice');
    expect(p.ok).toBe(false);
    expect(p.text).toBe('1 tab po bid w/ orange juice');
    expect(p.unparsed).toEqual(['w / orange juice']);
    expect(p.interpretation).toBe('Take 1 tablet by mouth twice a day.');
  });

  it('does not guess at "x7" without a unit (ISMP: x3d is read as days and as doses)', () => {
    const p = parseSig('1 tab po bid x7');
    expect(p.ok).toBe(false);
    expect(p.unparsed).toEqual(['x 7']);
  });

  it('reads "od" as the right eye for drops and as daily for tablets, with the ISMP warning', () => {
    expect(parseSig('1 gtt od bid').instructions[0]).toMatchObject({
      route: 'ophthalmic',
      site: 'right eye',
    });
    const tab = parseSig('1 tab po od');
    expect(tab.instructions[0]?.frequency?.code).toBe('QD');
    expect(tab.warnings.some((w) => w.includes('"od"'))).toBe(true);
    expect(parseSig('1 od').ok).toBe(false);
  });

  it('reads "as" as the left ear only for drops', () => {
    expect(parseSig('2 gtts as tid').instructions[0]?.site).toBe('left ear');
    expect(parseSig('1 tab as tid').ok).toBe(false);
  });

  it('flags naked decimals and trailing zeros but reads them', () => {
    const p = parseSig('.5 mg po daily');
    expect(p.instructions[0]?.dose?.value).toBe(0.5);
    expect(p.warnings.join(' ')).toContain('naked decimal');
    expect(parseSig('1.0 mg po daily').warnings.join(' ')).toContain('trailing zero');
  });

  it('taper steps inherit route and frequency and are sequential', () => {
    const p = parseSig('40 mg po daily x5d then 20 mg x5d');
    expect(p.instructions.map((s) => [s.dose?.value, s.route, s.frequency?.code, s.sequential])).toEqual([
      [40, 'oral', 'QD', false],
      [20, 'oral', 'QD', true],
    ]);
  });

  it('daily use: drops in both eyes double, sliding scale and "as directed" have none', () => {
    expect(sigDailyUse(parseSig('1 gtt ou tid'))).toEqual({ min: 6, max: 6, unit: 'drop' });
    expect(sigDailyUse(parseSig('2 sprays each nostril bid'))).toEqual({ min: 8, max: 8, unit: 'spray' });
    expect(sigDailyUse(parseSig('inject 10 units subq tid ac per sliding scale'))).toBeUndefined();
    expect(sigDailyUse(parseSig('use as directed'))).toBeUndefined();
    expect(sigDailyUse(parseSig('1 tab po qam and 2 tabs po qhs'))).toEqual({
      min: 3,
      max: 3,
      unit: 'tablet',
    });
    expect(sigDailyUse(parseSig('take 4 tabs daily x2d then 1 tab daily x2d'))).toEqual({
      min: 1,
      max: 4,
      unit: 'tablet',
    });
    const prn = parseSig('1-2 tabs po q4-6h prn pain max 8 tabs/24h').instructions[0];
    expect(prn && instructionDailyUse(prn)).toEqual({ min: 4, max: 8, unit: 'tablet' });
  });

  it('renders instruction lists and empty input', () => {
    expect(renderSig(parseSig('1 tab po bid').instructions)).toBe('Take 1 tablet by mouth twice a day.');
    expect(renderSig([])).toBe('No directions given.');
    expect(renderSig(parseSig('   '))).toBe('No directions given.');
  });
});

describe('sigSummaryLines', () => {
  it('lists the structure, daily use and warnings', () => {
    expect(sigSummaryLines(parseSig('1 tab po qd x10d'))).toEqual([
      'Understood: Take 1 tablet by mouth once a day for 10 days.',
      '1. dose 1 tablet, route oral, frequency QD (once a day), 10 days',
      'Per day: 1 tablet',
      'Warning: ISMP error-prone: "qd" (every day) can be mistaken for qid (four times daily); write "daily".',
    ]);
  });
});
