import { type D0Response, explainReject } from '@apotheca/core/ncpdp';

/** What we keep of a payer response (claims.response_json): enough to explain rejects and show amounts. */
export interface ResponseSummary {
  headerStatus: 'A' | 'R';
  transactionStatus: string | null;
  authorizationNumber: string | null;
  rejects: { code: string; fieldOccurrence?: number }[];
  messages: string[];
  preferredProducts: { ndc11: string; description?: string }[];
  dur: {
    reasonForServiceCode?: string;
    clinicalSignificanceCode?: string;
    previousDateOfFill?: string;
    quantityOfPreviousFill?: number;
    otherPharmacyIndicator?: string;
    freeText?: string;
    additionalText?: string;
  }[];
  otherPayers: {
    bin?: string;
    pcn?: string;
    cardholderId?: string;
    groupId?: string;
    coverageType: string;
  }[];
  patientPayCents: number | null;
  planPayCents: number | null;
  ingredientCostPaidCents: number | null;
  dispensingFeePaidCents: number | null;
  otherPayerAmountRecognizedCents: number | null;
  copayCents: number | null;
  coinsuranceCents: number | null;
}

export function summarize(r: D0Response): ResponseSummary {
  const tx = r.transactions[0];
  const st = tx?.status;
  const pr = tx?.pricing;
  return {
    headerStatus: r.header.headerResponseStatus,
    transactionStatus: st?.transactionStatus ?? null,
    authorizationNumber: st?.authorizationNumber ?? null,
    rejects: st?.rejects ?? [],
    messages: [r.message?.text, ...(st?.additionalMessages ?? []).map((m) => m.text)].filter(
      (t): t is string => !!t,
    ),
    preferredProducts: (tx?.claim?.preferredProducts ?? []).flatMap((p) =>
      p.productId ? [{ ndc11: p.productId, ...(p.description ? { description: p.description } : {}) }] : [],
    ),
    dur: (tx?.dur?.entries ?? []).map((e) => ({
      ...(e.reasonForServiceCode ? { reasonForServiceCode: e.reasonForServiceCode } : {}),
      ...(e.clinicalSignificanceCode ? { clinicalSignificanceCode: e.clinicalSignificanceCode } : {}),
      ...(e.previousDateOfFill ? { previousDateOfFill: e.previousDateOfFill } : {}),
      ...(e.quantityOfPreviousFill !== undefined ? { quantityOfPreviousFill: e.quantityOfPreviousFill } : {}),
      ...(e.otherPharmacyIndicator ? { otherPharmacyIndicator: e.otherPharmacyIndicator } : {}),
      ...(e.freeTextMessage ? { freeText: e.freeTextMessage } : {}),
      ...(e.additionalText ? { additionalText: e.additionalText } : {}),
    })),
    otherPayers: (tx?.cob?.otherPayers ?? []).map((o) => ({
      coverageType: o.coverageType,
      ...(o.id ? { bin: o.id } : {}),
      ...(o.pcn ? { pcn: o.pcn } : {}),
      ...(o.cardholderId ? { cardholderId: o.cardholderId } : {}),
      ...(o.groupId ? { groupId: o.groupId } : {}),
    })),
    patientPayCents: pr?.patientPayAmountCents ?? null,
    planPayCents: pr?.totalAmountPaidCents ?? null,
    ingredientCostPaidCents: pr?.ingredientCostPaidCents ?? null,
    dispensingFeePaidCents: pr?.dispensingFeePaidCents ?? null,
    otherPayerAmountRecognizedCents: pr?.otherPayerAmountRecognizedCents ?? null,
    copayCents: pr?.amountOfCopayCents ?? null,
    coinsuranceCents: pr?.amountOfCoinsuranceCents ?? null,
  };
}

/** Codes for the pharmacist's DUR/PPS override (NCPDP 440-E5 and 441-E6; domain-rules.md §5 [S47][S48]). */
export const PROFESSIONAL_SERVICE_CODES: Record<string, string> = {
  '00': 'No intervention',
  M0: 'Prescriber consulted',
  P0: 'Patient consulted',
  R0: 'Pharmacist consulted other source',
  MR: 'Medication review',
  DE: 'Dosing evaluation/determination',
  PE: 'Patient education/instruction',
  PM: 'Patient monitoring',
};
export const RESULT_OF_SERVICE_CODES: Record<string, string> = {
  '1A': 'Filled as is, false positive',
  '1B': 'Filled prescription as is',
  '1C': 'Filled with different dose',
  '1D': 'Filled with different directions',
  '1E': 'Filled with different drug',
  '1G': 'Filled with prescriber approval',
  '2A': 'Prescription not filled',
};

