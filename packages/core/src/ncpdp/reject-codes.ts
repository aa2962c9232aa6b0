// Reject codes (511-FB) with a plain-language meaning and the next step the UI should offer.
// Descriptions: VistA BPS NCPDP REJECT CODES (reject-codes-data.ts) and, for the 31 codes in the
// HL7 CARIN / AHRQ USHIK public subset (../shared/data/ncpdp-reject-codes), that text.
// The next-action mapping is ours (pharmacy workflow), not part of the NCPDP standard.

import { VISTA_REJECT_CODES } from './reject-codes-data';
import { ACTION_OVERRIDES, CODE_FIELD, PLAIN_OVERRIDES } from './reject-guidance';

export type NextActionKind =
  | 'correct-field'
  | 'show-formulary-alternatives'
  | 'open-prior-authorization'
  | 'propose-allowed-quantity'
  | 'show-earliest-fill-date'
  | 'bill-other-payer-first'
  | 'pharmacist-dur-override'
  | 'run-eligibility'
  | 'check-duplicate-claim'
  | 'contact-prescriber'
  | 'contact-software-vendor'
  | 'resubmit-later'
  | 'call-help-desk';

export type NextAction =
  /** `field`: the two-character D.0 field id to fix, when the code names one. */
  { kind: 'correct-field'; field?: string } | { kind: Exclude<NextActionKind, 'correct-field'> };

export interface RejectCodeInfo {
  code: string;
  /** NCPDP short description. */
  description: string;
  /** What it means, for the pharmacy technician. */
  plain: string;
  nextAction: NextAction;
  /** D.0 field id the reject is about (M/I and Non-Matched codes). */
  field?: string;
  source: string;
}

export const VISTA_SOURCE =
  'VistA BPS NCPDP REJECT CODES file 9002313.93 (WorldVistA/VistA-M Globals/BPSF+BPS NCPDP REJECT CODES.zwr @ bcd9ff4)';
export const CARIN_SOURCE =
  'HL7 CARIN Blue Button IG NCPDP Reject Code subset, from AHRQ USHIK (HL7/carin-bb @ ff8da64; ../shared/data/ncpdp-reject-codes)';

/** The CARIN/USHIK subset, codes as NCPDP writes them (two characters). */
const CARIN_SUBSET: Record<string, string> = {
  PJ: 'M/I Request Insurance Segment',
  '01': 'M/I Bin Number',
  '04': 'M/I Processor Control Number',
  '06': 'M/I Group ID',
  '07': 'M/I Cardholder ID',
  '08': 'M/I Person Code',
  '600': 'Coverage Outside Submitted Date Of Transaction',
  N1: 'No Patient Match Found',
  '99': 'Host Processing Error',
  '92': 'System Unavailable/Host Unavailable',
  R8: 'Syntax Error',
  '21': 'M/I Product/Service ID',
  '77': 'Discontinued Product/Service ID Number',
  ET: 'M/I Quantity Prescribed',
  '26': 'M/I Unit Of Measure',
  PZ: 'Non-Matched Unit Of Measure To Product/Service ID',
  '19': 'M/I Days Supply',
  '22': 'M/I Dispense As Written (DAW)/Product Selection Code',
  PN: 'M/I Request Prescriber Segment',
  DR: 'M/I Prescriber Last Name',
  '25': 'M/I Prescriber ID',
  '56': 'Non-Matched Prescriber ID',
  '71': 'Prescriber ID Is Not Covered',
  Z5: 'M/I Service Provider Segment',
  '05': 'M/I Service Provider Number',
  YK: 'M/I Service Provider Name',
  PK: 'M/I Request Patient Segment',
  CA: 'M/I Patient First Name',
  CB: 'M/I Patient Last Name',
  '09': 'M/I Date Of Birth',
  '10': 'M/I Patient Gender Code',
};

/** "1" → "01", "Ø5" → "05", " 79 " → "79": codes as printed in payer sheets and the CARIN table. */
export function normalizeRejectCode(code: string): string {
  const c = code.trim().replace(/Ø/g, '0').toUpperCase();
  return /^\d$/.test(c) ? `0${c}` : c;
}

