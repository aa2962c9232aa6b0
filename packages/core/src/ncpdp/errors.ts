/**
 * Where and why a D.0 message could not be read or written.
 * `segment` is 'header', 'frame' (separators/structure) or the segment id with its AM prefix ('AM07').
 * `field` is the two-character field id ('D7'); `offset` is the character index in the input.
 */
export interface D0Error {
  segment: string;
  segmentName?: string;
  field?: string;
  fieldName?: string;
  reason: string;
  offset?: number;
  /** One readable sentence: "AM07 Claim, field D7 (407-D7 Product/Service ID): …". */
  message: string;
}

export type D0Result<T> = { ok: true; value: T } | { ok: false; error: D0Error };

export function d0Error(
  segment: string,
  reason: string,
  opts: { segmentName?: string; field?: string; fieldName?: string; offset?: number } = {},
): D0Error {
  const seg = opts.segmentName ? `${segment} ${opts.segmentName}` : segment;
  const fld = opts.field ? `, field ${opts.field}${opts.fieldName ? ` (${opts.fieldName})` : ''}` : '';
  const at = opts.offset !== undefined ? ` at offset ${opts.offset}` : '';
  const err: D0Error = { segment, reason, message: `${seg}${fld}${at}: ${reason}` };
  if (opts.segmentName !== undefined) err.segmentName = opts.segmentName;
  if (opts.field !== undefined) err.field = opts.field;
  if (opts.fieldName !== undefined) err.fieldName = opts.fieldName;
  if (opts.offset !== undefined) err.offset = opts.offset;
  return err;
}

/** Thrown by the encoders when the value cannot be written as D.0 (never by the decoders). */
export class NcpdpEncodeError extends Error {
  readonly detail: D0Error;
  constructor(detail: D0Error) {
    super(detail.message);
    this.name = 'NcpdpEncodeError';
    this.detail = detail;
  }
}
