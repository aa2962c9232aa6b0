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

/** An item found at the counted place that the count did not list; sent with the submission (expected 0). */
export interface FoundItem {
  key: string;
  location: string;
  ndc11: string;
  lot: string;
  expiry: string;
  serial: string;
  counted: string;
}

export type FoundScan =
  | { ok: false; reason: string }
  | { ok: true; ndc11s: string[]; lot?: string; expiry?: string; serial?: string };

/**
 * What a barcode or typed NDC says about a found item, with the parsing of the sheet's scan field: the NDC
 * candidates (a GTIN's 10 digits fit several NDC layouts; the drug catalogue picks the real one) and, from a GS1
 * DataMatrix, the lot (AI 10), expiry (AI 17) and serial (AI 21).
 */
export function readFoundScan(text: string): FoundScan {
  if (!text.trim()) return { ok: false, reason: 'Scan the package or type its NDC' };
  const r = parseScan(text);
  if (!r.ok) return { ok: false, reason: r.error.reason };
  const ndc = r.ndc;
  const ndc11s = [
    ...new Set([...(ndc?.ndc11 ? [ndc.ndc11] : []), ...(ndc?.candidates.map((c) => c.ndc11) ?? [])]),
  ];
  if (!ndc11s.length) return { ok: false, reason: 'That barcode holds no NDC' };
  const d = r.kind === 'gs1' ? r.data : undefined;
  return {
    ok: true,
    ndc11s,
    ...(d?.lot ? { lot: d.lot } : {}),
    ...(d?.expiry ? { expiry: d.expiry } : {}),
    ...(d?.serial ? { serial: d.serial } : {}),
  };
}

/** The count line a found item would duplicate (same place, product and lot), if any. */
export function listedAs(
  item: Pick<FoundItem, 'location' | 'ndc11' | 'lot'>,
  lines: CountLine[],
): CountLine | undefined {
  return lines.find(
    (l) => l.location === item.location && l.ndc11 === item.ndc11 && (l.lot ?? '') === item.lot,
  );
}

/** `lines[3].counted` (service) or `lines.3.counted` (schema validation) → index 3, field `counted`. */
export function submittedLineField(field: string): { index: number; name: string } | undefined {
  const m = /^(?:body\.)?lines(?:\[(\d+)\]|\.(\d+))(?:\.(\w+))?$/.exec(field);
  if (!m) return undefined;
  return { index: Number(m[1] ?? m[2]), name: m[3] ?? '' };
}
