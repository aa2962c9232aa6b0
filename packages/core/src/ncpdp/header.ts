// Fixed-width transaction headers. Request (56 characters, domain-rules.md §5 [S32][S33][S34]):
// BIN 6 · version 2 · transaction code 2 · PCN 10 · transaction count 1 · service provider id
// qualifier 2 · service provider id 15 · date of service 8 · software vendor/certification id 10.
// Response (31 characters, Mirth NCPDPReader): version 2 · transaction code 2 · count 1 · header
// response status 1 · service provider id qualifier 2 · service provider id 15 · date of service 8.
// Alphanumeric header fields are left-justified and space-padded; trailing spaces are padding.

import { type D0Error, d0Error, NcpdpEncodeError } from './errors';
import { hasSeparator } from './frame';
import type { D0RequestHeader, D0ResponseHeader, D0TransactionCode } from './types';
import { isCcyymmdd, isDigits } from './values';

const TRANSACTION_CODES: readonly string[] = ['B1', 'B2', 'B3', 'E1'];

interface HeaderField {
  key: string;
  id: string;
  name: string;
  start: number;
  width: number;
}

const REQUEST_FIELDS: readonly HeaderField[] = [
  { key: 'bin', id: 'A1', name: '101-A1 BIN Number', start: 0, width: 6 },
  { key: 'version', id: 'A2', name: '102-A2 Version/Release Number', start: 6, width: 2 },
  { key: 'transactionCode', id: 'A3', name: '103-A3 Transaction Code', start: 8, width: 2 },
  { key: 'pcn', id: 'A4', name: '104-A4 Processor Control Number', start: 10, width: 10 },
  { key: 'transactionCount', id: 'A9', name: '109-A9 Transaction Count', start: 20, width: 1 },
  {
    key: 'serviceProviderIdQualifier',
    id: 'B2',
    name: '202-B2 Service Provider ID Qualifier',
    start: 21,
    width: 2,
  },
  { key: 'serviceProviderId', id: 'B1', name: '201-B1 Service Provider ID', start: 23, width: 15 },
  { key: 'dateOfService', id: 'D1', name: '401-D1 Date of Service', start: 38, width: 8 },
  {
    key: 'softwareVendorCertId',
    id: 'AK',
    name: '110-AK Software Vendor/Certification ID',
    start: 46,
    width: 10,
  },
];

const RESPONSE_FIELDS: readonly HeaderField[] = [
  { key: 'version', id: 'A2', name: '102-A2 Version/Release Number', start: 0, width: 2 },
  { key: 'transactionCode', id: 'A3', name: '103-A3 Transaction Code', start: 2, width: 2 },
  { key: 'transactionCount', id: 'A9', name: '109-A9 Transaction Count', start: 4, width: 1 },
  { key: 'headerResponseStatus', id: 'F1', name: '501-F1 Header Response Status', start: 5, width: 1 },
  {
    key: 'serviceProviderIdQualifier',
    id: 'B2',
    name: '202-B2 Service Provider ID Qualifier',
    start: 6,
    width: 2,
  },
  { key: 'serviceProviderId', id: 'B1', name: '201-B1 Service Provider ID', start: 8, width: 15 },
  { key: 'dateOfService', id: 'D1', name: '401-D1 Date of Service', start: 23, width: 8 },
];

const REQUEST_KEYS = new Set(REQUEST_FIELDS.map((x) => x.key));
const RESPONSE_KEYS = new Set(RESPONSE_FIELDS.map((x) => x.key));

function fieldOf(fields: readonly HeaderField[], key: string): HeaderField {
  return fields.find((x) => x.key === key) as HeaderField;
}

function headerError(label: string, field: HeaderField, reason: string, withOffset: boolean): D0Error {
  return d0Error('header', reason, {
    segmentName: label,
    field: field.id,
    fieldName: field.name,
    ...(withOffset ? { offset: field.start } : {}),
  });
}

