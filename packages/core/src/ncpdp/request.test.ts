import { describe, expect, it } from 'vitest';
import { NcpdpEncodeError } from './errors';
import { buildD0Frame, parseD0Frame } from './frame';
import { decodeRequest, encodeRequest, tryEncodeRequest } from './request';
import type { D0Request } from './types';

const FS = '\x1c';
const GS = '\x1d';
const SS = '\x1e';
const seg = (id: string, ...fields: string[]) => `${SS}${FS}AM${id}${fields.map((f) => FS + f).join('')}`;

// Layout of the B1 sample in transactrx/ncpdpscript (scriptparser/ncpdpMessage_test.go): insurance and
// patient segments, then one group with claim, pricing, prescriber and clinical (AM13) segments, and
// the pricing amounts D9A / DC400{ / E3400{ / DQ400A / DU800A. Personal data replaced by made-up
// values; NPI 1234567893 is the CMS example NPI; NDC 00002143380 comes from
// ../shared/data/nadac-2025-derived; quantity 30 EA is written 30000 (9(7)v999).
const HEADER = '016904D0B1SMAR0     1011234567893     20220722          ';
const SAMPLE =
  HEADER +
  seg('04', 'C2XYZ123456789', 'CCJANE', 'CDDOE', 'C90', 'C3001', 'C61') +
  seg(
    '01',
    'C419700101',
    'C52',
    'CAJANE',
    'CBDOE',
    'CM1 MAIN ST',
    'CNANYTOWN',
    'COAR',
    'CP72000',
    'CQ5555550100',
    '4X0',
  ) +
  GS +
  seg(
    '07',
    'EM1',
    'D21000001',
    'E103',
    'D700002143380',
    'E730000',
    'D300',
    'D530',
    'D61',
    'D80',
    'DE20220722',
    'DJ3',
    'C81',
    'DT0',
    '28EA',
    'U799',
  ) +
  seg('11', 'D9A', 'DC400{', 'E3400{', 'DQ400A', 'DU800A', 'DN07') +
  seg('03', 'EZ01', 'DB1234567893', 'DRSMITH', '2JALEX', '2MANYTOWN', '2NAR', '2P72000') +
  seg('13', 'VE1', 'WE02');

const EXPECTED: D0Request = {
  header: {
    bin: '016904',
    version: 'D0',
    transactionCode: 'B1',
    pcn: 'SMAR0',
    transactionCount: 1,
    serviceProviderIdQualifier: '01',
    serviceProviderId: '1234567893',
    dateOfService: '20220722',
    softwareVendorCertId: '',
  },
  insurance: {
    cardholderId: 'XYZ123456789',
    cardholderFirstName: 'JANE',
    cardholderLastName: 'DOE',
    eligibilityClarificationCode: '0',
    personCode: '001',
    patientRelationshipCode: '1',
  },
  patient: {
    dateOfBirth: '19700101',
    genderCode: '2',
    firstName: 'JANE',
    lastName: 'DOE',
    streetAddress: '1 MAIN ST',
    city: 'ANYTOWN',
    state: 'AR',
    zip: '72000',
    phone: '5555550100',
    patientResidence: '0',
  },
  transactions: [
    {
      claim: {
        rxReferenceQualifier: '1',
        rxNumber: '1000001',
        productIdQualifier: '03',
        productId: '00002143380',
        quantityDispensed: 30,
        fillNumber: 0,
        daysSupply: 30,
        compoundCode: '1',
        dawCode: '0',
        dateWritten: '20220722',
        prescriptionOriginCode: '3',
        otherCoverageCode: '1',
        specialPackagingIndicator: '0',
        unitOfMeasure: 'EA',
        pharmacyServiceType: '99',
      },
      pricing: {
        ingredientCostSubmittedCents: 1,
        dispensingFeeSubmittedCents: 4000,
        incentiveAmountSubmittedCents: 4000,
        usualAndCustomaryChargeCents: 4001,
        grossAmountDueCents: 8001,
        basisOfCostDetermination: '07',
      },
      prescriber: {
        prescriberIdQualifier: '01',
        prescriberId: '1234567893',
        lastName: 'SMITH',
        firstName: 'ALEX',
        city: 'ANYTOWN',
        state: 'AR',
        zip: '72000',
      },
      otherSegments: [
        {
          segmentId: '13',
          fields: [
            { id: 'VE', value: '1' },
            { id: 'WE', value: '02' },
          ],
        },
      ],
    },
  ],
};

