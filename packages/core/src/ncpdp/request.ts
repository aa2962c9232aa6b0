// Typed D.0 requests: B1 billing, B2 reversal, B3 rebill, E1 eligibility.
// Transmission-level segments (patient, insurance) come before the first group separator; each
// transaction group holds claim-level segments, the claim segment first.

import { decodeSegmentsInto, encodeSegmentsFrom, type Placements, placementIndex } from './assemble';
import { type D0Error, type D0Result, d0Error, NcpdpEncodeError } from './errors';
import { GROUP_SEPARATOR, scanD0 } from './frame';
import {
  buildRequestHeader,
  HEADER_COUNT_FIELD,
  isD0Error,
  parseRequestHeader,
  transactionCountProblem,
} from './header';
import { REQUEST_SEGMENTS as S } from './request-schema';
import type { D0Request, D0RequestTransaction } from './types';

const TRANSMISSION: Placements = [
  ['patient', S.patient],
  ['insurance', S.insurance],
];
const TRANSACTION: Placements = [
  ['claim', S.claim],
  ['pricing', S.pricing],
  ['prescriber', S.prescriber],
  ['cob', S.cob],
  ['dur', S.dur],
  ['compound', S.compound],
];
const TRANSMISSION_INDEX = placementIndex(TRANSMISSION);
const TRANSACTION_INDEX = placementIndex(TRANSACTION);
const REQUEST_KEYS = new Set(['header', 'patient', 'insurance', 'otherSegments', 'transactions']);
const TRANSACTION_KEYS = new Set([...TRANSACTION.map(([k]) => k), 'otherSegments']);

function fail(error: D0Error): { ok: false; error: D0Error } {
  return { ok: false, error };
}

/** Decode a request. Never throws; errors name the segment and field and give the offset. */
export function decodeRequest(s: string): D0Result<D0Request> {
  const scanned = scanD0(s);
  if (!scanned.ok) return scanned;
  const m = scanned.value;
  if (m.kind !== 'request') {
    return fail(d0Error('header', 'this is a response (it starts with the version "D0"), not a request'));
  }
  const header = parseRequestHeader(m.header);
  if (isD0Error(header)) return fail(header);
  const countProblem = transactionCountProblem(
    header.transactionCode,
    header.transactionCount,
    m.transactions.length,
  );
  if (countProblem) {
    const f = HEADER_COUNT_FIELD.request;
    return fail(d0Error('header', countProblem, { field: f.id, fieldName: f.name, offset: f.start }));
  }
  const request: Record<string, unknown> = { header };
  const err = decodeSegmentsInto(m.text, m.transmission, TRANSMISSION_INDEX, request);
  if (err) return fail(err);
  const transactions: D0RequestTransaction[] = [];
  for (const group of m.transactions) {
    const tx: Record<string, unknown> = {};
    const e = decodeSegmentsInto(m.text, group, TRANSACTION_INDEX, tx);
    if (e) return fail(e);
    transactions.push(tx as D0RequestTransaction);
  }
  request.transactions = transactions;
  return { ok: true, value: request as unknown as D0Request };
}

/** Encode a request to D.0 text. Throws NcpdpEncodeError (segment, field, reason) on invalid input. */
export function encodeRequest(r: D0Request): string {
  if (typeof r !== 'object' || r === null)
    throw new NcpdpEncodeError(d0Error('frame', 'request must be an object'));
  if (!Array.isArray(r.transactions))
    throw new NcpdpEncodeError(d0Error('frame', 'transactions must be an array'));
  let out = buildRequestHeader(r.header);
  const countProblem = transactionCountProblem(
    r.header.transactionCode,
    r.header.transactionCount,
    r.transactions.length,
  );
  if (countProblem) {
    const f = HEADER_COUNT_FIELD.request;
    throw new NcpdpEncodeError(d0Error('header', countProblem, { field: f.id, fieldName: f.name }));
  }
  out += encodeSegmentsFrom(TRANSMISSION, r as unknown as Record<string, unknown>, REQUEST_KEYS, 'request');
  r.transactions.forEach((tx, i) => {
    if (typeof tx !== 'object' || tx === null) {
      throw new NcpdpEncodeError(d0Error('frame', `transactions[${i}] must be an object`));
    }
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

/** encodeRequest without exceptions. */
export function tryEncodeRequest(r: D0Request): D0Result<string> {
  try {
    return { ok: true, value: encodeRequest(r) };
  } catch (e) {
    if (e instanceof NcpdpEncodeError) return fail(e.detail);
    return fail(d0Error('frame', e instanceof Error ? e.message : 'cannot encode'));
  }
}
