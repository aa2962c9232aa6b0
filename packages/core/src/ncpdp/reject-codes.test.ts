import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explainReject, normalizeRejectCode, REJECT_CODES } from './reject-codes';
import { REQUEST_SEGMENTS } from './request-schema';
import { RESPONSE_SEGMENTS } from './response-schema';

const CARIN_TSV = new URL(
  '../../../../../shared/data/ncpdp-reject-codes/ncpdp_reject_codes_511FB_public_subset.tsv',
  import.meta.url,
);

describe('REJECT_CODES table', () => {
  it('covers far more than the ~150 codes pharmacies meet most', () => {
    expect(Object.keys(REJECT_CODES).length).toBeGreaterThanOrEqual(450);
  });

  it('matches every row of the public CARIN/USHIK subset in ../shared/data', () => {
    const rows = readFileSync(CARIN_TSV, 'utf8').trim().split(/\r?\n/).slice(1);
    expect(rows).toHaveLength(31);
    for (const row of rows) {
      const [code, description] = row.split('\t') as [string, string];
      expect(REJECT_CODES[normalizeRejectCode(code)]?.description, code).toBe(description);
    }
  });

  it('has every code listed in domain-rules.md §5', () => {
    const listed =
      '01 04 05 06 07 08 09 10 15 16 17 19 21 22 25 26 28 29 3W 3Y 40 41 56 71 77 88 92 99 AC E5 E6 M2 NN R8 65 69 70 75 76 79 83 85 MR';
    for (const code of listed.split(' ')) expect(REJECT_CODES[code], code).toBeDefined();
    expect(REJECT_CODES['88']?.description).toBe('DUR Reject Error');
    expect(REJECT_CODES['79']?.description).toBe('Refill Too Soon');
  });

  it('gives every code a description, plain meaning, next action and source', () => {
    for (const info of Object.values(REJECT_CODES)) {
      expect(info.description.length).toBeGreaterThan(3);
      expect(info.plain.length).toBeGreaterThan(10);
      expect(info.source).toMatch(/VistA|CARIN/);
      if (info.nextAction.kind === 'correct-field' && info.nextAction.field) {
        expect(info.nextAction.field).toMatch(/^[0-9A-Z]{2}$/);
      }
    }
  });
});

describe('next actions the UI switches on', () => {
  it.each([
    ['70', 'show-formulary-alternatives'],
    ['75', 'open-prior-authorization'],
    ['76', 'propose-allowed-quantity'],
    ['79', 'show-earliest-fill-date'],
    ['41', 'bill-other-payer-first'],
    ['88', 'pharmacist-dur-override'],
    ['65', 'run-eligibility'],
    ['83', 'check-duplicate-claim'],
    ['92', 'resubmit-later'],
    ['R8', 'contact-software-vendor'],
    ['PK', 'contact-software-vendor'],
    ['85', 'call-help-desk'],
  ])('%s → %s', (code, kind) => {
    expect(explainReject(code).nextAction.kind).toBe(kind);
  });

  it.each([
    ['19', 'D5'],
    ['07', 'C2'],
    ['21', 'D7'],
    ['25', 'DB'],
    ['CA', 'CA'],
    ['E7', 'E7'],
    ['DV', 'DV'],
    ['56', 'DB'],
    ['UU', 'D8'],
    ['7D', 'C4'],
    ['PZ', '28'],
    ['MK', 'MG'],
  ])('M/I and non-matched code %s → correct-field %s', (code, field) => {
    expect(explainReject(code).nextAction).toEqual({ kind: 'correct-field', field });
    expect(explainReject(code).field).toBe(field);
  });

  it('maps numeric M/I codes to fields the codec knows (header or a segment schema)', () => {
    const known = new Set(['A1', 'A2', 'A3', 'A4', 'A9', 'B1', 'B2', 'D1', 'AK', 'DO']);
    for (const seg of [...Object.values(REQUEST_SEGMENTS), ...Object.values(RESPONSE_SEGMENTS)]) {
      for (const id of seg.slots.keys()) known.add(id);
    }
    for (const info of Object.values(REJECT_CODES)) {
      if (/^\d\d$/.test(info.code) && info.field) expect(known.has(info.field), info.code).toBe(true);
    }
  });
});

describe('explainReject', () => {
  it('accepts the spellings found in payer sheets and the CARIN table', () => {
    expect(explainReject('1')).toMatchObject({ code: '01', known: true, description: 'M/I Bin Number' });
    expect(explainReject('Ø5').code).toBe('05');
    expect(explainReject(' mr ').code).toBe('MR');
  });

  it('answers unknown codes with a help-desk action instead of failing', () => {
    expect(explainReject('ZQ')).toMatchObject({ known: false, nextAction: { kind: 'call-help-desk' } });
  });
});
