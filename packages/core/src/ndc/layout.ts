// NDC layouts and the 10 ↔ 11 digit conversion.
// 21 CFR 207.33(b): the 10-digit NDC is labeler-product-package in one of three layouts.
// HIPAA/claims use 11 digits (5-4-2), made by inserting one zero where a segment is short
// (domain-rules.md §3, [S23][S87]). The reverse needs the layout ([S26]).

export type NdcLayout = '4-4-2' | '5-3-2' | '5-4-1';

export const NDC_LAYOUTS: readonly NdcLayout[] = ['4-4-2', '5-3-2', '5-4-1'];

/** Segment lengths (labeler, product, package) of each 10-digit layout. */
export const NDC_SEGMENTS: Readonly<Record<NdcLayout, readonly [number, number, number]>> = {
  '4-4-2': [4, 4, 2],
  '5-3-2': [5, 3, 2],
  '5-4-1': [5, 4, 1],
};

/** Index (0-based) in the 11-digit form of the zero that padding inserts for each layout. */
const PAD_INDEX: Readonly<Record<NdcLayout, number>> = { '4-4-2': 0, '5-3-2': 5, '5-4-1': 9 };

export type NdcErrorCode =
  | 'not-a-string'
  | 'empty'
  | 'bad-characters'
  | 'bad-length'
  | 'bad-segments'
  | 'ambiguous'
  | 'layout-mismatch'
  | 'no-10-digit-form'
  | 'bad-check-digit'
  | 'not-ndc-based'
  | 'bad-indicator'
  | 'unsupported-12-digit';

export interface NdcError {
  field: 'ndc';
  code: NdcErrorCode;
  reason: string;
  /** Possible readings when the input was valid but its layout is unknown. */
  candidates?: NdcCandidate[];
}

/** One way of reading a 10-digit NDC. */
export interface NdcCandidate {
  layout: NdcLayout;
  /** 10-digit form with dashes in the layout's positions, e.g. `0002-3227-30`. */
  ndc10: string;
  /** 11 digits, no dashes (claims form). */
  ndc11: string;
  /** 11 digits as 5-4-2 with dashes. */
  ndc11Dashed: string;
}

export function isNdcLayout(value: unknown): value is NdcLayout {
  return value === '4-4-2' || value === '5-3-2' || value === '5-4-1';
}

const DIGITS = /^\d+$/;

export function dashNdc11(ndc11: string): string {
  return `${ndc11.slice(0, 5)}-${ndc11.slice(5, 9)}-${ndc11.slice(9)}`;
}

function dashNdc10(digits10: string, layout: NdcLayout): string {
  const [a, b] = NDC_SEGMENTS[layout];
  return `${digits10.slice(0, a)}-${digits10.slice(a, a + b)}-${digits10.slice(a + b)}`;
}

function pad(digits10: string, layout: NdcLayout): string {
  const i = PAD_INDEX[layout];
  return `${digits10.slice(0, i)}0${digits10.slice(i)}`;
}

/** Reads 10 bare digits in the given layout. Caller guarantees 10 digits. */
export function candidateFromDigits10(digits10: string, layout: NdcLayout): NdcCandidate {
  const ndc11 = pad(digits10, layout);
  return { layout, ndc10: dashNdc10(digits10, layout), ndc11, ndc11Dashed: dashNdc11(ndc11) };
}

/** All three readings of 10 bare digits (every 10-digit string fits every layout). */
export function candidatesFromDigits10(digits10: string): NdcCandidate[] {
  return NDC_LAYOUTS.map((layout) => candidateFromDigits10(digits10, layout));
}

/** Layouts whose padding zero is present in this 11-digit NDC. */
export function candidatesFromNdc11(ndc11: string): NdcCandidate[] {
  const out: NdcCandidate[] = [];
  for (const layout of NDC_LAYOUTS) {
    const i = PAD_INDEX[layout];
    if (ndc11[i] !== '0') continue;
    out.push(candidateFromDigits10(ndc11.slice(0, i) + ndc11.slice(i + 1), layout));
  }
  return out;
}

export type Ndc10Result = { ok: true; ndc10: string; layout: NdcLayout } | { ok: false; error: NdcError };

/** 11-digit (with or without dashes) → 10-digit dashed form in the given layout. */
export function ndc11ToNdc10(ndc11: string, layout: NdcLayout): Ndc10Result {
  const digits = typeof ndc11 === 'string' ? ndc11.replace(/-/g, '') : '';
  if (!DIGITS.test(digits) || digits.length !== 11) {
    return err('bad-length', 'an 11-digit NDC must have exactly 11 digits (5-4-2)');
  }
  if (!isNdcLayout(layout)) return err('bad-segments', 'layout must be 4-4-2, 5-3-2 or 5-4-1');
  const hit = candidatesFromNdc11(digits).find((c) => c.layout === layout);
  if (!hit) {
    return err(
      'layout-mismatch',
      `${dashNdc11(digits)} has no padding zero at position ${PAD_INDEX[layout] + 1}, so it cannot be a ${layout} NDC`,
    );
  }
  return { ok: true, ndc10: hit.ndc10, layout };
}

/** 10-digit NDC (bare digits plus layout, or dashed) → 11 digits without dashes. */
export function ndc10ToNdc11(
  ndc10: string,
  layout?: NdcLayout,
): { ok: true; ndc11: string; layout: NdcLayout } | { ok: false; error: NdcError } {
  if (typeof ndc10 !== 'string') return err('not-a-string', 'NDC must be a string');
  const parts = ndc10.trim().split('-');
  let found: NdcLayout | undefined;
  if (parts.length === 3) {
    const shape = parts.map((p) => p.length).join('-');
    if (!isNdcLayout(shape) || !parts.every((p) => DIGITS.test(p))) {
      return err('bad-segments', `segments ${shape} are not 4-4-2, 5-3-2 or 5-4-1`);
    }
    if (layout && layout !== shape)
      return err('layout-mismatch', `dashes say ${shape} but layout ${layout} was given`);
    found = shape;
  } else if (parts.length === 1) {
    found = layout;
  } else {
    return err('bad-segments', 'a 10-digit NDC has 3 segments');
  }
  const digits = parts.join('');
  if (!DIGITS.test(digits) || digits.length !== 10) return err('bad-length', 'a 10-digit NDC has 10 digits');
  if (!found) {
    return err('ambiguous', '10 digits without dashes fit all three layouts; give the layout', {
      candidates: candidatesFromDigits10(digits),
    });
  }
  return { ok: true, ndc11: candidateFromDigits10(digits, found).ndc11, layout: found };
}

export function err(
  code: NdcErrorCode,
  reason: string,
  extra?: { candidates?: NdcCandidate[] },
): { ok: false; error: NdcError } {
  const error: NdcError = { field: 'ndc', code, reason };
  if (extra?.candidates) error.candidates = extra.candidates;
  return { ok: false, error };
}
