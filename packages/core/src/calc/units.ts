/// <reference path="./ucum-lhc.d.ts" />
import ucum from '@lhncbc/ucum-lhc';
import { CalcError } from './errors';

// UCUM (https://ucum.org) through @lhncbc/ucum-lhc. UCUM is slow-ish (string parsing every call),
// so each unit pair is probed once and cached as an affine map y = a·x + b (exact for every
// ratio unit and for the offset temperature scales). Log-scale units fail the probe and are
// converted directly each time.

let utils: ReturnType<typeof ucum.UcumLhcUtils.getInstance> | undefined;
function lhc() {
  utils ??= ucum.UcumLhcUtils.getInstance();
  return utils;
}

// Everyday pharmacy spellings → UCUM atoms. Matched per atom (between '.' and '/').
const ALIASES: Record<string, string> = {
  lb: '[lb_av]',
  lbs: '[lb_av]',
  pound: '[lb_av]',
  pounds: '[lb_av]',
  in: '[in_i]',
  inch: '[in_i]',
  inches: '[in_i]',
  ft: '[ft_i]',
  feet: '[ft_i]',
  oz: '[oz_av]',
  floz: '[foz_us]',
  mcg: 'ug',
  µg: 'ug',
  μg: 'ug',
  mEq: 'meq',
  mOsm: 'mosm',
  Osm: 'osm',
  unit: '[iU]',
  units: '[iU]',
  IU: '[iU]',
  iu: '[iU]',
  hr: 'h',
  hrs: 'h',
  hour: 'h',
  hours: 'h',
  mins: 'min',
  minute: 'min',
  minutes: 'min',
  sec: 's',
  day: 'd',
  days: 'd',
  week: 'wk',
  weeks: 'wk',
  cc: 'mL',
  ml: 'mL',
  l: 'L',
  dl: 'dL',
  gtt: '[drp]',
  gtts: '[drp]',
  drop: '[drp]',
  drops: '[drp]',
  tsp: '[tsp_us]',
  tbsp: '[tbs_us]',
  degC: 'Cel',
  '°C': 'Cel',
  C: 'Cel',
  degF: '[degF]',
  '°F': '[degF]',
  F: '[degF]',
  'm²': 'm2',
  'm^2': 'm2',
  yr: 'a',
  yrs: 'a',
  year: 'a',
  years: 'a',
  y: 'a',
  mo: 'mo',
  month: 'mo',
  months: 'mo',
};

const normalized = new Map<string, string>();

/** Map pharmacy aliases ('mcg/kg/min', 'lb', 'units/h') to UCUM codes ('ug/kg/min', '[lb_av]', '[iU]/h'). */
export function normalizeUnit(unit: string): string {
  const hit = normalized.get(unit);
  if (hit !== undefined) return hit;
  const trimmed = unit.trim();
  const out = trimmed.includes('{')
    ? trimmed
    : trimmed.replace(/\s+/g, '').replace(/[^./]+/g, (atom) => ALIASES[atom] ?? atom);
  if (normalized.size < 10_000) normalized.set(unit, out);
  return out;
}

interface Affine {
  a: number;
  b: number;
}
const DIRECT = 'direct' as const;
const cache = new Map<string, Affine | typeof DIRECT | string>();

// Arbitrary units ([iU], [arb'U]…) are not convertible in UCUM even to themselves; when both
// sides carry the same arbitrary atoms in the same positions they cancel, so compare the rest.
const ARBITRARY = /\[(?:iU|IU|arb'U|USP'U)\]/;
const ARBITRARY_ALL = /\[(?:iU|IU|arb'U|USP'U)\]/g;
function arbitraryPattern(u: string): string {
  const found: string[] = [];
  u.replace(/(^|[./])(\[(?:iU|IU|arb'U|USP'U)\])/g, (_m, op: string, atom: string) => {
    found.push(op === '/' ? `/${atom}` : atom);
    return '';
  });
  return found.join(',');
}

function ucumConvert(from: string, value: number, to: string): number | string {
  const r = lhc().convertUnitTo(from, value, to);
  if (r.status === 'succeeded' && typeof r.toVal === 'number') return r.toVal;
  if (ARBITRARY.test(from) || ARBITRARY.test(to)) {
    const pf = arbitraryPattern(from);
    if (pf !== '' && pf === arbitraryPattern(to)) {
      const f = from.replace(ARBITRARY_ALL, '1');
      const t = to.replace(ARBITRARY_ALL, '1');
      const r2 = lhc().convertUnitTo(f, value, t);
      if (r2.status === 'succeeded' && typeof r2.toVal === 'number') return r2.toVal;
    }
  }
  return r.msg.join(' ') || `cannot convert ${from} to ${to}`;
}

