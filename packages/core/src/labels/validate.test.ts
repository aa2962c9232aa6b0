import { describe, expect, it } from 'vitest';
import { buildControlledLabel, buildLabel } from './fixtures';
import type { LabelData } from './types';
import { validateLabel } from './validate';

const fields = (d: LabelData) => validateLabel(d).map((i) => `${i.kind}:${i.field}`);

describe('validateLabel', () => {
  it('accepts complete labels', () => {
    expect(validateLabel(buildLabel())).toEqual([]);
    expect(validateLabel(buildControlledLabel())).toEqual([]);
  });

  it('names each element FDCA 503(b)(2) requires when it is blank', () => {
    const d = buildLabel({
      pharmacy: { name: ' ', address: '', phone: '' },
      patient: { name: '' },
      rxNumber: '',
      fillDate: '',
      prescriberName: '',
      directions: '  ',
    });
    const issues = validateLabel(d);
    expect(issues.map((i) => i.field)).toEqual([
      'pharmacy.name',
      'pharmacy.address',
      'rxNumber',
      'fillDate',
      'prescriberName',
      'patient.name',
      'directions',
    ]);
    for (const i of issues) expect(i.source).toBe('FDCA 503(b)(2)');
  });

  it('cites 21 CFR 1306.14 for CII and 1306.24 for CIII–V', () => {
    expect(validateLabel(buildControlledLabel({ rxNumber: '' }))[0]?.source).toContain('21 CFR 1306.14(a)');
    const ciii = buildControlledLabel({ deaSchedule: 'CIII', rxNumber: '' });
    expect(validateLabel(ciii)[0]?.source).toContain('21 CFR 1306.24(a)');
  });

  it('requires the 21 CFR 290.5 caution on CII–CIV but not CV', () => {
    const noCaution = { auxiliary: ['May cause drowsiness.'] };
    expect(validateLabel(buildControlledLabel(noCaution))).toEqual([
      expect.objectContaining({ field: 'auxiliary', kind: 'missing', source: '21 CFR 290.5' }),
    ]);
    expect(fields(buildControlledLabel({ ...noCaution, deaSchedule: 'CIV', refillsLeft: 1 }))).toEqual([
      'missing:auxiliary',
    ]);
    expect(fields(buildControlledLabel({ ...noCaution, deaSchedule: 'CV', refillsLeft: 1 }))).toEqual([]);
  });

  it('refuses refills on a CII (21 CFR 1306.12(a))', () => {
    expect(validateLabel(buildControlledLabel({ refillsLeft: 1 }))).toEqual([
      expect.objectContaining({ field: 'refillsLeft', source: '21 CFR 1306.12(a)' }),
    ]);
  });

  it('flags malformed values', () => {
    expect(
      fields(
        buildLabel({
          fillDate: '2025-02-30',
          discardAfter: '2024-01-01',
          drug: { name: 'x', strength: '1 mg', form: 't', ndc11: '0009-3506-01' },
          quantity: 0,
          refillsLeft: -1,
          barcodeValue: 'RX^1~2',
        }),
      ),
    ).toEqual([
      'invalid:fillDate',
      'invalid:drug.ndc11',
      'invalid:quantity',
      'invalid:refillsLeft',
      'invalid:barcodeValue',
    ]);
    expect(fields(buildLabel({ discardAfter: '2025-03-13' }))).toEqual(['invalid:discardAfter']);
  });
});