const FIELD_ID = /^[0-9A-Z]{2}$/;

function fieldFor(code: string, description: string): string | undefined {
  const mapped = CODE_FIELD[code];
  if (mapped) return mapped;
  // A numeric code is never itself a field id (code 18 is not field "18").
  if (/^\d+$/.test(code)) return undefined;
  if (/^(M\/I|Missing\/Invalid) /.test(description) && !/Segment$/.test(description) && FIELD_ID.test(code))
    return code;
  return undefined;
}

function defaultAction(description: string, field: string | undefined): NextAction {
  if (/Segment( Required For Adjudication| Incorrectly Formatted)?$/i.test(description))
    return { kind: 'contact-software-vendor' };
  if (/^(M\/I|Missing\/Invalid|Non-Matched) /.test(description)) {
    return field ? { kind: 'correct-field', field } : { kind: 'correct-field' };
  }
  if (/Does(n't| Not) Match (#|Number) [Oo]f Repetitions|Out Of Sequence|Not Supported$/.test(description)) {
    return { kind: 'contact-software-vendor' };
  }
  return { kind: 'call-help-desk' };
}

function defaultPlain(description: string): string {
  const mi = /^(?:M\/I|Missing\/Invalid) (.*)$/.exec(description);
  if (mi) {
    return /Segment$/.test(description)
      ? `The claim is missing the ${mi[1]} or it is malformed; the pharmacy system (or the payer sheet setup) must send it.`
      : `The ${mi[1]} is missing or not valid for this payer. Check it and resubmit.`;
  }
  const nm = /^Non-Matched (.*)$/.exec(description);
  if (nm) return `The ${nm[1]} does not match what the payer has on file. Verify it and resubmit.`;
  return `${description}. Call the plan's help desk if the reason is not clear.`;
}

function buildTable(): Record<string, RejectCodeInfo> {
  const table: Record<string, RejectCodeInfo> = {};
  const add = (code: string, description: string, source: string) => {
    const field = fieldFor(code, description);
    const override = ACTION_OVERRIDES[code];
    const nextAction: NextAction =
      override === undefined
        ? defaultAction(description, field)
        : typeof override === 'string'
          ? override === 'correct-field'
            ? field
              ? { kind: 'correct-field', field }
              : { kind: 'correct-field' }
            : { kind: override }
          : { kind: 'correct-field', field: override.field };
    const info: RejectCodeInfo = {
      code,
      description,
      plain: PLAIN_OVERRIDES[code] ?? defaultPlain(description),
      nextAction,
      source,
    };
    const f = nextAction.kind === 'correct-field' ? (nextAction.field ?? field) : field;
    if (f) info.field = f;
    table[code] = info;
  };
  for (const line of VISTA_REJECT_CODES.split('\n')) {
    const bar = line.indexOf('|');
    const code = line.slice(0, bar);
    if (CARIN_SUBSET[code] === undefined) add(code, line.slice(bar + 1), VISTA_SOURCE);
  }
  for (const [code, description] of Object.entries(CARIN_SUBSET)) add(code, description, CARIN_SOURCE);
  return table;
}

/** Reject code table keyed by normalized code ("01", "79", "MR"). */
export const REJECT_CODES: Readonly<Record<string, RejectCodeInfo>> = buildTable();

export interface RejectExplanation extends RejectCodeInfo {
  known: boolean;
}

/** Look up a reject code (any common spelling: "1", "01", "Ø1"). Unknown codes get a help-desk action. */
export function explainReject(code: string): RejectExplanation {
  const normalized = normalizeRejectCode(String(code));
  const info = REJECT_CODES[normalized];
  if (info) return { ...info, known: true };
  return {
    code: normalized,
    description: 'Unknown reject code',
    plain: `The payer returned reject code ${normalized}, which is not in our table. Read the additional message text or call the plan's help desk.`,
    nextAction: { kind: 'call-help-desk' },
    source: '',
    known: false,
  };
}
