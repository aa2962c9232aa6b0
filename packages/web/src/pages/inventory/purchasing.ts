/** Response shapes of the purchasing API (GET /api/openapi.json, tag "purchasing") and their display helpers. */
import { ApiError } from '../../api/client';

export interface Suggestion {
  ndc11: string;
  description: string | null;
  averageDailyUse: number;
  onHand: number;
  onOrder: number;
  reorderPoint: number;
  orderUpTo: number;
  packages: number;
  units: number;
  packageQty: number;
  abc: string;
  highCost: boolean;
  unitCostCents: number | null;
  deaSchedule: string | null;
}

export interface Supplier {
  id: string;
  name: string;
  x12_id: string | null;
  x12_qualifier: string | null;
  dea_number: string | null;
  email: string | null;
  created_at: string;
  catalogue_items: number;
}

export interface CatalogueItem {
  ndc11: string;
  package_qty: number;
  package_cost_cents: number;
  supplier_item_no: string | null;
  description: string | null;
}

export type PoStatus =
  | 'draft'
  | 'sent'
  | 'acknowledged'
  | 'partially_received'
  | 'received'
  | 'cancelled'
  | 'closed';

export interface PoListItem {
  id: string;
  site_id: string;
  po_number: string;
  status: PoStatus;
  supplier: string;
  created_at: string;
  created_by_name: string | null;
  sent_at: string | null;
  acknowledged_at: string | null;
  line_count: number;
  total_cents: number;
}

export interface PoLine {
  id: string;
  line_no: number;
  ndc11: string;
  description: string | null;
  packages_ordered: number;
  package_qty: number;
  package_cost_cents: number;
  packages_acknowledged: number | null;
  packages_backordered: number;
  ack_status: string | null;
  units_ordered: number;
  units_received: number;
  packages_received: number;
  line_total_cents: number;
}

export interface PoDetail extends Omit<PoListItem, 'supplier' | 'line_count'> {
  version: number;
  dea_form_222_number: string | null;
  csos_order_number: string | null;
  supplier: { id: string; name: string; x12_id: string | null; email: string | null };
  lines: PoLine[];
  invoices: {
    id: string;
    invoice_number: string;
    invoice_date: string | null;
    total_cents: number;
    lines: { qty: number; unit?: string; priceCents: number; ndc11: string }[];
  }[];
  receipts: {
    id: string;
    received_at: string;
    received_by_name: string | null;
    quarantined: boolean;
    lines: { ndc11: string; lot: string | null; quantity: number; damaged: number; location: string }[];
  }[];
  cancellation: { at: string; by: string | null; reason: string | null; status: string } | null;
}

export const PO_STATUS: Record<
  PoStatus,
  { label: string; tone: 'neutral' | 'ok' | 'warn' | 'bad' | 'info' }
> = {
  draft: { label: 'Draft', tone: 'neutral' },
  sent: { label: 'Sent', tone: 'info' },
  acknowledged: { label: 'Acknowledged', tone: 'info' },
  partially_received: { label: 'Partially received', tone: 'warn' },
  received: { label: 'Received', tone: 'ok' },
  cancelled: { label: 'Cancelled', tone: 'bad' },
  closed: { label: 'Closed (rest cancelled)', tone: 'neutral' },
};

export const OPEN_STATUSES: PoStatus[] = ['draft', 'sent', 'acknowledged', 'partially_received'];

/** Filters of the purchase-order list: the server's `status` parameter for each. */
export const PO_FILTERS = [
  { id: 'open', label: 'Open', status: 'open' },
  { id: 'received', label: 'Received', status: 'received' },
  { id: 'cancelled', label: 'Cancelled or closed', status: 'cancelled,closed' },
  { id: 'all', label: 'All', status: '' },
] as const;
export type PoFilter = (typeof PO_FILTERS)[number]['id'];

/** Schedule II needs a DEA Form 222 or CSOS order number (21 CFR 1305.03). */
export const isScheduleII = (s: string | null): boolean => s === 'CII' || s === 'CIIN';

/** A server field such as `lines[2]` or `lines.2.packages` → the line index, else undefined. */
export function lineIndexOf(field: string): number | undefined {
  const m = /^(?:body\.)?lines(?:\[(\d+)\]|\.(\d+))/.exec(field);
  return m ? Number(m[1] ?? m[2]) : undefined;
}

/** Units with at most 3 decimals, without trailing zeros. */
export const fmtQty = (n: number): string => String(Math.round(n * 1000) / 1000);

/**
 * GET returning text (the X12 850 is application/edi-x12, not JSON); a problem document becomes an ApiError.
 * GETs carry no CSRF token, as in api/client.
 */
export async function getText(path: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(path, { credentials: 'same-origin', headers: { accept: 'application/edi-x12, */*' } });
  } catch {
    throw new ApiError(
      0,
      'network_error',
      'The server could not be reached. Check the connection and try again.',
    );
  }
  const text = await res.text();
  if (res.ok) return text;
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // not a problem document
  }
  throw new ApiError(
    res.status,
    typeof body.code === 'string' ? body.code : `http_${res.status}`,
    typeof body.detail === 'string' ? body.detail : `${res.status} ${res.statusText || 'Request failed'}`,
  );
}
