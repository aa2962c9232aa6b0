import { FEDERAL_TRANSFER_CAUTION } from './aux-rules';
import { isIsoDate } from './dates';
import { DEA_SCHEDULES, type LabelData, type LabelIssue } from './types';

// FDCA §503(b)(2) (21 USC 353(b)(2)): an Rx label bears the dispenser's name and address, the serial number
// and date of the prescription or its filling, the prescriber's name, the patient's name if stated, and the
// directions for use and cautionary statements. 21 CFR 1306.14(a) (CII) and 1306.24(a) (CIII–V) require the
// same on controlled-substance labels: pharmacy name and address, serial number, date of initial filling,
// patient name, prescriber name, directions and cautionary statements.
const FDCA = 'FDCA 503(b)(2)';
const CS = (d: LabelData) => (d.deaSchedule === 'CII' ? '21 CFR 1306.14(a)' : '21 CFR 1306.24(a)');
const STATE = 'State board labeling rules; USP <17> Prescription Container Labeling';

/** Code 128 subset B without ZPL's special characters (^ > ~ need invocation codes in ^BC data). */
export const BARCODE_VALUE = /^[A-Za-z0-9][A-Za-z0-9\-./]{0,39}$/;

const blank = (v: unknown): boolean => typeof v !== 'string' || v.trim() === '';

/** Names every missing or invalid mandatory element, with the rule that requires it. Empty = printable. */
export function validateLabel(data: LabelData): LabelIssue[] {
  const issues: LabelIssue[] = [];
  const controlled = data.deaSchedule !== undefined;
  const law = controlled ? `${FDCA}; ${CS(data)}` : FDCA;
  const need = (field: string, value: unknown, what: string, source = law) => {
    if (blank(value)) issues.push({ field, kind: 'missing', reason: `${what} is required`, source });
  };
  need('pharmacy.name', data.pharmacy?.name, 'Pharmacy name');
  need('pharmacy.address', data.pharmacy?.address, 'Pharmacy address');
  need('rxNumber', data.rxNumber, 'Prescription serial (Rx) number');
  need('fillDate', data.fillDate, 'Date of filling');
  need('prescriberName', data.prescriberName, 'Prescriber name');
  need('patient.name', data.patient?.name, 'Patient name');
  need('directions', data.directions, 'Directions for use');
  need('drug.name', data.drug?.name, 'Drug name', STATE);
  need('drug.strength', data.drug?.strength, 'Drug strength', STATE);
  need('discardAfter', data.discardAfter, 'Discard-after (beyond-use) date', 'USP <1191>; state rules');
  need('barcodeValue', data.barcodeValue, 'Barcode value', 'Apotheca fill verification (scan at pickup)');

  const invalid = (field: string, reason: string, source: string) =>
    issues.push({ field, kind: 'invalid', reason, source });
  for (const field of ['fillDate', 'discardAfter', 'refillsExpire'] as const) {
    const v = data[field];
    if (!blank(v) && !isIsoDate(v as string)) invalid(field, 'must be an ISO date YYYY-MM-DD', 'ISO 8601');
  }
  if (isIsoDate(data.fillDate) && isIsoDate(data.discardAfter) && data.discardAfter < data.fillDate)
    invalid('discardAfter', 'is before the fill date', 'USP <1191>');
  if (!blank(data.drug?.ndc11) && !/^\d{11}$/.test(data.drug.ndc11))
    invalid('drug.ndc11', 'must be 11 digits (5-4-2, no hyphens)', 'HIPAA 11-digit NDC');
  if (!Number.isFinite(data.quantity) || data.quantity <= 0)
    invalid('quantity', 'must be a positive number', STATE);
  if (!Number.isInteger(data.refillsLeft) || data.refillsLeft < 0)
    invalid('refillsLeft', 'must be a whole number ≥ 0', STATE);
  if (!Number.isInteger(data.fillNumber) || data.fillNumber < 0)
    invalid('fillNumber', 'must be a whole number ≥ 0', STATE);
  if (!blank(data.barcodeValue) && !BARCODE_VALUE.test(data.barcodeValue))
    invalid(
      'barcodeValue',
      'must be 1–40 letters, digits, "-", "." or "/" starting with a letter or digit',
      'Code 128 subset B; ZPL II ^BC',
    );

  if (controlled) {
    if (!(DEA_SCHEDULES as readonly string[]).includes(data.deaSchedule as string))
      invalid('deaSchedule', `must be one of ${DEA_SCHEDULES.join(', ')}`, '21 CFR 1308');
    // 21 CFR 1306.12(a): a CII prescription may not be refilled.
    if (data.deaSchedule === 'CII' && data.refillsLeft > 0)
      invalid('refillsLeft', 'a Schedule II prescription has no refills', '21 CFR 1306.12(a)');
    if (
      ['CII', 'CIII', 'CIV'].includes(data.deaSchedule as string) &&
      !data.auxiliary?.includes(FEDERAL_TRANSFER_CAUTION)
    )
      issues.push({
        field: 'auxiliary',
        kind: 'missing',
        reason: 'The federal transfer caution is required on CII–CIV labels',
        source: '21 CFR 290.5',
      });
  }
  return issues;
}
