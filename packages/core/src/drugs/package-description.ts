// Parser for FDA NDC Directory PACKAGEDESCRIPTION strings.
// Format (FDA NDC Directory, package.txt): "<qty> <unit> in <qty> <container> (<package NDC>)",
// nested levels joined by ">" from the outermost package inward, e.g.
// "10 BLISTER PACK in 1 CARTON (55154-4402-0)  > 10 TABLET, FILM COATED in 1 BLISTER PACK".
// Kits list their parts after "*": "1 KIT in 1 KIT (43093-107-01)  *  1.03 g in 1 BOTTLE *  100 g in 1 JAR".
import { normalizeNdc } from '../ndc/normalize';

export interface PackageLevel {
  /** How many `unit` are in one container, e.g. 100 (TABLET). */
  quantity: number;
  /** FDA unit or inner container, e.g. `TABLET, FILM COATED`, `mL`, `BAG`. */
  unit: string;
  /** Number of containers the quantity refers to (always 1 in FDA data). */
  per: number;
  container: string;
  /** Package NDC printed for this level, 11-digit form, when it is a valid NDC. */
  ndc11?: string;
  /** Package NDC exactly as printed (may be malformed, e.g. `47848-026-XX`). */
  ndcRaw?: string;
}

export interface PackageDescription {
  ok: true;
  /** Outermost first. */
  levels: PackageLevel[];
  /** Product of quantities/per down the chain, in `baseUnit`. */
  totalQuantity: number;
  baseUnit: string;
  /** Kit contents (each part is its own chain of levels). */
  kitParts?: PackageLevel[][];
  warnings: string[];
}

export type PackageDescriptionErrorCode = 'not-a-string' | 'empty' | 'bad-level' | 'bad-quantity';

export interface PackageDescriptionError {
  field: 'packageDescription';
  code: PackageDescriptionErrorCode;
  reason: string;
  /** The text of the level that failed. */
  segment?: string;
}

export type PackageDescriptionResult = PackageDescription | { ok: false; error: PackageDescriptionError };

const NUM = String.raw`(\d+(?:\.\d*)?|\.\d+)`;
const LEVEL = new RegExp(String.raw`^${NUM}\s+(.+?)\s+in\s+${NUM}\s+(.+?)\s*((?:\([^()]*\)\s*)*)$`);

const fail = (
  code: PackageDescriptionErrorCode,
  reason: string,
  segment?: string,
): PackageDescriptionResult => {
  const error: PackageDescriptionError = { field: 'packageDescription', code, reason };
  if (segment !== undefined) error.segment = segment;
  return { ok: false, error };
};

function parseLevel(text: string, warnings: string[]): PackageLevel | PackageDescriptionError {
  const m = LEVEL.exec(text.trim());
  if (!m) {
    return {
      field: 'packageDescription',
      code: 'bad-level',
      reason: 'expected "<qty> <unit> in <qty> <container>"',
      segment: text.trim(),
    };
  }
  const [, q = '', unit = '', per = '', container = '', parens = ''] = m;
  const quantity = Number(q);
  const perN = Number(per);
  if (!Number.isFinite(quantity) || !Number.isFinite(perN) || perN <= 0) {
    return {
      field: 'packageDescription',
      code: 'bad-quantity',
      reason: 'quantity must be a finite number and per > 0',
      segment: text.trim(),
    };
  }
  const level: PackageLevel = { quantity, unit, per: perN, container };
  // FDA occasionally repeats the NDC "(x)  (x)"; keep the first, warn on disagreement.
  const ndcs = [...parens.matchAll(/\(([^()]*)\)/g)].map((p) => (p[1] ?? '').trim());
  const first = ndcs[0];
  if (first !== undefined) {
    level.ndcRaw = first;
    if (ndcs.some((n) => n !== first)) warnings.push(`different NDCs on one level: ${ndcs.join(', ')}`);
    const n = normalizeNdc(first);
    if (n.ok && n.layout) level.ndc11 = n.ndc11;
    else warnings.push(`package NDC "${first}" is not a valid dashed NDC`);
  }
  return level;
}

function parseChain(text: string, warnings: string[]): PackageLevel[] | PackageDescriptionError {
  const out: PackageLevel[] = [];
  for (const part of text.split('>')) {
    const level = parseLevel(part, warnings);
    if ('field' in level) return level;
    out.push(level);
  }
  for (let i = 1; i < out.length; i++) {
    const outer = out[i - 1];
    const inner = out[i];
    if (outer && inner && outer.unit !== inner.container) {
      warnings.push(`level ${i} holds ${outer.unit} but level ${i + 1} is a ${inner.container}`);
    }
  }
  return out;
}

/** Parses one PACKAGEDESCRIPTION. Never throws. */
export function parsePackageDescription(input: string): PackageDescriptionResult {
  if (typeof input !== 'string') return fail('not-a-string', 'package description must be a string');
  const text = input.trim();
  if (text === '') return fail('empty', 'package description is empty');
  const warnings: string[] = [];
  const [main = '', ...parts] = text.split('*');
  const levels = parseChain(main, warnings);
  if ('field' in levels) return { ok: false, error: levels };
  let total = 1;
  for (const l of levels) total *= l.quantity / l.per;
  const last = levels[levels.length - 1];
  const result: PackageDescription = {
    ok: true,
    levels,
    // toPrecision trims binary noise such as 0.1 * 3 = 0.30000000000000004.
    totalQuantity: Number.isFinite(total) ? Number(total.toPrecision(12)) : 0,
    baseUnit: last?.unit ?? '',
    warnings,
  };
  if (parts.length > 0) {
    const kitParts: PackageLevel[][] = [];
    for (const p of parts) {
      const chain = parseChain(p, warnings);
      if ('field' in chain) return { ok: false, error: chain };
      kitParts.push(chain);
    }
    result.kitParts = kitParts;
  }
  return result;
}