function probe(from: string, to: string): Affine | typeof DIRECT | string {
  const y0 = ucumConvert(from, 0, to);
  const y1 = ucumConvert(from, 1, to);
  if (typeof y1 === 'string') return y1;
  if (typeof y0 !== 'number') return DIRECT;
  const a = y1 - y0;
  const y10 = ucumConvert(from, 10, to);
  if (typeof y10 === 'number' && Math.abs(y0 + 10 * a - y10) <= 1e-9 * Math.max(1, Math.abs(y10))) {
    return { a, b: y0 };
  }
  return DIRECT;
}

/**
 * Convert `value` from one UCUM unit (aliases accepted) to another. Throws CalcError(field) when
 * a unit is unknown or the dimensions differ.
 */
export function convertUnits(value: number, from: string, to: string, field = 'unit'): number {
  if (!Number.isFinite(value)) throw new CalcError(field, 'must be a finite number');
  if (from === to) return value;
  const key = `${from}\u0000${to}`;
  let entry = cache.get(key);
  if (entry === undefined) {
    const f = normalizeUnit(from);
    const t = normalizeUnit(to);
    entry = f === t ? { a: 1, b: 0 } : probe(f, t);
    cache.set(key, entry);
  }
  if (typeof entry === 'object') {
    const y = entry.a * value + entry.b;
    if (Number.isFinite(y)) return y;
    throw new CalcError(field, `${value} ${from} is out of range`);
  }
  if (entry === DIRECT) {
    const y = ucumConvert(normalizeUnit(from), value, normalizeUnit(to));
    if (typeof y === 'number' && Number.isFinite(y)) return y;
    throw new CalcError(field, `cannot convert ${value} ${from} to ${to}`);
  }
  throw new CalcError(field, `incompatible or unknown unit: ${from} → ${to} (${entry})`);
}

/** True when `from` can be converted to `to`. */
export function isConvertible(from: string, to: string): boolean {
  try {
    convertUnits(1, from, to);
    return true;
  } catch {
    return false;
  }
}

/** Mass ↔ amount of substance through UCUM with a molecular weight (g/mol); not cached. */
export function convertWithMolecularWeight(
  value: number,
  from: string,
  to: string,
  molecularWeight: number,
  field = 'unit',
): number {
  const r = lhc().convertUnitTo(normalizeUnit(from), value, normalizeUnit(to), { molecularWeight });
  if (r.status === 'succeeded' && typeof r.toVal === 'number' && Number.isFinite(r.toVal)) return r.toVal;
  throw new CalcError(field, r.msg.join(' ') || `cannot convert ${from} to ${to}`);
}

/** Validate a unit string; returns the UCUM code or throws CalcError(field). */
export function validUnit(unit: string, field = 'unit'): string {
  const u = normalizeUnit(unit);
  const r = lhc().validateUnitString(u);
  if (r.status !== 'valid') throw new CalcError(field, `not a valid UCUM unit: ${unit}`);
  return u;
}

export interface ParsedQuantity {
  value: number;
  unit: string;
}

const QTY = /^\s*([-+]?(?:\d[\d,]*\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*(.*?)\s*$/;
const FT_IN = /^\s*(\d+(?:\.\d+)?)\s*(?:ft|')\s*(\d+(?:\.\d+)?)\s*(?:in|")?\s*$/;

/**
 * Parse '87 kg', '5 [lb_av]', '1.39 mg/dL', '25,000 units', "5'10\"" into value + UCUM unit.
 * A bare number takes `defaultUnit`; without one the unit is missing and that is an error.
 */
export function parseQuantity(raw: string | number, field: string, defaultUnit?: string): ParsedQuantity {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) throw new CalcError(field, 'must be a finite number');
    if (defaultUnit === undefined) throw new CalcError(field, 'missing unit');
    return { value: raw, unit: defaultUnit };
  }
  const ftIn = FT_IN.exec(raw);
  if (ftIn) return { value: Number(ftIn[1]) * 12 + Number(ftIn[2]), unit: '[in_i]' };
  const m = QTY.exec(raw);
  if (!m) throw new CalcError(field, `not a quantity: "${raw}"`);
  const num = Number(m[1]!.replace(/,/g, ''));
  if (!Number.isFinite(num)) throw new CalcError(field, `not a number: "${m[1]}"`);
  const unitText = m[2] ?? '';
  if (unitText === '') {
    if (defaultUnit === undefined) throw new CalcError(field, 'missing unit');
    return { value: num, unit: defaultUnit };
  }
  return { value: num, unit: normalizeUnit(unitText) };
}

/** Parse a quantity and convert it to `target` in one step (cached factor). */
export function quantityIn(
  raw: string | number,
  target: string,
  field: string,
  defaultUnit?: string,
): number {
  const q = parseQuantity(raw, field, defaultUnit);
  return convertUnits(q.value, q.unit, target, field);
}
