// D.0 framing, field-level. A message is a fixed-width header followed by segments:
//   <SS 0x1E><FS 0x1C>AMnn<FS>idvalue<FS>idvalue…
// Transaction groups (one per claim) start with <GS 0x1D>. Separators are the Mirth Connect defaults
// (NCPDPSerializationProperties.java); each field opens with its two-character id and the segment id
// is field 111-AM (domain-rules.md §5). Request header: 56 characters; response header: 31
// (Mirth NCPDPReader.parseHeader; transactrx ncpdpMessage.ValidateResponse).
// This layer is lossless: buildD0Frame(parseD0Frame(s).value) === s for every message it accepts.

import { type D0Error, type D0Result, d0Error, NcpdpEncodeError } from './errors';

export const FIELD_SEPARATOR = '\x1c';
export const GROUP_SEPARATOR = '\x1d';
export const SEGMENT_SEPARATOR = '\x1e';
export const REQUEST_HEADER_LENGTH = 56;
export const RESPONSE_HEADER_LENGTH = 31;

const FS = 28;
const GS = 29;
const SS = 30;

export interface D0Field {
  id: string;
  value: string;
}

export interface D0RawSegment {
  /** The two characters after "AM", e.g. "07". */
  segmentId: string;
  /** Fields after the AM field, in wire order. */
  fields: D0Field[];
}

export interface D0RawMessage {
  kind: 'request' | 'response';
  /** The fixed-width header exactly as sent (56 characters for requests, 31 for responses). */
  header: string;
  /** Segments before the first group separator (patient, insurance, response message …). */
  transmission: D0RawSegment[];
  /** One array of segments per transaction group. */
  transactions: D0RawSegment[][];
}

/**
 * A segment located in the input without copying its fields: the typed decoders read ids and values
 * straight from the text, which saves two strings and an object per field on the hot path.
 */
export interface ScannedSegment {
  segmentId: string;
  /** Position of the segment separator that opens it. */
  offset: number;
  /** Position of each field's first character (its 2-character id), in wire order. */
  starts: number[];
  /** Position just past the segment's last character. */
  end: number;
}

/** End (exclusive) of field `k` of a scanned segment: one before the next field's separator. */
export function fieldEnd(seg: ScannedSegment, k: number): number {
  return k + 1 < seg.starts.length ? (seg.starts[k + 1] as number) - 1 : seg.end;
}

/** The fields of a scanned segment as {id, value} pairs (raw frames, segments the codec does not model). */
export function rawFields(text: string, seg: ScannedSegment): D0Field[] {
  const fields: D0Field[] = [];
  for (let k = 0; k < seg.starts.length; k++) {
    const start = seg.starts[k] as number;
    fields.push({ id: text.slice(start, start + 2), value: text.slice(start + 2, fieldEnd(seg, k)) });
  }
  return fields;
}

export interface ScannedMessage {
  kind: 'request' | 'response';
  /** The input the positions refer to. */
  text: string;
  header: string;
  transmission: ScannedSegment[];
  transactions: ScannedSegment[][];
}

function isSeparator(code: number): boolean {
  return code === FS || code === GS || code === SS;
}

/** Index of the next separator at or after `from` (or the end of the input). */
function nextSeparator(s: string, from: number): number {
  let i = from;
  while (i < s.length && !isSeparator(s.charCodeAt(i))) i++;
  return i;
}

function indexOrEnd(s: string, sep: string, from: number): number {
  const i = s.indexOf(sep, from);
  return i < 0 ? s.length : i;
}

interface SeparatorCursor {
  s: string;
  ss: number;
  gs: number;
  fs: number;
}

/** Next separator at or after `from`; each separator's position is searched again only once passed. */
function nextSeparatorFrom(c: SeparatorCursor, from: number): number {
  const n = c.s.length;
  if (c.ss !== n && c.ss < from) c.ss = indexOrEnd(c.s, SEGMENT_SEPARATOR, from);
  if (c.gs !== n && c.gs < from) c.gs = indexOrEnd(c.s, GROUP_SEPARATOR, from);
  if (c.fs !== n && c.fs < from) c.fs = indexOrEnd(c.s, FIELD_SEPARATOR, from);
  return Math.min(c.ss, c.gs, c.fs);
}

/** A request starts with a 6-digit BIN; a response starts with the version "D0". */
export function detectKind(s: string): 'request' | 'response' {
  return s.startsWith('D0') ? 'response' : 'request';
}

