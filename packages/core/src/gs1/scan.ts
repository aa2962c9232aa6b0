// One entry point for whatever a barcode scanner sends at the fill station: a GS1 element
// string (DataMatrix / GS1-128), a UPC-A (number system 3 = NDC, domain-rules.md §3 [S27]),
// an EAN-13 / GTIN-14, or an NDC typed or printed on the label.
import { gtin14ToNdc10, isValidGtin, type NdcInfo, resolveNdcDigits, toGtin14 } from '../ndc/gtin';
import type { NdcLayout } from '../ndc/layout';
import { normalizeNdc } from '../ndc/normalize';
import {
  DEFAULT_SEPARATORS,
  GS,
  type Gs1Data,
  type Gs1ParseOptions,
  parseGs1,
  splitSymbology,
} from './parse';

export interface ScanError {
  field: 'scan';
  /** GS1 AI at fault, for element strings. */
  element?: string;
  code: string;
  reason: string;
}

export type ScanResult =
  | { ok: true; kind: 'gs1'; data: Gs1Data; ndc?: NdcInfo }
  | { ok: true; kind: 'upc'; upc: string; gtin14: string; ndc?: NdcInfo }
  | { ok: true; kind: 'gtin'; gtin14: string; ndc?: NdcInfo }
  | { ok: true; kind: 'ndc'; ndc: NdcInfo }
  | { ok: false; error: ScanError };

const GS1_SYMBOLOGIES = new Set([']C1', ']d2', ']Q3', ']e0', ']J1']);

function scanError(code: string, reason: string, element?: string): { ok: false; error: ScanError } {
  const error: ScanError = { field: 'scan', code, reason };
  if (element) error.element = element;
  return { ok: false, error };
}

function fromGtin(digits: string, opts: Gs1ParseOptions | undefined): ScanResult {
  if (!isValidGtin(digits)) return scanError('bad-check-digit', `GS1 check digit of ${digits} is wrong`);
  const gtin14 = toGtin14(digits);
  const g = gtin14ToNdc10(gtin14);
  const ndc = g.ok
    ? resolveNdcDigits(g.ndc10Digits, { layout: opts?.ndcLayout, resolveNdc: opts?.resolveNdc })
    : undefined;
  const base =
    digits.length === 12
      ? { ok: true as const, kind: 'upc' as const, upc: digits, gtin14 }
      : { ok: true as const, kind: 'gtin' as const, gtin14 };
  return ndc ? { ...base, ndc } : base;
}

function fromNdc(text: string, layout: NdcLayout | undefined): ScanResult {
  const n = normalizeNdc(text, layout ? { layout } : undefined);
  if (n.ok) {
    const ndc: NdcInfo = { candidates: n.candidates, ndc11: n.ndc11 };
    if (n.ndc10 && n.layout)
      Object.assign(ndc, { ndc10: n.ndc10, layout: n.layout, ndc10Digits: n.ndc10.replace(/-/g, '') });
    return { ok: true, kind: 'ndc', ndc };
  }
  if (n.error.code === 'ambiguous' && n.error.candidates?.[0]) {
    return {
      ok: true,
      kind: 'ndc',
      ndc: { ndc10Digits: n.error.candidates[0].ndc10.replace(/-/g, ''), candidates: n.error.candidates },
    };
  }
  return scanError(n.error.code, n.error.reason);
}

/** Classifies and parses one scan. Never throws. */
export function parseScan(input: string, opts?: Gs1ParseOptions): ScanResult {
  if (typeof input !== 'string') return scanError('not-a-string', 'scan must be a string');
  const trimmed = input.trim();
  const { symbology, rest } = splitSymbology(trimmed);
  const seps = opts?.separators ?? DEFAULT_SEPARATORS;
  const looksGs1 =
    (symbology !== undefined && GS1_SYMBOLOGIES.has(symbology)) ||
    rest.startsWith('(') ||
    rest.includes(GS) ||
    seps.some((s) => s !== '' && rest.toUpperCase().includes(s.toUpperCase()));
  if (!looksGs1) {
    if (/^\d+$/.test(rest)) {
      switch (rest.length) {
        case 8:
        case 12:
        case 13:
        case 14:
          return fromGtin(rest, opts);
        case 10:
        case 11:
          return fromNdc(rest, opts?.ndcLayout);
      }
      if (rest.length < 16)
        return scanError('bad-length', `${rest.length} digits is not a UPC, EAN, GTIN or NDC`);
    } else if (/^(NDC[\s:#]*)?[\d\s-]+$/i.test(rest)) {
      return fromNdc(rest, opts?.ndcLayout);
    }
  }
  const data = parseGs1(trimmed, opts);
  if (!data.ok) return scanError(data.error.code, data.error.reason, data.error.element);
  return data.ndc ? { ok: true, kind: 'gs1', data, ndc: data.ndc } : { ok: true, kind: 'gs1', data };
}
