import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalcError } from './errors';
import { runCalculation } from './registry';
import { cockcroftGault, egfrCkdEpi2021, egfrMdrd, egfrSchwartz, renalBand } from './renal';

describe('Cockcroft–Gault', () => {
  it('textbook case: man, 60 y, 72 kg, SCr 1.0 → (80 × 72)/(72 × 1) = 80 mL/min (Cockcroft & Gault 1976)', () => {
    expect(
      cockcroftGault({ ageYears: 60, sex: 'male', weightKg: 72, scrMgDl: 1, weightRule: 'actual' }).crcl,
    ).toBe(80);
    expect(
      cockcroftGault({ ageYears: 60, sex: 'female', weightKg: 72, scrMgDl: 1, weightRule: 'actual' }).crcl,
    ).toBeCloseTo(68, 9);
  });

  it('brief example: 53 y man, 87 kg, 175 cm, SCr 1.39 → BMI 28.4 → adjusted weight 77.1 kg → 67.0 mL/min', () => {
    const r = runCalculation('crcl', {
      age: 53,
      sex: 'male',
      weight: '87 kg',
      height: '175 cm',
      scr: '1.39 mg/dL',
    });
    expect(r.value).toBe(67);
    expect(r.unit).toBe('mL/min');
    expect(r.extra?.weightBasis).toBe('adjusted');
    expect(r.extra?.weightUsedKg).toBeCloseTo(77.079, 3);
    expect(r.steps.map((s) => s.label)).toContain('Weight used');
    expect(r.source).toMatch(/Cockcroft/);
    // Same patient with actual weight: 87 × 87 / (72 × 1.39) = 75.6
    expect(
      runCalculation('crcl', {
        age: 53,
        sex: 'male',
        weight: '87 kg',
        scr: '1.39 mg/dL',
        weightRule: 'actual',
      }).value,
    ).toBe(75.6);
  });

  it('BMI rule (Winter 2012): underweight → actual, normal → ideal, obese → adjusted, never above actual', () => {
    const base = { ageYears: 50, sex: 'male' as const, heightCm: 180, scrMgDl: 1 };
    expect(cockcroftGault({ ...base, weightKg: 55 }).weightBasis).toBe('actual');
    expect(cockcroftGault({ ...base, weightKg: 78 }).weightBasis).toBe('ideal');
    expect(cockcroftGault({ ...base, weightKg: 120 }).weightBasis).toBe('adjusted');
    const short = cockcroftGault({ ...base, heightCm: 185, weightKg: 64 });
    expect(short.weightUsedKg).toBeLessThanOrEqual(64);
  });

  it('ibw-130 rule switches to adjusted above 130 % of IBW', () => {
    const base = {
      ageYears: 50,
      sex: 'male' as const,
      heightCm: 177.8,
      scrMgDl: 1,
      weightRule: 'ibw-130' as const,
    };
    expect(cockcroftGault({ ...base, weightKg: 94 }).weightBasis).toBe('ideal'); // 94 ≤ 1.3 × 73
    expect(cockcroftGault({ ...base, weightKg: 96 }).weightBasis).toBe('adjusted');
  });

  it('SCr rounding in the elderly is opt-in', () => {
    const base = {
      ageYears: 85,
      sex: 'female' as const,
      weightKg: 50,
      scrMgDl: 0.6,
      weightRule: 'actual' as const,
    };
    expect(cockcroftGault(base).scrUsed).toBe(0.6);
    expect(cockcroftGault({ ...base, scrRounding: 'round-up-1' }).scrUsed).toBe(1);
    expect(cockcroftGault({ ...base, scrRounding: 'round-up-0.8' }).scrUsed).toBe(0.8);
    expect(cockcroftGault({ ...base, ageYears: 50, scrRounding: 'round-up-1' }).scrUsed).toBe(0.6);
  });

  it('needs height for IBW-based rules and names the field', () => {
    expect(() =>
      runCalculation('crcl', { age: 53, sex: 'male', weight: '87 kg', scr: '1.39 mg/dL' }),
    ).toThrow(expect.objectContaining({ field: 'height' }));
    expect(() => runCalculation('crcl', { age: 53, sex: 'x', weight: '87 kg', scr: '1.39' })).toThrow(
      expect.objectContaining({ field: 'sex' }),
    );
    expect(() =>
      runCalculation('crcl', { age: 53, sex: 'male', weight: '87 kg', scr: '0 mg/dL', weightRule: 'actual' }),
    ).toThrow(expect.objectContaining({ field: 'scr' }));
    expect(() =>
      runCalculation('crcl', { age: 53, sex: 'male', weight: '87 kg', scr: '1.39 kg', weightRule: 'actual' }),
    ).toThrow(expect.objectContaining({ field: 'scr' }));
  });

  it('falls with age and SCr, rises with weight (monotonicity property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 18, max: 100 }),
        fc.double({ min: 30, max: 200, noNaN: true }),
        fc.double({ min: 0.3, max: 10, noNaN: true }),
        (age, w, scr) => {
          const f = (a: number, kg: number, s: number) =>
            cockcroftGault({ ageYears: a, sex: 'male', weightKg: kg, scrMgDl: s, weightRule: 'actual' }).crcl;
          expect(f(age + 1, w, scr)).toBeLessThan(f(age, w, scr));
          expect(f(age, w, scr + 0.1)).toBeLessThan(f(age, w, scr));
          expect(f(age, w + 1, scr)).toBeGreaterThan(f(age, w, scr));
        },
      ),
    );
  });

  it('is unit invariant: lb/in and µmol/L give the same CrCl as kg/cm and mg/dL (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 40, max: 180, noNaN: true }),
        fc.double({ min: 150, max: 200, noNaN: true }),
        fc.double({ min: 0.5, max: 5, noNaN: true }),
        (kg, cm, scr) => {
          const a = runCalculation('crcl', {
            age: 60,
            sex: 'female',
            weight: `${kg} kg`,
            height: `${cm} cm`,
            scr: `${scr} mg/dL`,
          });
          const b = runCalculation('crcl', {
            age: 60,
            sex: 'female',
            weight: `${kg / 0.45359237} lb`,
            height: `${cm / 2.54} in`,
            scr: `${scr * 88.4} umol/L`, // creatinine: 1 mg/dL = 88.4 µmol/L
          });
          expect(b.extra?.unrounded as number).toBeCloseTo(a.extra?.unrounded as number, 2);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('eGFR equations', () => {
  // Inker 2021: at SCr = κ the SCr terms are 1, so eGFR = 142 × 0.9938^age (× 1.012 female).
  it('CKD-EPI 2021: woman 50 y, SCr 0.7 → 142 × 0.9938⁵⁰ × 1.012 = 105', () => {
    expect(egfrCkdEpi2021(0.7, 50, 'female')).toBeCloseTo(142 * 0.9938 ** 50 * 1.012, 9);
    expect(runCalculation('egfr-ckd-epi-2021', { age: 50, sex: 'female', scr: '0.7 mg/dL' }).value).toBe(105);
  });
  it('CKD-EPI 2021: man 60 y, SCr 1.2 → 69; woman 70 y, SCr 0.5 → 101 (independent computation)', () => {
    expect(egfrCkdEpi2021(1.2, 60, 'male')).toBeCloseTo(69.231, 3);
    expect(egfrCkdEpi2021(0.5, 70, 'female')).toBeCloseTo(100.836, 3);
  });
  it('CKD-EPI 2021 falls as SCr rises (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.2, max: 15, noNaN: true }),
        fc.integer({ min: 18, max: 100 }),
        fc.constantFrom('male' as const, 'female' as const),
        (s, a, sex) => {
          expect(egfrCkdEpi2021(s + 0.05, a, sex)).toBeLessThan(egfrCkdEpi2021(s, a, sex));
        },
      ),
    );
  });
  it('MDRD (Levey 2006): woman 50 y, SCr 1.0 → 58.7; race coefficient 1.212', () => {
    expect(egfrMdrd(1, 50, 'female')).toBeCloseTo(58.688, 3);
    expect(egfrMdrd(1, 50, 'female', true) / egfrMdrd(1, 50, 'female')).toBeCloseTo(1.212, 12);
    expect(runCalculation('egfr-mdrd', { age: 50, sex: 'female', scr: '88.4 umol/L' }).value).toBe(59);
  });
  it('bedside Schwartz (2009): 120 cm, SCr 0.5 → 0.413 × 120 / 0.5 = 99.1', () => {
    expect(egfrSchwartz(120, 0.5)).toBeCloseTo(99.12, 9);
    expect(runCalculation('egfr-schwartz', { height: '120 cm', scr: '0.5 mg/dL', age: 8 }).value).toBe(99.1);
  });
});

describe('renal bands', () => {
  it.each([
    [95, 'fda-2020', 'normal (≥ 90)'],
    [90, 'fda-2020', 'normal (≥ 90)'],
    [89.9, 'fda-2020', 'mild impairment (60–89)'],
    [30, 'fda-2020', 'moderate impairment (30–59)'],
    [14, 'fda-2020', 'kidney failure (< 15)'],
    [50, 'kdigo', 'G3a (45–59)'],
    [44, 'kdigo', 'G3b (30–44)'],
    [50, 'aronoff', '10–50 mL/min'],
    [51, 'aronoff', '> 50 mL/min'],
    [9, 'aronoff', '< 10 mL/min'],
  ] as const)('%s mL/min (%s) → %s', (v, scheme, band) => {
    expect(renalBand(v, scheme)).toBe(band);
  });
  it('registry and errors', () => {
    expect(runCalculation('renal-band', { crcl: '0.5 mL/s' }).value).toBe('moderate impairment (30–59)');
    expect(() => renalBand(-1)).toThrow(CalcError);
  });
});
