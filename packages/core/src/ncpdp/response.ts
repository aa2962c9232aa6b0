// Typed D.0 responses. Transmission level: response message (AM20), insurance (AM25), patient
// (AM29); each transaction group: status (AM21), claim (AM22), pricing (AM23), DUR/PPS (AM24), COB (AM28).

import { decodeSegmentsInto, encodeSegmentsFrom, type Placements, placementIndex } from './assemble';
import { type D0Error, type D0Result, d0Error, NcpdpEncodeError } from './errors';
import { GROUP_SEPARATOR, scanD0 } from './frame';
import { buildResponseHeader, isD0Error, parseResponseHeader } from './header';
import { RESPONSE_SEGMENTS as S } from './response-schema';
import type { D0Response, D0ResponseTransaction } from './types';

const TRANSMISSION: Placements = [
  ['message', S.message],
  ['insurance', S.insurance],
  ['patient', S.patient],
];
const TRANSACTION: Placements = [
  ['status', S.status],
  ['claim', S.claim],
  ['pricing', S.pricing],
  ['dur', S.dur],
  ['cob', S.cob],
];
const TRANSMISSION_INDEX = placementIndex(TRANSMISSION);
const TRANSACTION_INDEX = placementIndex(TRANSACTION);
const RESPONSE_KEYS = new Set(['header', 'message', 'insurance', 'patient', 'otherSegments', 'transactions']);
const TRANSACTION_KEYS = new Set([...TRANSACTION.map(([k]) => k), 'otherSegments']);
const STATUSES = 'ACDFPQRS';

function fail(error: D0Error): { ok: false; error: D0Error } {
  return { ok: false, error };
}

function statusProblem(status: unknown): string | null {
  if (status === undefined) return null;
  return typeof status === 'string' && status.length === 1 && STATUSES.includes(status)
    ? null
    : `transaction response status must be one of A C D F P Q R S, got ${JSON.stringify(status)}`;
}

const STATUS_FIELD = {
  field: 'AN',
  fieldName: '112-AN Transaction Response Status',
  segmentName: 'Response Status',
};

/** Decode a response. Never throws; errors name the segment and field and give the offset. */
export function decodeResponse(s: string): D0Result<D0Response> {
  const scanned = scanD0(s);
  if (!scanned.ok) return scanned;
  const m = scanned.value;
  if (m.kind !== 'response') {
    return fail(d0Error('header', 'this is a request (it does not start with "D0"), not a response'));
  }
  const header = parseResponseHeader(m.header);
  if (isD0Error(header)) return fail(header);
  const response: Record<string, unknown> = { header };
  const err = decodeSegmentsInto(m.text, m.transmission, TRANSMISSION_INDEX, response);
  if (err) return fail(err);
  const transactions: D0ResponseTransaction[] = [];
  for (const group of m.transactions) {
    const tx: Record<string, unknown> = {};
    const e = decodeSegmentsInto(m.text, group, TRANSACTION_INDEX, tx);
    if (e) return fail(e);
    const status = (tx as D0ResponseTransaction).status?.transactionStatus;
    const problem = statusProblem(status);
    if (problem) return fail(d0Error('AM21', problem, STATUS_FIELD));
    transactions.push(tx as D0ResponseTransaction);
  }
  response.transactions = transactions;
  return { ok: true, value: response as unknown as D0Response };
}

/** Encode a response to D.0 text. Throws NcpdpEncodeError (segment, field, reason) on invalid input. */
export function encodeResponse(r: D0Response): string {
  if (typeof r !== 'object' || r === null)
    throw new NcpdpEncodeError(d0Error('frame', 'response must be an object'));
  if (!Array.isArray(r.transactions))
    throw new NcpdpEncodeError(d0Error('frame', 'transactions must be an array'));
  let out = buildResponseHeader(r.header);
  out += encodeSegmentsFrom(TRANSMISSION, r as unknown as Record<string, unknown>, RESPONSE_KEYS, 'response');
  r.transactions.forEach((tx, i) => {
    if (typeof tx !== 'object' || tx === null) {
      throw new NcpdpEncodeError(d0Error('frame', `transactions[${i}] must be an object`));
    }
    const problem = statusProblem(tx.status?.transactionStatus);
    if (problem) throw new NcpdpEncodeError(d0Error('AM21', problem, STATUS_FIELD));
    const body = encodeSegmentsFrom(
      TRANSACTION,
      tx as Record<string, unknown>,
      TRANSACTION_KEYS,
      `transactions[${i}]`,
    );
    if (body === '') throw new NcpdpEncodeError(d0Error('frame', `transactions[${i}] has no segments`));
    out += GROUP_SEPARATOR + body;
  });
  return out;
}

/** encodeResponse without exceptions. */
export function tryEncodeResponse(r: D0Response): D0Result<string> {
  try {
    return { ok: true, value: encodeResponse(r) };
  } catch (e) {
    if (e instanceof NcpdpEncodeError) return fail(e.detail);
    return fail(d0Error('frame', e instanceof Error ? e.message : 'cannot encode'));
  }
}
