import { describe, expect, it } from 'vitest';
import { parseSig } from './parse';
import { SIG_CASES } from './sig-cases';

/** Latin and clinical shorthand that must never reach a patient label. */
const LATIN =
  /\b(po|bid|tid|qid|qd|qod|qhs|hs|prn|ac|pc|gtts?|subq|sq|sc|im|iv|sl|ou|os|od|au|ad|tab|tabs|cap|caps|inh|neb|ud|stat|q\d+h)\b/i;

describe('sig table', () => {
  it('has at least 150 real-world sigs', () => {
    expect(SIG_CASES.length).toBeGreaterThanOrEqual(150);
  });

  it.each(SIG_CASES.map((c) => [c.sig, c] as const))('%s', (_label, c) => {
    const p = parseSig(c.sig);
    expect(p.text).toBe(c.text);
    const understood = c.text !== c.sig && c.text !== 'No directions given.';
    expect(p.ok).toBe(understood);
    if (!understood) {
      expect(p.warnings.length).toBeGreaterThan(0);
      return;
    }
    expect(p.text).not.toMatch(LATIN);
    const s = p.instructions[0];
    expect(s).toBeDefined();
    if (!s) return;
    if (typeof c.dose === 'number') expect(s.dose?.value).toBe(c.dose);
    if (Array.isArray(c.dose)) expect([s.dose?.low, s.dose?.high]).toEqual(c.dose);
    if (c.unit) expect(s.dose?.unit).toBe(c.unit);
    if (c.route) expect(s.route).toBe(c.route);
    if (c.tpd !== undefined) {
      const [min, max] = Array.isArray(c.tpd) ? c.tpd : [c.tpd, c.tpd];
      expect(s.frequency?.timesPerDayMin).toBeCloseTo(min, 5);
      expect(s.frequency?.timesPerDayMax).toBeCloseTo(max, 5);
    }
    if (c.days !== undefined) expect(s.durationDays).toBe(c.days);
    if (c.prn === true) expect([s.prn, s.prnReason]).toEqual([true, undefined]);
    else if (c.prn) expect([s.prn, s.prnReason]).toEqual([true, c.prn]);
    if (c.steps !== undefined) expect(p.instructions).toHaveLength(c.steps);
    if (c.total !== undefined) expect(p.totalDurationDays).toBe(c.total);
    if (c.max) expect(p.maxDailyDose).toEqual({ value: c.max[0], unit: c.max[1] });
    if (c.warn) expect(p.warnings.join(' ')).toContain(c.warn);
  });
});
