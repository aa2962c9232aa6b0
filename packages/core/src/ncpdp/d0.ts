// Request-or-response entry points for tools (CLI `ncpdp decode` / `ncpdp encode`): the decoded JSON is
// the encoder's input. A request header has a BIN; a response header does not.

import { type D0Result, d0Error } from './errors';
import { detectKind } from './frame';
import { decodeRequest, encodeRequest } from './request';
import { decodeResponse, encodeResponse } from './response';
import type { D0Request, D0Response } from './types';

export type D0Message = D0Request | D0Response;

export function isD0Request(m: D0Message): m is D0Request {
  return typeof m?.header === 'object' && m.header !== null && 'bin' in m.header;
}

/** Decode either kind, chosen by the first two characters ("D0" = response). */
export function decodeD0(s: string): D0Result<D0Message> {
  if (typeof s !== 'string') return { ok: false, error: d0Error('frame', 'input is not a string') };
  return detectKind(s) === 'request' ? decodeRequest(s) : decodeResponse(s);
}

/** Encode either kind. Throws NcpdpEncodeError on invalid input. */
export function encodeD0(m: D0Message): string {
  return isD0Request(m) ? encodeRequest(m) : encodeResponse(m as D0Response);
}
