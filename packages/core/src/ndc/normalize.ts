// One entry point for every NDC form users and files give: dashed 10-digit (4-4-2, 5-3-2,
// 5-4-1), 11-digit 5-4-2 with or without dashes, bare 10 digits (ambiguous), UPC-A,
// EAN-13 and GTIN-14. Rules: domain-rules.md §3 (21 CFR 207.33(b), [S23][S26][S27][S29]).
import { gtin14ToNdc10, ndc10ToGtin14 } from './gtin';
import {
  candidateFromDigits10,
  candidatesFromDigits10,
  candidatesFromNdc11,
  dashNdc11,
  err,
  isNdcLayout,
  type NdcCandidate,
  type NdcError,
  type NdcLayout,
} from './layout';

export type NdcSource =
  | 'ndc10-dashed'
  | 'ndc10-digits'
  | 'ndc11'
  | 'ndc11-dashed'
  | 'upc-a'
  | 'ean-13'
  | 'gtin-14';

export interface NdcOk {
  ok: true;
  /** 11 digits, 5-4-2, no dashes: the claims/HIPAA form. */
  ndc11: string;
  ndc11Dashed: string;
  /** 10-digit dashed form, when the layout is known. */
  ndc10?: string;
  layout?: NdcLayout;
  /** Every layout reading compatible with the input (one when the layout is known). */
  candidates: NdcCandidate[];
  /** GTIN-14 of the package (indicator from the scanned GTIN, else 0), when the layout is known. */
  gtin14?: string;
  /** First 9 digits of ndc11 (labeler 5 + product 4): joins package rows to product rows. */
  productKey: string;
  source: NdcSource;
}

export type NdcResult = NdcOk | { ok: false; error: NdcError };

export interface NormalizeNdcOptions {
  /** Layout to apply when the input itself does not show it (bare digits, barcodes). */
  layout?: NdcLayout;
}

const DIGITS = /^\d+$/;

function okFrom(c: NdcCandidate, source: NdcSource, all: NdcCandidate[], indicator = 0): NdcOk {
  const g = ndc10ToGtin14(c.ndc10, indicator);
  const res: NdcOk = {
    ok: true,
    ndc11: c.ndc11,
    ndc11Dashed: c.ndc11Dashed,
    ndc10: c.ndc10,
    layout: c.layout,
    candidates: all,
    productKey: c.ndc11.slice(0, 9),
    source,
  };
  if (g.ok) res.gtin14 = g.gtin14;
  return res;
}

function fromDigits10(digits: string, source: NdcSource, layout?: NdcLayout, indicator = 0): NdcResult {
  if (layout) {
    const c = candidateFromDigits10(digits, layout);
    return okFrom(c, source, [c], indicator);
  }
  return err(
    'ambiguous',
    `the 10 digits ${digits} fit 4-4-2, 5-3-2 and 5-4-1; pass a layout or pick one of the candidates`,
    { candidates: candidatesFromDigits10(digits) },
  );
}

function fromNdc11(digits: string, source: NdcSource, layout?: NdcLayout): NdcResult {
  const all = candidatesFromNdc11(digits);
  if (all.length === 0) {
    return err(
      'no-10-digit-form',
      `${dashNdc11(digits)} has no padding zero in position 1, 6 or 10, so it matches no 10-digit NDC`,
    );
  }
  if (layout) {
    const hit = all.find((c) => c.layout === layout);
    if (!hit)
      return err('layout-mismatch', `${dashNdc11(digits)} cannot be a ${layout} NDC`, { candidates: all });
    return okFrom(hit, source, [hit]);
  }
  const only = all.length === 1 ? all[0] : undefined;
  if (only) return okFrom(only, source, all);
  return {
    ok: true,
    ndc11: digits,
    ndc11Dashed: dashNdc11(digits),
    candidates: all,
    productKey: digits.slice(0, 9),
    source,
  };
}

function fromGtin(digits: string, source: NdcSource, layout?: NdcLayout): NdcResult {
  const g = gtin14ToNdc10(digits);
  if (!g.ok) return g;
  return fromDigits10(g.ndc10Digits, source, layout, g.indicator);
}

/** Parses any NDC form into the 11-digit claims form. Never throws. */
export function normalizeNdc(input: string, opts?: NormalizeNdcOptions): NdcResult {
  if (typeof input !== 'string') return err('not-a-string', 'NDC must be a string');
  const layout = opts?.layout;
  if (layout !== undefined && !isNdcLayout(layout))
    return err('bad-segments', 'layout must be 4-4-2, 5-3-2 or 5-4-1');
  // Labels print "NDC 0002-3227-30"; files sometimes use spaces instead of dashes.
  const s = input.trim().replace(/^NDC[\s:#]*/i, '');
  if (s === '') return err('empty', 'NDC is empty');
  const parts = s.split(/\s*-\s*|\s+/);
  if (parts.length > 1) {
    if (!parts.every((p) => DIGITS.test(p))) return err('bad-characters', 'NDC segments must be digits');
    if (parts.length === 2) {
      return err('bad-segments', 'two segments is a product NDC (labeler-product); use normalizeProductNdc');
    }
    if (parts.length !== 3) return err('bad-segments', 'an NDC has 3 segments: labeler-product-package');
    const shape = parts.map((p) => p.length).join('-');
    const digits = parts.join('');
    if (isNdcLayout(shape)) {
      if (layout && layout !== shape)
        return err('layout-mismatch', `dashes say ${shape} but layout ${layout} was given`);
      const c = candidateFromDigits10(digits, shape);
      return okFrom(c, 'ndc10-dashed', [c]);
    }
    if (shape === '5-4-2') return fromNdc11(digits, 'ndc11-dashed', layout);
    if (shape === '6-4-2') {
      return err('unsupported-12-digit', 'the proposed 12-digit 6-4-2 NDC is not supported yet');
    }
    return err('bad-segments', `segments ${shape} are not 4-4-2, 5-3-2, 5-4-1 or 5-4-2`);
  }
  if (!DIGITS.test(s)) return err('bad-characters', 'NDC may contain only digits, dashes and spaces');
  switch (s.length) {
    case 10:
      return fromDigits10(s, 'ndc10-digits', layout);
    case 11:
      return fromNdc11(s, 'ndc11', layout);
    case 12:
      if (s[0] !== '3')
        return err('not-ndc-based', 'a 12-digit UPC-A carries an NDC only with number system 3');
      return fromGtin(s, 'upc-a', layout);
    case 13:
      return fromGtin(s, 'ean-13', layout);
    case 14:
      return fromGtin(s, 'gtin-14', layout);
    default:
      return err('bad-length', `${s.length} digits is not an NDC (10 or 11), UPC-A (12), EAN-13 or GTIN-14`);
  }
}
