import { describe, expect, it } from 'vitest';
import { decodeD0, encodeD0 } from './d0';
import { explainReject } from './reject-codes';
import { decodeResponse, encodeResponse } from './response';
import type { D0Response } from './types';

const FS = '\x1c';
const GS = '\x1d';
const SS = '\x1e';
const seg = (id: string, ...fields: string[]) => `${SS}${FS}AM${id}${fields.map((f) => FS + f).join('')}`;

// Response header layout (31 characters) per Mirth NCPDPReader / transactrx B1ResponseHeader:
// version, transaction code, count, header response status, provider id qualifier, provider id, date.
const HEADER = 'D0B11A011234567893     20240105';

describe('rejected B1 response: refill too soon with DUR detail', () => {
  const wire =
    HEADER +
    seg('20', 'F4CALL HELP DESK FOR OVERRIDES') +
    GS +
    seg(
      '21',
      'ANR',
      'FA2',
      'FB79',
      'FB88',
      'UF2',
      'UH01',
      'FQNEXT FILL 20240112',
      'UG+',
      'UH01',
      'FQREFILL TOO SOON',
    ) +
    seg('24', 'J61', 'E4ER', 'FS2', 'FU20231215', 'FV30000', 'FYEARLY REFILL');

  const expected: D0Response = {
    header: {
      version: 'D0',
      transactionCode: 'B1',
      transactionCount: 1,
      headerResponseStatus: 'A',
      serviceProviderIdQualifier: '01',
      serviceProviderId: '1234567893',
      dateOfService: '20240105',
    },
    message: { text: 'CALL HELP DESK FOR OVERRIDES' },
    transactions: [
      {
        status: {
          transactionStatus: 'R',
          rejects: [{ code: '79' }, { code: '88' }],
          additionalMessages: [
            { qualifier: '01', text: 'NEXT FILL 20240112', continuity: '+' },
            { qualifier: '01', text: 'REFILL TOO SOON' },
          ],
        },
        dur: {
          entries: [
            {
              reasonForServiceCode: 'ER',
              clinicalSignificanceCode: '2',
              previousDateOfFill: '20231215',
              quantityOfPreviousFill: 30,
              freeTextMessage: 'EARLY REFILL',
            },
          ],
        },
      },
    ],
  };

  it('decodes status, reject codes, additional messages and DUR response', () => {
    expect(decodeResponse(wire)).toEqual({ ok: true, value: expected });
  });

  it('encodes back to the same bytes (segments already in canonical order)', () => {
    expect(encodeResponse(expected)).toBe(wire);
    expect(encodeD0(expected)).toBe(wire);
  });

  it('each reject code explains itself for the UI', () => {
    const codes = expected.transactions[0]?.status?.rejects?.map(
      (r) => explainReject(r.code).nextAction.kind,
    );
    expect(codes).toEqual(['show-earliest-fill-date', 'pharmacist-dur-override']);
  });
});

describe('paid B1 response with pricing', () => {
  const wire =
    HEADER +
    GS +
    seg('21', 'ANP', 'F3AUTH0001') +
    seg('23', 'F51000{', 'F6250{', 'F7150{', 'J21', 'J301', 'J4E', 'F9300{', 'FI1000{');

  it('reads patient pay, plan pay, copay and ingredient cost paid in cents', () => {
    const r = decodeResponse(wire);
    expect(r.ok && r.value.transactions[0]).toEqual({
      status: { transactionStatus: 'P', authorizationNumber: 'AUTH0001' },
      pricing: {
        patientPayAmountCents: 10000,
        ingredientCostPaidCents: 2500,
        dispensingFeePaidCents: 1500,
        totalAmountPaidCents: 3000,
        amountOfCopayCents: 10000,
        otherAmountsPaid: [{ qualifier: '01', amountCents: 5 }],
      },
    });
    if (r.ok) expect(encodeResponse(r.value)).toBe(wire);
  });

  it('rejects an unknown transaction response status, naming AN', () => {
    const r = decodeResponse(wire.replace('ANP', 'ANX'));
    expect(!r.ok && r.error).toMatchObject({ segment: 'AM21', field: 'AN' });
    const count = decodeResponse(wire.replace('J21', 'J22'));
    expect(!count.ok && count.error).toMatchObject({ segment: 'AM23', field: 'J2' });
  });

  it('decodeD0 tells requests from responses', () => {
    expect(decodeD0(wire).ok).toBe(true);
    const req = decodeD0(wire.slice(0, 10));
    expect(!req.ok && req.error.segment).toBe('header');
  });
});
