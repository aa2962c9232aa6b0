import { isValidNpi } from '@apotheca/core/identifiers';
import type {
  D0AdditionalMessage,
  D0DurResponseEntry,
  D0PreferredProduct,
  D0Request,
  D0RequestTransaction,
  D0ResponseOtherPayer,
} from '@apotheca/core/ncpdp';
import { refillTiming } from '@apotheca/core/rx';
import { screen } from '@apotheca/core/screening';
import type { ClaimHistory } from './history';
import type { FormularyDrug, Member, Plan, PriorAuth } from './plans';

/** What the benefit edits found: reject codes plus the detail a pharmacy needs to act on them. */
export interface EditResult {
  rejects: string[];
  messages: D0AdditionalMessage[];
  dur: D0DurResponseEntry[];
  preferred: D0PreferredProduct[];
  otherPayers: D0ResponseOtherPayer[];
}

export const emptyEdits = (): EditResult => ({
  rejects: [],
  messages: [],
  dur: [],
  preferred: [],
  otherPayers: [],
});

const DAY = 86_400_000;
export const toIso = (ccyymmdd: string) =>
  `${ccyymmdd.slice(0, 4)}-${ccyymmdd.slice(4, 6)}-${ccyymmdd.slice(6, 8)}`;
export const toCcyymmdd = (iso: string) => iso.replaceAll('-', '');
const days = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;