describe('decodeRequest on a B1 laid out like the transactrx sample', () => {
  it('reads header, segments, overpunch amounts and keeps the unmodelled clinical segment', () => {
    expect(decodeRequest(SAMPLE)).toEqual({ ok: true, value: EXPECTED });
  });

  it('re-encodes to the same data; the field-level frame is byte-exact', () => {
    const again = decodeRequest(encodeRequest(EXPECTED));
    expect(again).toEqual({ ok: true, value: EXPECTED });
    const frame = parseD0Frame(SAMPLE);
    expect(frame.ok && buildD0Frame(frame.value)).toBe(SAMPLE);
  });

  it('keeps unknown fields and repeated single fields in extra', () => {
    const withExtra = SAMPLE.replace(`${FS}D61`, `${FS}D61${FS}ZZhello${FS}D62`);
    const r = decodeRequest(withExtra);
    expect(r.ok && r.value.transactions[0]?.claim).toMatchObject({
      compoundCode: '1',
      extra: [
        { id: 'ZZ', value: 'hello' },
        { id: 'D6', value: '2' },
      ],
    });
    if (r.ok) expect(decodeRequest(encodeRequest(r.value))).toEqual(r);
  });
});

describe('encodeRequest writes the D.0 layout', () => {
  const base: D0Request = { header: EXPECTED.header, transactions: [] };

  it('writes counts, counters and repeating groups in order', () => {
    const wire = encodeRequest({
      ...base,
      transactions: [
        {
          claim: { rxNumber: '7', submissionClarificationCodes: ['07', '08'] },
          dur: {
            entries: [
              { reasonForServiceCode: 'ER', professionalServiceCode: 'M0', resultOfServiceCode: '1G' },
              { reasonForServiceCode: 'DD' },
            ],
          },
          cob: {
            otherPayers: [
              {
                coverageType: '01',
                idQualifier: '03',
                id: '610020',
                date: '20220720',
                amountsPaid: [{ qualifier: '07', amountCents: 1500 }],
                rejectCodes: ['70'],
              },
            ],
          },
          compound: {
            dosageFormDescriptionCode: '03',
            ingredients: [
              { productIdQualifier: '03', productId: '00002143380', quantity: 12.5, drugCostCents: -250 },
              { productIdQualifier: '03', productId: '00002143480', quantity: 0.001 },
            ],
          },
        },
      ],
    });
    const body = wire.slice(56);
    expect(body).toBe(
      GS +
        seg('07', 'D27', 'NX2', 'DK07', 'DK08') +
        seg('05', '4C1', '5C01', '6C03', '7C610020', 'E820220720', 'HB1', 'HC07', 'DV150{', '5E1', '6E70') +
        seg('08', '7E1', 'E4ER', 'E5M0', 'E61G', '7E2', 'E4DD') +
        seg('10', 'EF03', 'EC2', 'RE03', 'TE00002143380', 'ED12500', 'EE25}', 'RE03', 'TE00002143480', 'ED1'),
    );
  });

  it('writes schema order whatever the key order, and refuses a typo right after a well-formed object', () => {
    // The encoder remembers the previous object's key order (a speed-up): a different order, an unknown
    // key or an undefined value on the next object must still be handled exactly.
    const claim = { rxNumber: '1000001', daysSupply: 30, fillNumber: 0 };
    const wire = (c: Record<string, unknown>) => encodeRequest({ ...base, transactions: [{ claim: c }] });
    const first = wire(claim);
    expect(first).toContain(`${FS}D21000001${FS}D30${FS}D530`);
    expect(wire({ fillNumber: 0, daysSupply: 30, rxNumber: '1000001' })).toBe(first);
    expect(wire({ ...claim, daysSupply: undefined })).toBe(first.replace(`${FS}D530`, ''));
    expect(() => wire(claim)).not.toThrow();
    expect(() => wire({ ...claim, rxNumbr: '1' })).toThrow(/unknown property "rxNumbr"/);
    expect(() => wire({ rxNumbr: '1', daysSupply: 30, fillNumber: 0 })).toThrow(/unknown property "rxNumbr"/);
    expect(wire(claim)).toBe(first);
  });

  it('pads the 56-character header', () => {
    const wire = encodeRequest({ ...base, header: { ...base.header, transactionCode: 'E1' } });
    expect(wire).toBe('016904D0E1SMAR0     1011234567893     20220722          ');
  });

  it('throws a typed error naming segment and field for values it cannot write', () => {
    const bad = { ...base, transactions: [{ claim: { daysSupply: -3 } }] };
    expect(() => encodeRequest(bad)).toThrow(NcpdpEncodeError);
    const r = tryEncodeRequest(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ segment: 'AM07', field: 'D5' });
    const sep = tryEncodeRequest({ ...base, transactions: [{ claim: { rxNumber: `1${FS}2` } }] });
    expect(!sep.ok && sep.error).toMatchObject({ segment: 'AM07', field: 'D2' });
    const typo = tryEncodeRequest({ ...base, transactions: [{ claim: { rxNumbr: '1' } as never }] });
    expect(!typo.ok && typo.error.reason).toMatch(/unknown property "rxNumbr"/);
    const lead = tryEncodeRequest({
      ...base,
      transactions: [{ cob: { otherPayers: [{ id: 'x' } as never] } }],
    });
    expect(!lead.ok && lead.error).toMatchObject({ segment: 'AM05', field: '5C' });
    const long = tryEncodeRequest({ ...base, header: { ...base.header, pcn: 'ELEVENCHARS' } });
    expect(!long.ok && long.error).toMatchObject({ segment: 'header', field: 'A4' });
    const count = tryEncodeRequest({ ...base, header: { ...base.header, transactionCode: 'B1' } });
    expect(!count.ok && count.error).toMatchObject({ segment: 'header', field: 'A9' });
  });
});

