// Pure helpers for the ASC X12 (005010) purchasing documents: 850 PO, 855 PO acknowledgment, 856 ASN, 810 invoice.

/** ACK01 line item status codes (X12 element 668) we act on. */
export const ACK_LINE_STATUS = {
  IA: 'accepted',
  IB: 'backordered',
  IC: 'accepted_changes',
  ID: 'deleted',
  IQ: 'quantity_changed',
  IR: 'rejected',
  IS: 'substituted',
  AR: 'accepted_released',
} as const;
export type AckLineStatus = (typeof ACK_LINE_STATUS)[keyof typeof ACK_LINE_STATUS];

/** ISO instant → CCYYMMDD (element 373). */
export const toX12Date = (iso: string): string => iso.slice(0, 10).replaceAll('-', '');
/** ISO instant → HHMM (element 337). */
export const toX12Time = (iso: string): string => iso.slice(11, 16).replace(':', '');

/** CCYYMMDD or YYMMDD → ISO date; undefined when not a real calendar date. */
export function fromX12Date(v: string | undefined): string | undefined {
  if (!v) return undefined;
  const d = v.trim();
  const full = /^\d{8}$/.test(d) ? d : /^\d{6}$/.test(d) ? `20${d}` : null;
  if (!full) return undefined;
  const iso = `${full.slice(0, 4)}-${full.slice(4, 6)}-${full.slice(6, 8)}`;
  const t = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === iso ? iso : undefined;
}