export function ageInYears(dob: string, on: string): number {
  const [by, bm, bd] = dob.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

const msg = (text: string): D0AdditionalMessage => ({ qualifier: '01', text: text.slice(0, 200) });

/** Eligibility: cardholder on the roster (52), group (06), coverage dates (65). Returns the member or rejects. */
export function eligibility(plan: Plan, req: D0Request, dos: string): { member?: Member; edits: EditResult } {
  const edits = emptyEdits();
  const id = req.insurance?.cardholderId?.trim();
  if (!id) {
    edits.rejects.push('07');
    return { edits };
  }
  const member = plan.members.find((m) => m.memberId === id);
  if (!member) {
    edits.rejects.push('52');
    edits.messages.push(msg('CARDHOLDER ID NOT ON FILE'));
    return { edits };
  }
  const group = req.insurance?.groupId?.trim() ?? '';
  if (plan.groups.length && !plan.groups.includes(group)) {
    edits.rejects.push('06');
    return { edits };
  }
  if (
    (member.effectiveFrom && dos < member.effectiveFrom) ||
    (member.terminatedOn && dos > member.terminatedOn)
  ) {
    edits.rejects.push('65');
    edits.messages.push(
      msg(
        member.terminatedOn && dos > member.terminatedOn
          ? `COVERAGE TERMINATED ${member.terminatedOn}`
          : 'COVERAGE NOT IN EFFECT ON DATE OF SERVICE',
      ),
    );
    return { edits };
  }
  return { member, edits };
}

/** Prescriber: NPI present and valid (25), on the plan's file when it keeps one (56), not excluded (71). */
export function prescriberEdits(plan: Plan, tx: D0RequestTransaction, edits: EditResult): void {
  const npi = tx.prescriber?.prescriberId?.trim() ?? '';
  const qualifier = tx.prescriber?.prescriberIdQualifier ?? '01';
  if (plan.prescribers.requireValidNpi && (qualifier !== '01' || !isValidNpi(npi))) {
    edits.rejects.push('25');
    edits.messages.push(msg('PRESCRIBER NPI MISSING OR INVALID'));
    return;
  }
  if (plan.prescribers.known && !plan.prescribers.known.includes(npi)) {
    edits.rejects.push('56');
    edits.messages.push(msg('PRESCRIBER NPI NOT ON PLAN FILE'));
    return;
  }
  if (plan.prescribers.excluded.includes(npi)) edits.rejects.push('71');
}

function preferred(plan: Plan, drug: FormularyDrug | undefined): D0PreferredProduct[] {
  return (drug?.alternatives ?? []).slice(0, 6).map((ndc) => {
    const alt = plan.formulary.find((f) => f.ndc11 === ndc);
    return {
      productIdQualifier: '03',
      productId: ndc,
      ...(alt ? { description: alt.name.slice(0, 40) } : {}),
    };
  });
}

/** Coverage of the product itself: not covered (70), age (60), gender (61). */
export function productEdits(
  plan: Plan,
  drug: FormularyDrug | undefined,
  req: D0Request,
  member: Member,
  dos: string,
  edits: EditResult,
): void {
  if ((!drug && plan.formularyMode === 'closed') || drug?.covered === false) {
    edits.rejects.push('70');
    edits.preferred.push(...preferred(plan, drug));
    edits.messages.push(msg('PRODUCT NOT COVERED - SEE PREFERRED ALTERNATIVES'));
    return;
  }
  if (!drug) return;
  if (drug.minAge !== undefined || drug.maxAge !== undefined) {
    const dobWire = req.patient?.dateOfBirth;
    const dob = dobWire ? toIso(dobWire) : member.dateOfBirth;
    if (!dob) {
      edits.rejects.push('09');
      return;
    }
    const age = ageInYears(dob, dos);
    if (
      (drug.minAge !== undefined && age < drug.minAge) ||
      (drug.maxAge !== undefined && age > drug.maxAge)
    ) {
      edits.rejects.push('60');
      edits.messages.push(msg(`COVERED AGES ${drug.minAge ?? 0}-${drug.maxAge ?? 'ANY'}`));
      edits.preferred.push(...preferred(plan, drug));
    }
  }
  if (drug.gender) {
    const g = req.patient?.genderCode ?? member.gender;
    if (!g || g === '0') edits.rejects.push('10');
    else if (g !== drug.gender) {
      edits.rejects.push('61');
      edits.preferred.push(...preferred(plan, drug));
    }
  }
}

/** Other coverage (41): this plan pays after the member's other plans; a claim must come with their COB. */
export function cobEdits(member: Member, tx: D0RequestTransaction, edits: EditResult): void {
  if (!member.otherCoverage.length) return;
  const occ = tx.claim?.otherCoverageCode ?? '0';
  const billedOther = ['2', '3', '4', '8'].includes(occ) && (tx.cob?.otherPayers?.length ?? 0) > 0;
  if (billedOther) return;
  edits.rejects.push('41');
  const first = member.otherCoverage[0];
  edits.messages.push(msg(`BILL PRIMARY PAYER FIRST BIN ${first?.bin ?? ''} PCN ${first?.pcn ?? ''}`));
  for (const o of member.otherCoverage)
    edits.otherPayers.push({
      coverageType: '01',
      idQualifier: '03',
      id: o.bin,
      ...(o.pcn ? { pcn: o.pcn } : {}),
      cardholderId: o.memberId,
      ...(o.groupId ? { groupId: o.groupId } : {}),
      ...(o.personCode ? { personCode: o.personCode } : {}),
    });
}

/** Quantity and days-supply limits (76); the message states the allowed amounts so the pharmacy can propose them. */
export function limitEdits(
  drug: FormularyDrug | undefined,
  tx: D0RequestTransaction,
  edits: EditResult,
): void {
  if (!drug) return;
  const q = tx.claim?.quantityDispensed ?? 0;
  const ds = tx.claim?.daysSupply ?? 0;
  const overQ = drug.maxQuantity !== undefined && q > drug.maxQuantity;
  const overD = drug.maxDaysSupply !== undefined && ds > drug.maxDaysSupply;
  if (!overQ && !overD) return;
  edits.rejects.push('76');
  const parts = ['PLAN LIMIT'];
  if (drug.maxQuantity !== undefined) parts.push(`MAX QTY ${drug.maxQuantity}`);
  if (drug.maxDaysSupply !== undefined) parts.push(`MAX DS ${drug.maxDaysSupply}`);
  edits.messages.push(msg(parts.join(' ')));
}

/** Prior authorization (75) unless one is on file for the member and product on the date of service. */
export function paEdits(
  plan: Plan,
  drug: FormularyDrug | undefined,
  member: Member,
  pas: readonly PriorAuth[],
  dos: string,
  edits: EditResult,
): PriorAuth | undefined {
  if (!drug?.priorAuth) return undefined;
  const pa = pas.find(
    (p) => p.memberId === member.memberId && p.ndc11 === drug.ndc11 && (!p.expiresOn || p.expiresOn >= dos),
  );
  if (pa) return pa;
  edits.rejects.push('75');
  edits.messages.push(
    msg(`PRIOR AUTHORIZATION REQUIRED${plan.helpDeskPhone ? ` CALL ${plan.helpDeskPhone}` : ''}`),
  );
  edits.preferred.push(...preferred(plan, drug));
  return undefined;
}

/** Refill too soon (79): the last paid fill of the same product must be used up to the plan's threshold. */
export function refillEdits(
  plan: Plan,
  history: ClaimHistory,
  member: Member,
  tx: D0RequestTransaction,
  provider: string,
  dos: string,
  edits: EditResult,
): void {
  const product = tx.claim?.productId ?? '';
  const last = history
    .paidOf(plan.id, member.memberId)
    .filter((c) => c.productId === product)
    .sort((a, b) => a.dateOfService.localeCompare(b.dateOfService))
    .at(-1);
  if (!last) return;
  const t = plan.refillThreshold;
  const timing = refillTiming(
    { lastFillDate: toIso(last.dateOfService), lastDaysSupply: last.daysSupply, today: dos, schedule: null },
    { noncontrolled: t, controlled: t, cii: t },
  );
  if (timing.ok) return;
  edits.rejects.push('79');
  edits.messages.push(msg(`NEXT FILL DATE ${toCcyymmdd(timing.earliestDate)}`));
  edits.dur.push({
    reasonForServiceCode: 'ER',
    clinicalSignificanceCode: '2',
    otherPharmacyIndicator: last.serviceProviderId === provider ? '1' : '3',
    previousDateOfFill: last.dateOfService,
    quantityOfPreviousFill: last.quantity,
    databaseIndicator: '4',
    freeTextMessage: `EARLIEST FILL ${toCcyymmdd(timing.earliestDate)}`,
  });
}

const SIGNIFICANCE: Record<string, string> = { contraindicated: '1', major: '1', moderate: '2', minor: '3' };

/**
 * DUR (88): drug–drug interactions and therapeutic duplication against the member's other active paid claims,
 * screened with @apotheca/core/screening. A DUR/PPS entry with the same reason code plus a professional-service
 * and a result-of-service code is the pharmacist's override (NCPDP DUR/PPS segment 439-E4/440-E5/441-E6).
 */
export function durEdits(
  plan: Plan,
  history: ClaimHistory,
  member: Member,
  drug: FormularyDrug | undefined,
  tx: D0RequestTransaction,
  provider: string,
  dos: string,
  edits: EditResult,
): void {
  if (!drug?.ingredients.length) return;
  const today = days(dos);
  const active = history
    .paidOf(plan.id, member.memberId)
    .filter((c) => c.rxNumber !== tx.claim?.rxNumber && days(toIso(c.dateOfService)) + c.daysSupply > today);
  if (!active.length) return;
  const byId = new Map(active.map((c) => [`c${c.seq}`, c]));
  const meds = active.flatMap((c) => {
    const f = plan.formulary.find((x) => x.ndc11 === c.productId);
    return f?.ingredients.length ? [{ id: `c${c.seq}`, name: f.name, ingredients: f.ingredients }] : [];
  });
  if (!meds.length) return;
  const alerts = screen(
    { activeMeds: meds, allergies: [] },
    { id: 'candidate', name: drug.name, ingredients: drug.ingredients },
  ).filter(
    (a) =>
      (a.kind === 'drug-drug' && (plan.dur.drugDrugSeverities as string[]).includes(a.severity)) ||
      (plan.dur.therapeuticDuplication &&
        (a.kind === 'therapeutic-duplication' || a.kind === 'ingredient-duplication')),
  );
  const overrides = (tx.dur?.entries ?? []).filter((e) => e.professionalServiceCode && e.resultOfServiceCode);
  const open = alerts.filter((a) => !overrides.some((o) => o.reasonForServiceCode === a.ncpdpReasonCode));
  if (!open.length) return;
  edits.rejects.push('88');
  for (const a of open.slice(0, 9)) {
    const other = a.involves.map((id) => byId.get(id)).find((c) => c !== undefined);
    const otherDrug = other ? plan.formulary.find((x) => x.ndc11 === other.productId) : undefined;
    edits.dur.push({
      reasonForServiceCode: a.ncpdpReasonCode ?? 'DD',
      clinicalSignificanceCode: SIGNIFICANCE[a.severity] ?? '2',
      ...(other
        ? {
            otherPharmacyIndicator: other.serviceProviderId === provider ? '1' : '3',
            previousDateOfFill: other.dateOfService,
            quantityOfPreviousFill: other.quantity,
          }
        : {}),
      databaseIndicator: '4',
      freeTextMessage: (otherDrug?.name ?? a.title).toUpperCase().slice(0, 30),
      additionalText: a.title.slice(0, 100),
    });
  }
  edits.messages.push(msg('DUR REJECT - PHARMACIST REVIEW REQUIRED; RESUBMIT WITH DUR/PPS CODES'));
}
