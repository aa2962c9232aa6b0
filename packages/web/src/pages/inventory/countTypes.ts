import { parseScan } from '@apotheca/core/gs1';
import { fmtNdc } from '../../api/rx';

export interface CountLine {
  id: string;
  location: string;
  ndc11: string;
  lot: string | null;
  expiry: string | null;
  serial: string | null;
  expected: number | null;
  counted: number | null;
  variance: number | null;
}

export interface Count {
  id: string;
  siteId: string;
  scope: 'location' | 'product' | 'full';
  blind: boolean;
  status: 'open' | 'submitted' | 'approved';
  location: string | null;
  ndc11: string | null;
  createdAt: string;
  submittedAt: string | null;
  approvedAt: string | null;
  lines: CountLine[];
  discrepancyIds?: string[];
  createdByName?: string | null;
  submittedByName?: string | null;
  approvedByName?: string | null;
}

/** One row of GET /api/inventory/counts. */
export interface CountRow {
  id: string;
  scope: Count['scope'];
  blind: boolean;
  status: Count['status'];
  location: string | null;
  ndc11: string | null;
  created_at: string;
  submitted_at: string | null;
  approved_at: string | null;
  created_by_name: string | null;
  submitted_by_name: string | null;
  approved_by_name: string | null;
  lines: number;
  variance_lines: number | null;
  over_units: number | null;
  short_units: number | null;
  net_variance: number | null;
}

export const STATUS_LABEL: Record<Count['status'], string> = {
  open: 'Counting',
  submitted: 'Submitted — awaiting pharmacist',
  approved: 'Posted to the ledger',
};

export const STATUS_TONE: Record<Count['status'], 'info' | 'warn' | 'ok'> = {
  open: 'info',
  submitted: 'warn',
  approved: 'ok',
};

export function scopeText(
  c: { scope: Count['scope']; location: string | null; ndc11: string | null },
  short = false,
) {
  if (c.scope === 'location') return `Location ${c.location ?? ''}`;
  if (c.scope === 'product') return `Product ${fmtNdc(c.ndc11)}${short ? '' : ' (all locations)'}`;
  return short ? 'Full count' : 'Full count (all locations)';
}

export const signed = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : n > 0 ? `+${n}` : String(n);

/**
 * Which count lines a barcode names: the NDC inside a GS1 DataMatrix, GTIN, UPC or a typed NDC (the 10 digits of
 * a GTIN fit several NDC layouts: the one present in the count is taken), narrowed to the scanned lot when the
 * barcode carries one (AI 10). Pure, for the scan field of the count sheet.
 */
export function linesForScan(
  scan: string,
  lines: CountLine[],
): { ndc11?: string; lot?: string; matches: CountLine[] } {
  const r = parseScan(scan);
  if (!r.ok) return { matches: [] };
  const inCount = new Set(lines.map((l) => l.ndc11));
  const ndc = r.ndc;
  const ndc11 =
    (ndc?.ndc11 && inCount.has(ndc.ndc11) ? ndc.ndc11 : undefined) ??
    ndc?.candidates.find((c) => inCount.has(c.ndc11))?.ndc11 ??
    ndc?.ndc11 ??
    ndc?.candidates[0]?.ndc11;
  const lot = r.kind === 'gs1' ? r.data.lot : undefined;
  const sameNdc = lines.filter((l) => l.ndc11 === ndc11);
  const sameLot = lot ? sameNdc.filter((l) => (l.lot ?? '') === lot) : sameNdc;
  return {
    ...(ndc11 ? { ndc11 } : {}),
    ...(lot ? { lot } : {}),
    matches: sameLot.length ? sameLot : sameNdc,
  };
}
