/** DEA schedules that can appear on a dispensed label (CI drugs are never dispensed on prescription). */
export const DEA_SCHEDULES = ['CII', 'CIII', 'CIV', 'CV'] as const;
export type DeaSchedule = (typeof DEA_SCHEDULES)[number];

/**
 * Everything a prescription label prints. Built by the fill workflow (or sent to the preview route);
 * renderers print it as given, so the drug name arrives already in tall-man form where one applies.
 */
export interface LabelData {
  pharmacy: { name: string; address: string; phone: string; dea?: string | undefined };
  patient: { name: string; address?: string | undefined };
  /** The prescription's serial number (FDCA 503(b)(2) "serial number"). */
  rxNumber: string;
  /** 0 for the original fill, 1 for the first refill, … */
  fillNumber: number;
  /** ISO date (YYYY-MM-DD) the prescription was filled. */
  fillDate: string;
  drug: {
    /** Display name, tall-man lettering preserved (e.g. "hydrOXYzine HCl"). */
    name: string;
    strength: string;
    form: string;
    /** 11-digit NDC (5-4-2) of the product dispensed. */
    ndc11: string;
    manufacturer?: string | undefined;
  };
  /** Directions for use in plain English. */
  directions: string;
  quantity: number;
  /** Unit of the quantity, e.g. "tablets", "mL". */
  unit: string;
  refillsLeft: number;
  /** ISO date after which remaining refills lapse. */
  refillsExpire?: string | undefined;
  prescriberName: string;
  /** ISO date: the beyond-use ("discard after") date. */
  discardAfter: string;
  deaSchedule?: DeaSchedule | undefined;
  /** Auxiliary/cautionary statements, in print order (see auxiliaryWarnings). */
  auxiliary: string[];
  pharmacistInitials?: string | undefined;
  /** Value encoded in the Code 128 barcode (typically Rx number and fill). */
  barcodeValue: string;
}

/** One problem found by validateLabel: the field path, why, and the rule that requires it. */
export interface LabelIssue {
  field: string;
  kind: 'missing' | 'invalid';
  reason: string;
  source: string;
}

/** Bad input to a label function (not a label-content problem: those are LabelIssues). */
export class LabelError extends Error {
  readonly field: string;
  readonly reason: string;
  constructor(field: string, reason: string) {
    super(`${field}: ${reason}`);
    this.name = 'LabelError';
    this.field = field;
    this.reason = reason;
  }
}