describe('decodeRequest errors name the segment, the field and the offset', () => {
  it('truncated header', () => {
    const r = decodeRequest(SAMPLE.slice(0, 30));
    expect(!r.ok && r.error).toMatchObject({ segment: 'header', offset: 30 });
    expect(!r.ok && r.error.reason).toMatch(/truncated/);
  });

  it('invalid date of birth', () => {
    const bad = SAMPLE.replace('C419700101', 'C419701341');
    const r = decodeRequest(bad);
    expect(!r.ok && r.error).toMatchObject({
      segment: 'AM01',
      field: 'C4',
      offset: bad.indexOf('C419701341'),
    });
    expect(!r.ok && r.error.message).toMatch(/^AM01 Patient, field C4 \(304-C4 Date of Birth\)/);
  });

  it('invalid overpunch amount', () => {
    const r = decodeRequest(SAMPLE.replace('DC400{', 'DC40X{'));
    expect(!r.ok && r.error).toMatchObject({ segment: 'AM11', field: 'DC' });
  });

  it('count that does not match the occurrences', () => {
    const r = decodeRequest(SAMPLE.replace(`${FS}DJ3`, `${FS}NX2${FS}DK07${FS}DJ3`));
    expect(!r.ok && r.error).toMatchObject({ segment: 'AM07', field: 'NX' });
    expect(!r.ok && r.error.reason).toMatch(/count says 2 but 1/);
  });

  it('DUR counter out of sequence and fields before their occurrence', () => {
    const dur = decodeRequest(SAMPLE.replace(seg('13', 'VE1', 'WE02'), seg('08', '7E2', 'E4DD')));
    expect(!dur.ok && dur.error).toMatchObject({ segment: 'AM08', field: '7E' });
    const cob = decodeRequest(SAMPLE.replace(seg('13', 'VE1', 'WE02'), seg('05', '4C1', '6C03', '5C01')));
    expect(!cob.ok && cob.error).toMatchObject({ segment: 'AM05', field: '6C' });
  });

  it('segment repeated in a group, transaction count, version and kind', () => {
    const twice = decodeRequest(SAMPLE + seg('07', 'D21'));
    expect(!twice.ok && twice.error).toMatchObject({ segment: 'AM07' });
    const count = decodeRequest(SAMPLE.replace('SMAR0     1', 'SMAR0     2'));
    expect(!count.ok && count.error).toMatchObject({ segment: 'header', field: 'A9' });
    const version = decodeRequest(SAMPLE.replace('016904D0', '01690451'));
    expect(!version.ok && version.error).toMatchObject({ segment: 'header', field: 'A2' });
    const p1 = decodeRequest(SAMPLE.replace('D0B1', 'D0P1'));
    expect(!p1.ok && p1.error).toMatchObject({ segment: 'header', field: 'A3' });
    const response = decodeRequest('D0B11A011234567893     20220722');
    expect(!response.ok && response.error.reason).toMatch(/response/);
  });

  it('broken framing', () => {
    const noAm = decodeRequest(`${HEADER}${SS}${FS}XX07`);
    expect(!noAm.ok && noAm.error).toMatchObject({ segment: 'frame', field: 'AM', offset: 58 });
    const shortField = decodeRequest(`${HEADER}${SS}${FS}AM07${FS}D`);
    expect(!shortField.ok && shortField.error).toMatchObject({ segment: 'AM07' });
    const stray = decodeRequest(`${HEADER}X`);
    expect(!stray.ok && stray.error).toMatchObject({ segment: 'frame', offset: 56 });
  });
});
