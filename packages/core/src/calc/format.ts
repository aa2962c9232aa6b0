const POW = [1, 10, 100, 1000, 10000, 100000, 1000000];

/** Round half away from zero to `d` decimals (0–6). */
export function round(v: number, d: number): number {
  const f = POW[d] ?? 10 ** d;
  const scaled = Math.abs(v) * f;
  // Beyond 2^53 there are no fractional digits left to round.
  if (!(scaled < 9e15)) return v;
  const r = Math.round(scaled + 1e-9) / f;
  return v < 0 ? -r : r;
}

/** Round to `sig` significant figures (for conversions of arbitrary magnitude). */
export function roundSig(v: number, sig: number): number {
  if (v === 0 || !Number.isFinite(v)) return v;
  return Number(v.toPrecision(sig));
}

export function fmt(v: number, d: number): string {
  return String(round(v, d));
}

const DISPLAY: Record<string, string> = {
  '[lb_av]': 'lb',
  '[in_i]': 'in',
  '[ft_i]': 'ft',
  '[oz_av]': 'oz',
  ug: 'mcg',
  m2: 'm²',
  Cel: '°C',
  '[degF]': '°F',
  '[iU]': 'units',
  meq: 'mEq',
  '[drp]': 'gtt',
  'mL/min/{1.73_m2}': 'mL/min/1.73 m²',
};

/** Human-friendly label for a UCUM code (display only; `unit` fields stay UCUM). */
export function unitLabel(ucum: string): string {
  const direct = DISPLAY[ucum];
  if (direct !== undefined) return direct;
  if (!/[[\]{}]|ug|m2|meq/.test(ucum)) return ucum;
  return ucum.replace(/[^./]+/g, (atom) => DISPLAY[atom] ?? atom);
}

export function show(v: number, d: number, ucum: string): string {
  const u = unitLabel(ucum);
  return u ? `${fmt(v, d)} ${u}` : fmt(v, d);
}