export interface NextActionView {
  kind: string;
  label: string;
  field?: string;
  /** 70/60/61/75: products the payer prefers. */
  alternatives?: { ndc11: string; description?: string }[];
  /** 76: what the plan allows, and a proposal for this fill. */
  allowedQuantity?: number;
  allowedDaysSupply?: number;
  proposal?: { quantity: number; daysSupply: number };
  /** 79 */
  earliestFillDate?: string;
  /** 41: who to bill first (from the response COB segment). */
  otherPayers?: ResponseSummary['otherPayers'];
  /** 88 */
  conflicts?: ResponseSummary['dur'];
  professionalServiceCodes?: Record<string, string>;
  resultOfServiceCodes?: Record<string, string>;
  requiresPermission?: string;
  /** The API call that takes the action. */
  endpoint?: { method: string; path: string };
}

export interface RejectView {
  code: string;
  description: string;
  plain: string;
  field?: string;
  nextAction: NextActionView;
}

const LABELS: Record<string, string> = {
  'correct-field': 'Correct the field and resubmit',
  'show-formulary-alternatives': 'Show formulary alternatives',
  'open-prior-authorization': 'Open a prior authorization',
  'propose-allowed-quantity': 'Propose the allowed quantity / days’ supply',
  'show-earliest-fill-date': 'Show the earliest fill date',
  'bill-other-payer-first': 'Bill the other payer first',
  'pharmacist-dur-override': 'Pharmacist DUR override and resubmit',
  'run-eligibility': 'Run eligibility',
  'check-duplicate-claim': 'Check for a duplicate claim',
  'contact-prescriber': 'Contact the prescriber',
  'contact-software-vendor': 'Contact the software vendor',
  'resubmit-later': 'Resubmit later',
  'call-help-desk': 'Call the plan’s help desk',
};

const iso = (d: string) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;

/** Plain-language meaning and the concrete next action for each reject, using what the payer sent back. */
export function explainRejects(
  s: ResponseSummary,
  ctx: { fillId: string; patientId: string; coverageId: string; quantity: number; daysSupply: number },
): RejectView[] {
  const text = s.messages.join(' ');
  return s.rejects.map((r) => {
    const e = explainReject(r.code);
    const kind = e.nextAction.kind;
    const a: NextActionView = { kind, label: LABELS[kind] ?? kind };
    if (e.nextAction.kind === 'correct-field' && e.nextAction.field) a.field = e.nextAction.field;
    switch (kind) {
      case 'show-formulary-alternatives':
        a.alternatives = s.preferredProducts;
        break;
      case 'open-prior-authorization':
        a.endpoint = { method: 'POST', path: '/api/pa-cases' };
        a.alternatives = s.preferredProducts;
        break;
      case 'propose-allowed-quantity': {
        const q = /MAX QTY (\d+(?:\.\d+)?)/.exec(text);
        const d = /MAX DS (\d+)/.exec(text);
        if (q) a.allowedQuantity = Number(q[1]);
        if (d) a.allowedDaysSupply = Number(d[1]);
        // Keep the daily use: cut both to the tighter limit.
        const ratio = Math.min(
          1,
          a.allowedQuantity ? a.allowedQuantity / ctx.quantity : 1,
          a.allowedDaysSupply ? a.allowedDaysSupply / ctx.daysSupply : 1,
        );
        a.proposal = {
          quantity: Math.floor(ctx.quantity * ratio * 1000) / 1000,
          daysSupply: Math.max(1, Math.floor(ctx.daysSupply * ratio)),
        };
        a.endpoint = { method: 'POST', path: `/api/fills/${ctx.fillId}/claims` };
        break;
      }
      case 'show-earliest-fill-date': {
        const m =
          /NEXT FILL DATE (\d{8})/.exec(text) ??
          /EARLIEST FILL (\d{8})/.exec(s.dur.map((x) => x.freeText).join(' '));
        if (m?.[1]) a.earliestFillDate = iso(m[1]);
        break;
      }
      case 'bill-other-payer-first':
        a.otherPayers = s.otherPayers;
        a.endpoint = { method: 'POST', path: `/api/fills/${ctx.fillId}/claims` };
        break;
      case 'pharmacist-dur-override':
        a.conflicts = s.dur;
        a.professionalServiceCodes = PROFESSIONAL_SERVICE_CODES;
        a.resultOfServiceCodes = RESULT_OF_SERVICE_CODES;
        a.requiresPermission = 'claims.dur_override';
        a.endpoint = { method: 'POST', path: `/api/fills/${ctx.fillId}/claims` };
        break;
      case 'run-eligibility':
        a.endpoint = { method: 'POST', path: '/api/eligibility' };
        break;
    }
    return {
      code: e.code,
      description: e.description,
      plain: e.plain,
      ...(e.field ? { field: e.field } : {}),
      nextAction: a,
    };
  });
}
