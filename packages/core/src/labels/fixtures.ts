import { FEDERAL_TRANSFER_CAUTION } from './aux-rules';
import type { LabelData } from './types';

/**
 * Test label factory (Outline-style `build…(overrides)`). Names and numbers are test-only; the NDC is real:
 * 00093506001 HYDROXYZINE HCL 10 MG TABLET (/work/shared/data/nadac-2025-derived).
 */
export function buildLabel(overrides: Partial<LabelData> = {}): LabelData {
  return {
    pharmacy: {
      name: 'Test Pharmacy #1',
      address: '100 Example St, Springfield, IL 62701',
      phone: '(555) 010-0100',
    },
    patient: { name: 'TESTPATIENT, ALEX', address: '1 Test Lane, Springfield, IL' },
    rxNumber: '7000123',
    fillNumber: 0,
    fillDate: '2025-03-14',
    drug: {
      name: 'hydrOXYzine HCl',
      strength: '10 mg',
      form: 'tablet',
      ndc11: '00093506001',
      manufacturer: 'Teva',
    },
    directions: 'Take 1 tablet by mouth three times a day as needed for itching.',
    quantity: 30,
    unit: 'tablets',
    refillsLeft: 2,
    refillsExpire: '2026-03-14',
    prescriberName: 'Dr. Test Prescriber',
    discardAfter: '2026-03-14',
    auxiliary: ['May cause drowsiness. Use care when driving or operating machinery.'],
    pharmacistInitials: 'TP',
    barcodeValue: '7000123-00',
    ...overrides,
  };
}

/** A CII label (oxycodone-acetaminophen; real NDC 00406051201 from the same file). */
export function buildControlledLabel(overrides: Partial<LabelData> = {}): LabelData {
  return buildLabel({
    rxNumber: '7000456',
    drug: { name: 'oxyCODONE-acetaminophen', strength: '5 mg-325 mg', form: 'tablet', ndc11: '00406051201' },
    directions: 'Take 1 tablet by mouth every 6 hours as needed for pain.',
    quantity: 12,
    refillsLeft: 0,
    deaSchedule: 'CII',
    auxiliary: [
      FEDERAL_TRANSFER_CAUTION,
      'May cause drowsiness. Use care when driving or operating machinery.',
    ],
    barcodeValue: '7000456-00',
    ...overrides,
  });
}