export function scanD0(s: string): D0Result<ScannedMessage> {
  if (typeof s !== 'string') return fail(d0Error('frame', 'input is not a string'));
  const kind = detectKind(s);
  const headerLength = kind === 'request' ? REQUEST_HEADER_LENGTH : RESPONSE_HEADER_LENGTH;
  const firstSep = nextSeparator(s, 0);
  if (firstSep < headerLength) {
    const truncated = firstSep === s.length;
    return fail(
      d0Error(
        'header',
        truncated
          ? `truncated: ${kind} header needs ${headerLength} characters, input has ${s.length}`
          : `separator inside the ${headerLength}-character ${kind} header`,
        { segmentName: `${kind} header`, offset: firstSep },
      ),
    );
  }
  const header = s.slice(0, headerLength);
  const transmission: ScannedSegment[] = [];
  const transactions: ScannedSegment[][] = [];
  let current = transmission;
  let pos = headerLength;
  // Next occurrence of each separator at or after the scan position (indexOf is much faster than a
  // char loop); refreshed only when the scan passes it.
  const next: SeparatorCursor = { s, ss: -1, gs: -1, fs: -1 };
  while (pos < s.length) {
    const code = s.charCodeAt(pos);
    if (code === GS) {
      current = [];
      transactions.push(current);
      pos++;
      if (s.charCodeAt(pos) !== SS) {
        return fail(
          d0Error('frame', 'group separator 0x1D must be followed by a segment (0x1E)', { offset: pos }),
        );
      }
      continue;
    }
    if (code !== SS) {
      return fail(
        d0Error('frame', `expected segment separator 0x1E, found character code ${code}`, { offset: pos }),
      );
    }
    const segStart = pos;
    pos++;
    if (s.charCodeAt(pos) !== FS) {
      return fail(d0Error('frame', 'segment must open with field separator 0x1C then AM', { offset: pos }));
    }
    pos++;
    const amEnd = nextSeparatorFrom(next, pos);
    if (amEnd - pos !== 4 || s.charCodeAt(pos) !== 65 || s.charCodeAt(pos + 1) !== 77) {
      return fail(
        d0Error(
          'frame',
          `segment must begin with field AM and a 2-character segment id, found "${s.slice(pos, amEnd)}"`,
          {
            field: 'AM',
            fieldName: '111-AM Segment Identification',
            offset: pos,
          },
        ),
      );
    }
    const segment: ScannedSegment = {
      segmentId: s.slice(pos + 2, amEnd),
      offset: segStart,
      starts: [],
      end: 0,
    };
    pos = amEnd;
    while (s.charCodeAt(pos) === FS) {
      const start = pos + 1;
      const end = nextSeparatorFrom(next, start);
      if (end - start < 2) {
        return fail(
          d0Error(
            `AM${segment.segmentId}`,
            'field shorter than its 2-character field id (truncated or empty field)',
            {
              offset: start,
            },
          ),
        );
      }
      segment.starts.push(start);
      pos = end;
    }
    segment.end = pos;
    current.push(segment);
  }
  return { ok: true, value: { kind, text: s, header, transmission, transactions } };
}

/** Field-level parse: every segment and field kept as sent (unknown ones included). */
export function parseD0Frame(s: string): D0Result<D0RawMessage> {
  const scanned = scanD0(s);
  if (!scanned.ok) return scanned;
  const m = scanned.value;
  return {
    ok: true,
    value: {
      kind: m.kind,
      header: m.header,
      transmission: m.transmission.map((seg) => ({ segmentId: seg.segmentId, fields: rawFields(s, seg) })),
      transactions: m.transactions.map((group) =>
        group.map((seg) => ({ segmentId: seg.segmentId, fields: rawFields(s, seg) })),
      ),
    },
  };
}

export function hasSeparator(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isSeparator(text.charCodeAt(i))) return true;
  return false;
}

/** Throws NcpdpEncodeError when a field id or value cannot be framed. */
export function frameField(segment: string, id: string, value: string): string {
  if (typeof id !== 'string' || id.length !== 2 || hasSeparator(id)) {
    throw new NcpdpEncodeError(d0Error(segment, `field id must be 2 characters, got ${JSON.stringify(id)}`));
  }
  if (typeof value !== 'string' || hasSeparator(value)) {
    throw new NcpdpEncodeError(
      d0Error(segment, 'value must be a string without separator characters 0x1C-0x1E', { field: id }),
    );
  }
  return FIELD_SEPARATOR + id + value;
}

export function frameSegmentStart(segmentId: string): string {
  if (typeof segmentId !== 'string' || segmentId.length !== 2 || hasSeparator(segmentId)) {
    throw new NcpdpEncodeError(
      d0Error('frame', `segment id must be 2 characters, got ${JSON.stringify(segmentId)}`),
    );
  }
  return `${SEGMENT_SEPARATOR}${FIELD_SEPARATOR}AM${segmentId}`;
}

function buildSegment(seg: D0RawSegment): string {
  let out = frameSegmentStart(seg.segmentId);
  for (const f of seg.fields) out += frameField(`AM${seg.segmentId}`, f.id, f.value);
  return out;
}

/** Inverse of parseD0Frame. Throws NcpdpEncodeError for an unframeable message. */
export function buildD0Frame(m: D0RawMessage): string {
  const len = m.kind === 'request' ? REQUEST_HEADER_LENGTH : RESPONSE_HEADER_LENGTH;
  if (typeof m.header !== 'string' || m.header.length !== len || hasSeparator(m.header)) {
    throw new NcpdpEncodeError(d0Error('header', `${m.kind} header must be exactly ${len} characters`));
  }
  if (detectKind(m.header) !== m.kind) {
    throw new NcpdpEncodeError(
      d0Error('header', 'a request header cannot start with "D0" (that marks a response)'),
    );
  }
  let out = m.header;
  for (const seg of m.transmission) out += buildSegment(seg);
  for (const group of m.transactions) {
    if (group.length === 0)
      throw new NcpdpEncodeError(d0Error('frame', 'a transaction group needs a segment'));
    out += GROUP_SEPARATOR;
    for (const seg of group) out += buildSegment(seg);
  }
  return out;
}

function fail(error: D0Error): { ok: false; error: D0Error } {
  return { ok: false, error };
}
