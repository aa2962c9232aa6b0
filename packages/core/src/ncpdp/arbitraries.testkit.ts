// fast-check generators for D.0 messages, built from the segment schemas so every segment, field and
// repeating group is covered. Used by the property tests only (not exported from index.ts).

import fc from 'fast-check';
import { type D0RawSegment, hasSeparator } from './frame';
import { REQUEST_SEGMENTS } from './request-schema';
import { RESPONSE_SEGMENTS } from './response-schema';
import type { CompiledSegment, Entry, FieldKind } from './schema';
import type { D0Request, D0RequestTransaction, D0Response, D0ResponseTransaction } from './types';

/** Strings a D.0 field can hold: any characters but the three separators. */
export const fieldText = (maxLength = 12) =>
  fc.string({ unit: 'binary', maxLength }).filter((s) => !hasSeparator(s));

const headerText = (maxLength: number) =>
  fc.string({ unit: 'grapheme-ascii', maxLength }).map((s) => s.trimEnd());

const ccyymmdd = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10).replaceAll('-', ''));

function valueArb(kind: FieldKind): fc.Arbitrary<unknown> {
  switch (kind) {
    case 'an':
      return fieldText();
    case 'int':
      return fc.nat(999_999_999);
    case 'money':
      return fc.integer({ min: -99_999_999_999, max: 99_999_999_999 });
    case 'qty':
      return fc.nat(9_999_999_999).map((u) => u / 1000);
    case 'rate':
      return fc.integer({ min: -99_999_999, max: 99_999_999 }).map((u) => u / 10_000);
    case 'date':
      return ccyymmdd;
  }
}

function entriesArb(
  entries: readonly Entry[],
  leaderRequired: boolean,
): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  const required: string[] = [];
  entries.forEach((entry, i) => {
    if ('field' in entry) {
      model[entry.field.key] = valueArb(entry.field.kind);
      if (leaderRequired && i === 0) required.push(entry.field.key);
      return;
    }
    const l = entry.list;
    const item = l.scalar
      ? valueArb((l.items[0] as { field: { kind: FieldKind } }).field.kind)
      : entriesArb(l.items, !l.counter);
    model[l.key] = fc.array(item, { minLength: 1, maxLength: 3 });
  });
  return fc.record(model, { requiredKeys: required });
}

const extraArb = (seg: CompiledSegment) =>
  fc.array(
    fc.record({
      id: fc.stringMatching(/^[0-9A-Z]{2}$/).filter((id) => !seg.slots.has(id)),
      value: fieldText(),
    }),
    { minLength: 1, maxLength: 2 },
  );

export function segmentArb(seg: CompiledSegment): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(entriesArb(seg.spec.entries, false), fc.option(extraArb(seg), { nil: undefined }))
    .map(([value, extra]) => (extra ? { ...value, extra } : value));
}

function rawSegmentsArb(modelled: readonly string[]): fc.Arbitrary<D0RawSegment[]> {
  return fc.array(
    fc.record({
      segmentId: fc.stringMatching(/^[0-9]{2}$/).filter((id) => !modelled.includes(id)),
      fields: fc.array(fc.record({ id: fc.stringMatching(/^[0-9A-Z]{2}$/), value: fieldText() }), {
        maxLength: 3,
      }),
    }),
    { minLength: 1, maxLength: 2 },
  );
}

function withOptional<T extends object>(model: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<T> {
  return fc.record(model, { requiredKeys: [] }) as unknown as fc.Arbitrary<T>;
}

const R = REQUEST_SEGMENTS;
const requestTx = withOptional<D0RequestTransaction>({
  claim: segmentArb(R.claim),
  prescriber: segmentArb(R.prescriber),
  pricing: segmentArb(R.pricing),
  dur: segmentArb(R.dur),
  cob: segmentArb(R.cob),
  compound: segmentArb(R.compound),
  otherSegments: rawSegmentsArb(['07', '03', '11', '08', '05', '10']),
}).filter((tx) => Object.keys(tx).length > 0);

export const requestArb: fc.Arbitrary<D0Request> = fc
  .record({
    bin: fc.stringMatching(/^\d{6}$/),
    transactionCode: fc.constantFrom('B1' as const, 'B2' as const, 'B3' as const, 'E1' as const),
    pcn: headerText(10),
    serviceProviderIdQualifier: headerText(2),
    serviceProviderId: headerText(15),
    dateOfService: ccyymmdd,
    softwareVendorCertId: headerText(10),
    transactions: fc.array(requestTx, { minLength: 1, maxLength: 4 }),
    e1Empty: fc.boolean(),
    top: withOptional<Record<string, unknown>>({
      patient: segmentArb(R.patient),
      insurance: segmentArb(R.insurance),
      otherSegments: rawSegmentsArb(['01', '04']),
    }),
  })
  .map(({ transactions, e1Empty, top, ...h }) => {
    const txs = h.transactionCode === 'E1' && e1Empty ? [] : transactions;
    return {
      header: { ...h, version: 'D0' as const, transactionCount: Math.max(1, txs.length) },
      ...top,
      transactions: txs,
    } as D0Request;
  });

const S = RESPONSE_SEGMENTS;
const statusArb = segmentArb(S.status).chain((status) =>
  fc
    .option(fc.constantFrom('A', 'C', 'D', 'F', 'P', 'Q', 'R', 'S'), { nil: undefined })
    .map((transactionStatus) => {
      const { transactionStatus: _drop, ...rest } = status;
      return transactionStatus ? { ...rest, transactionStatus } : rest;
    }),
);

const responseTx = withOptional<D0ResponseTransaction>({
  status: statusArb,
  claim: segmentArb(S.claim),
  pricing: segmentArb(S.pricing),
  dur: segmentArb(S.dur),
  cob: segmentArb(S.cob),
  otherSegments: rawSegmentsArb(['21', '22', '23', '24', '28']),
}).filter((tx) => Object.keys(tx).length > 0);

export const responseArb: fc.Arbitrary<D0Response> = fc
  .record({
    transactionCode: fc.constantFrom('B1' as const, 'B2' as const, 'B3' as const, 'E1' as const),
    transactionCount: fc.integer({ min: 1, max: 9 }),
    headerResponseStatus: fc.constantFrom('A' as const, 'R' as const),
    serviceProviderIdQualifier: headerText(2),
    serviceProviderId: headerText(15),
    dateOfService: ccyymmdd,
    transactions: fc.array(responseTx, { maxLength: 4 }),
    top: withOptional<Record<string, unknown>>({
      message: segmentArb(S.message),
      insurance: segmentArb(S.insurance),
      patient: segmentArb(S.patient),
      otherSegments: rawSegmentsArb(['20', '25', '29']),
    }),
  })
  .map(
    ({ transactions, top, ...h }) =>
      ({ header: { ...h, version: 'D0' as const }, ...top, transactions }) as D0Response,
  );
