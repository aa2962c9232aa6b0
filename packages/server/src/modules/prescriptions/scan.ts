import { parseScan } from '@apotheca/core/gs1';

export interface ScanReading {
  /** Every 11-digit NDC the scan can stand for (one when the layout is known). */
  ndc11Candidates: string[];
  kind?: 'gs1' | 'upc' | 'gtin' | 'ndc';
  lot?: string;
  expiry?: string;
  serial?: string;
  gtin?: string;
  error?: string;
}

/** Reads a keyboard-wedge scan (NDC, UPC-A, GTIN, GS1 DataMatrix with separators) into NDC candidates and lot/expiry. */
export function readScan(scan: string): ScanReading {
  const r = parseScan(scan.trim());
  if (!r.ok) return { ndc11Candidates: [], error: r.error.reason };
  const ndc = r.kind === 'gs1' ? (r.ndc ?? r.data.ndc) : r.ndc;
  const candidates = new Set<string>(ndc?.candidates.map((c) => c.ndc11) ?? []);
  if (ndc?.ndc11) candidates.add(ndc.ndc11);
  const out: ScanReading = { ndc11Candidates: [...candidates], kind: r.kind };
  if (r.kind === 'gs1') {
    if (r.data.lot) out.lot = r.data.lot;
    if (r.data.expiry) out.expiry = r.data.expiry;
    if (r.data.serial) out.serial = r.data.serial;
    if (r.data.gtin) out.gtin = r.data.gtin;
  } else if (r.kind !== 'ndc') out.gtin = r.gtin14;
  return out;
}
