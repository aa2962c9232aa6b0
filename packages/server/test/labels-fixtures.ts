import fs from 'node:fs';
import path from 'node:path';
import { FEDERAL_TRANSFER_CAUTION, type LabelData } from '@apotheca/core/labels';

// Real NDCs from /work/shared/data/nadac-2025-derived (CMS NADAC 2025); names and numbers are test-only.
const NADAC = path.resolve(
  import.meta.dirname,
  '../../../../shared/data/nadac-2025-derived/nadac_2025_common_drugs_derived.tsv',
);

/** The NADAC description of an NDC, so a test can prove the NDC it uses is the product it claims. */
export function nadacDescription(ndc11: string): string {
  const row = fs
    .readFileSync(NADAC, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${ndc11}\t`));
  if (!row) throw new Error(`NDC ${ndc11} not in the NADAC file`);
  return row.split('\t')[1] ?? '';
}

export const HYDROXYZINE_NDC = '00093506001'; // HYDROXYZINE HCL 10 MG TABLET
export const OXYCODONE_APAP_NDC = '00406051201'; // OXYCODONE-ACETAMINOPHEN 5-325 MG TAB (CII)

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
      ndc11: HYDROXYZINE_NDC,
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

export function buildControlledLabel(overrides: Partial<LabelData> = {}): LabelData {
  return buildLabel({
    rxNumber: '7000456',
    drug: {
      name: 'oxyCODONE-acetaminophen',
      strength: '5 mg-325 mg',
      form: 'tablet',
      ndc11: OXYCODONE_APAP_NDC,
    },
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