/** Checks one header value (shared by decode, which reads, and encode, which writes). */
function checkValue(key: string, value: unknown, kind: 'request' | 'response'): string | null {
  switch (key) {
    case 'bin':
      return typeof value === 'string' && value.length === 6 && isDigits(value)
        ? null
        : 'BIN must be 6 digits';
    case 'version':
      return value === 'D0' ? null : `only version D0 is supported, got ${JSON.stringify(value)}`;
    case 'transactionCode':
      return typeof value === 'string' && TRANSACTION_CODES.includes(value)
        ? null
        : `transaction code must be B1, B2, B3 or E1, got ${JSON.stringify(value)}`;
    case 'transactionCount': {
      const max = kind === 'request' ? 4 : 9;
      return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= max
        ? null
        : `transaction count must be 1–${max}`;
    }
    case 'headerResponseStatus':
      return value === 'A' || value === 'R' ? null : 'header response status must be A or R';
    case 'dateOfService':
      return typeof value === 'string' && isCcyymmdd(value)
        ? null
        : 'date of service must be a calendar date CCYYMMDD';
    default:
      return typeof value === 'string' ? null : 'must be a string';
  }
}

function parseFields<T>(
  h: string,
  fields: readonly HeaderField[],
  kind: 'request' | 'response',
): T | D0Error {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const raw = h.slice(field.start, field.start + field.width);
    const value: unknown =
      field.key === 'transactionCount' ? (isDigits(raw) ? Number(raw) : raw) : raw.trimEnd();
    const problem = checkValue(field.key, value, kind);
    if (problem) return headerError(`${kind} header`, field, problem, true);
    out[field.key] = value;
  }
  return out as T;
}

function buildFields(value: unknown, fields: readonly HeaderField[], kind: 'request' | 'response'): string {
  if (typeof value !== 'object' || value === null) {
    throw new NcpdpEncodeError(d0Error('header', 'header must be an object'));
  }
  const v = value as Record<string, unknown>;
  const keys = kind === 'request' ? REQUEST_KEYS : RESPONSE_KEYS;
  for (const key in v) {
    if (!keys.has(key)) {
      throw new NcpdpEncodeError(
        d0Error('header', `unknown property "${key}"`, { segmentName: `${kind} header` }),
      );
    }
  }
  let out = '';
  for (const field of fields) {
    const x = v[field.key];
    const problem = checkValue(field.key, x, kind);
    if (problem) throw new NcpdpEncodeError(headerError(`${kind} header`, field, problem, false));
    const text = String(x);
    if (text.length > field.width) {
      throw new NcpdpEncodeError(
        headerError(`${kind} header`, field, `longer than ${field.width} characters`, false),
      );
    }
    const last = text.charCodeAt(text.length - 1);
    // trimEnd only when the last character could be white space (cheap check first).
    if ((last <= 32 || last >= 127) && text !== text.trimEnd()) {
      throw new NcpdpEncodeError(
        headerError(`${kind} header`, field, 'trailing spaces are padding: remove them', false),
      );
    }
    if (hasSeparator(text)) {
      throw new NcpdpEncodeError(
        headerError(`${kind} header`, field, 'contains a separator character', false),
      );
    }
    out += text.padEnd(field.width, ' ');
  }
  return out;
}

export function parseRequestHeader(h: string): D0RequestHeader | D0Error {
  return parseFields<D0RequestHeader>(h, REQUEST_FIELDS, 'request');
}

export function buildRequestHeader(h: D0RequestHeader): string {
  return buildFields(h, REQUEST_FIELDS, 'request');
}

export function parseResponseHeader(h: string): D0ResponseHeader | D0Error {
  return parseFields<D0ResponseHeader>(h, RESPONSE_FIELDS, 'response');
}

export function buildResponseHeader(h: D0ResponseHeader): string {
  return buildFields(h, RESPONSE_FIELDS, 'response');
}

export function isD0Error(x: unknown): x is D0Error {
  return typeof x === 'object' && x !== null && 'reason' in x && 'message' in x && 'segment' in x;
}

/** Transaction count rule: B1/B2/B3 carry exactly `count` groups; E1 may carry none. */
export function transactionCountProblem(
  code: D0TransactionCode,
  count: number,
  groups: number,
): string | null {
  if (groups === count || (code === 'E1' && groups === 0)) return null;
  return `header transaction count is ${count} but the message has ${groups} transaction group(s)`;
}

export const HEADER_COUNT_FIELD = {
  request: fieldOf(REQUEST_FIELDS, 'transactionCount'),
  response: fieldOf(RESPONSE_FIELDS, 'transactionCount'),
};
