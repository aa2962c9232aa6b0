import { nonNegative, positive } from './check';
import { CalcError } from './errors';

// Pharmaceutical calculations as taught in Ansel's Pharmaceutical Calculations (15th ed.).

/** Salts commonly dosed in mEq: molecular weight (g/mol) and valence of the ion counted. */
export const SALTS: Record<string, { mw: number; valence: number; label: string }> = {
  kcl: { mw: 74.55, valence: 1, label: 'potassium chloride' },
  nacl: { mw: 58.44, valence: 1, label: 'sodium chloride' },
  nahco3: { mw: 84.01, valence: 1, label: 'sodium bicarbonate' },
  'k-acetate': { mw: 98.14, valence: 1, label: 'potassium acetate' },
  'cacl2-2h2o': { mw: 147.01, valence: 2, label: 'calcium chloride dihydrate' },
  'ca-gluconate': { mw: 430.37, valence: 2, label: 'calcium gluconate (anhydrous)' },
  'mgso4-7h2o': { mw: 246.47, valence: 2, label: 'magnesium sulfate heptahydrate' },
};

/** mg → mmol → mEq: mmol = mg / MW; mEq = mmol × valence. */
export function massToMmol(mg: number, mw: number): number {
  nonNegative('amount', mg);
  positive('molecularWeight', mw);
  return mg / mw;
}

export function mmolToMeq(mmol: number, valence: number): number {
  positive('valence', valence);
  return mmol * valence;
}

export type PercentType = 'w/v' | 'w/w' | 'v/v';

/** Percent strength: amount (g or mL) per 100 (mL or g) of preparation. */
export function percentAmount(percent: number, total: number): number {
  nonNegative('percent', percent);
  positive('total', total);
  return (percent / 100) * total;
}

/** Ratio strength 1:r ↔ percent: % = 100 / r. For w/v, 1:1000 = 0.1 % = 1 mg/mL. */
export function ratioToPercent(r: number): number {
  positive('ratio', r);
  return 100 / r;
}

export function percentToRatio(percent: number): number {
  positive('percent', percent);
  return 100 / percent;
}

/** Parse "1:1000", "1:10,000" or "1 in 200" into the denominator. */
export function parseRatio(text: string, field = 'ratio'): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?::|in)\s*([\d,]+(?:\.\d+)?)\s*$/i.exec(text);
  if (!m) throw new CalcError(field, `not a ratio like 1:1000 (got "${text}")`);
  const a = Number(m[1]);
  const b = Number(m[2]!.replace(/,/g, ''));
  positive(field, a);
  positive(field, b);
  return b / a;
}

/** C1·V1 = C2·V2: pass exactly one undefined and it is solved. Concentrations in one unit, volumes in another. */
export function dilution(v: { c1?: number; v1?: number; c2?: number; v2?: number }): {
  c1: number;
  v1: number;
  c2: number;
  v2: number;
  solved: 'c1' | 'v1' | 'c2' | 'v2';
} {
  const missing = (['c1', 'v1', 'c2', 'v2'] as const).filter((k) => v[k] === undefined);
  if (missing.length !== 1) throw new CalcError(missing[1] ?? 'c1', 'give exactly three of c1, v1, c2, v2');
  for (const k of ['c1', 'v1', 'c2', 'v2'] as const) if (v[k] !== undefined) positive(k, v[k]);
  const solved = missing[0]!;
  const c1 = v.c1 ?? (v.c2! * v.v2!) / v.v1!;
  const v1 = v.v1 ?? (v.c2! * v.v2!) / v.c1!;
  const c2 = v.c2 ?? (v.c1! * v.v1!) / v.v2!;
  const v2 = v.v2 ?? (v.c1! * v.v1!) / v.c2!;
  if (solved === 'v1' && c2 > c1)
    throw new CalcError('c2', 'a dilution cannot be stronger than the stock (c2 > c1)');
  if (solved === 'v2' && c2 > c1)
    throw new CalcError('c2', 'a dilution cannot be stronger than the stock (c2 > c1)');
  return { c1, v1, c2, v2, solved };
}

/**
 * Alligation alternate, any number of strengths: every strength above the target is paired with
 * every strength below; a high strength h gets Σ(target − l) parts, a low strength l gets
 * Σ(h − target). Each pair alone gives the target, so the sum does too. A strength equal to the
 * target gets 0 parts (it can be used in any amount).
 */
export function alligation(strengths: number[], target: number): number[] {
  if (strengths.length < 2) throw new CalcError('strengths', 'needs at least two strengths');
  nonNegative('target', target);
  for (const s of strengths) nonNegative('strengths', s);
  const hi = strengths.filter((s) => s > target);
  const lo = strengths.filter((s) => s < target);
  if (hi.length === 0 || lo.length === 0) {
    throw new CalcError('target', 'must lie between the lowest and the highest strength');
  }
  return strengths.map((s) => {
    if (s > target) return lo.reduce((acc, l) => acc + (target - l), 0);
    if (s < target) return hi.reduce((acc, h) => acc + (h - target), 0);
    return 0;
  });
}

/** Reconstitution: final volume = diluent + powder volume; concentration = amount / final volume. */
export function reconstitution(
  amount: number,
  powderVolumeMl: number,
  diluentMl?: number,
  targetConcPerMl?: number,
): { diluentMl: number; finalVolumeMl: number; concentrationPerMl: number } {
  positive('amount', amount);
  nonNegative('powderVolume', powderVolumeMl);
  if (diluentMl !== undefined) {
    positive('diluent', diluentMl);
    const finalVolumeMl = diluentMl + powderVolumeMl;
    return { diluentMl, finalVolumeMl, concentrationPerMl: amount / finalVolumeMl };
  }
  if (targetConcPerMl === undefined)
    throw new CalcError('diluent', 'give the diluent volume or a target concentration');
  positive('targetConcentration', targetConcPerMl);
  const finalVolumeMl = amount / targetConcPerMl;
  const d = finalVolumeMl - powderVolumeMl;
  if (d <= 0) throw new CalcError('targetConcentration', 'is too high: the powder alone exceeds that volume');
  return { diluentMl: d, finalVolumeMl, concentrationPerMl: targetConcPerMl };
}

/**
 * Suppository displacement value (Aulton's Pharmaceutics): base needed (g) =
 * n × mould capacity − (n × drug per unit) / displacement value.
 */
export function displacementBase(
  n: number,
  mouldG: number,
  drugPerUnitG: number,
  displacementValue: number,
): {
  baseG: number;
  drugTotalG: number;
  displacedG: number;
} {
  positive('count', n);
  positive('mould', mouldG);
  nonNegative('drugPerUnit', drugPerUnitG);
  positive('displacementValue', displacementValue);
  const drugTotalG = n * drugPerUnitG;
  const displacedG = drugTotalG / displacementValue;
  const baseG = n * mouldG - displacedG;
  if (baseG <= 0) throw new CalcError('drugPerUnit', 'drug displaces all the base; use a larger mould');
  return { baseG, drugTotalG, displacedG };
}
