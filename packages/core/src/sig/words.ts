/** English words for numbers and units, shared by the renderer and the parser's messages. */
import type { SigUnit } from './types';

const PLURAL: Record<SigUnit, string> = {
  tablet: 'tablets',
  capsule: 'capsules',
  mL: 'mL',
  drop: 'drops',
  puff: 'puffs',
  unit: 'units',
  spray: 'sprays',
  patch: 'patches',
  suppository: 'suppositories',
  application: 'applications',
  applicatorful: 'applicatorfuls',
  mg: 'mg',
  mcg: 'mcg',
  g: 'g',
  lozenge: 'lozenges',
  troche: 'troches',
  packet: 'packets',
  vial: 'vials',
  pen: 'pens',
  film: 'films',
  dose: 'doses',
};

export function unitLabel(unit: string, amount: number): string {
  const plural = PLURAL[unit as SigUnit];
  if (plural === undefined) return unit;
  return amount > 1 ? plural : unit;
}

/** Units counted in whole or halved pieces are written with fractions (1 1/2 tablets); measures with decimals. */
const COUNTABLE = new Set<string>([
  'tablet',
  'capsule',
  'patch',
  'suppository',
  'lozenge',
  'troche',
  'packet',
  'film',
  'vial',
  'pen',
]);

const FRACTIONS: Record<string, string> = { '0.25': '1/4', '0.5': '1/2', '0.75': '3/4' };

export function formatAmount(n: number, unit?: string): string {
  if (!Number.isFinite(n)) return '?';
  const rounded = Math.round(n * 1000) / 1000;
  if (unit !== undefined && COUNTABLE.has(unit)) {
    const whole = Math.floor(rounded);
    const frac = FRACTIONS[String(Math.round((rounded - whole) * 100) / 100)];
    if (frac) return whole > 0 ? `${whole} ${frac}` : frac;
  }
  return String(rounded);
}

export function quantityText(n: number, unit: string): string {
  return `${formatAmount(n, unit)} ${unitLabel(unit, n)}`;
}
