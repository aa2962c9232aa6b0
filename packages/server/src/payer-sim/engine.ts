import {
  type D0Request,
  type D0RequestTransaction,
  type D0Response,
  type D0ResponseTransaction,
  decodeRequest,
  encodeResponse,
} from '@apotheca/core/ncpdp';
import {
  cobEdits,
  durEdits,
  type EditResult,
  eligibility,
  emptyEdits,
  limitEdits,
  paEdits,
  prescriberEdits,
  productEdits,
  refillEdits,
  toIso,
} from './edits';
import { ClaimHistory, type SimClaim } from './history';
import type { Plan, PlansFile, PriorAuth } from './plans';
import { price } from './pricing';

const REQUEST_HEADER = /^(\d{6})D0(B1|B2|B3|E1)/;
// The D.0 field, group and segment separators (0x1C–0x1E) must not appear inside a field value.
const blankSeparators = (s: string) => [...s].map((ch) => (ch >= '\x1c' && ch <= '\x1e' ? ' ' : ch)).join('');

/**
 * The payer: adjudicates D.0 requests against the plans file and its own claim history. Synchronous and
 * in-memory; the server (server.ts) wraps it with TCP/HTTP, latency and faults.
 */
export class PayerEngine {
  readonly history = new ClaimHistory();
  readonly priorAuths: PriorAuth[];

  constructor(readonly plans: Plan[]) {
    this.priorAuths = plans.flatMap((p) => p.priorAuthorizations);
  }

  static fromFile(f: PlansFile): PayerEngine {
    return new PayerEngine(f.plans);
  }

  planFor(bin: string, pcn: string): Plan | undefined {
    return (
      this.plans.find((p) => p.bin === bin && p.pcn === pcn) ??
      this.plans.find((p) => p.bin === bin && !p.pcn)
    );
  }

  /** BIN of a raw request (for per-plan faults) without a full decode. */
  static binOf(raw: string): string | null {
    return REQUEST_HEADER.exec(raw)?.[1] ?? null;
  }

  process(raw: string): string {
    const decoded = decodeRequest(raw);
    if (!decoded.ok) return this.syntaxReject(raw, decoded.error.message);
    const req = decoded.value;
    const h = req.header;
    const base: D0Response = {
      header: {
        version: 'D0',
        transactionCode: h.transactionCode,
        transactionCount: Math.max(1, req.transactions.length),
        headerResponseStatus: 'A',
        serviceProviderIdQualifier: h.serviceProviderIdQualifier,
        serviceProviderId: h.serviceProviderId,
        dateOfService: h.dateOfService,
      },
      transactions: [],
    };
    const plan = this.planFor(h.bin, h.pcn);
    if (!plan) {
      const known = this.plans.some((p) => p.bin === h.bin);
      return this.rejectAll(
        base,
        req,
        known ? '04' : '01',
        known ? 'UNKNOWN PCN FOR THIS BIN' : 'UNKNOWN BIN',
      );
    }
    base.message = { text: plan.name.slice(0, 200) };
    const dos = toIso(h.dateOfService);
    if (h.transactionCode === 'B2') {
      base.transactions = req.transactions.map((tx) =>
        this.reverse(plan, h.serviceProviderId, h.dateOfService, tx),
      );
      return encodeResponse(base);
    }
    const { member, edits } = eligibility(plan, req, dos);
    if (!member) {
      base.transactions = (req.transactions.length ? req.transactions : [{}]).map(() => rejected(edits));
      return encodeResponse(base);
    }
    base.insurance = {
      groupId: req.insurance?.groupId ?? '',
      planId: plan.id.slice(0, 8),
      cardholderId: member.memberId,
    };
    if (h.transactionCode === 'E1') {
      const cob = emptyEdits();
      cobEdits(member, {}, cob);
      base.transactions = [
        {
          status: { transactionStatus: 'A' },
          ...(cob.otherPayers.length ? { cob: { otherPayers: cob.otherPayers } } : {}),
        },
      ];
      return encodeResponse(base);
    }
    base.transactions = req.transactions.map((tx) => this.bill(plan, req, tx, member, dos));
    return encodeResponse(base);
  }

  private bill(
    plan: Plan,
    req: D0Request,
    tx: D0RequestTransaction,
    member: NonNullable<ReturnType<typeof eligibility>['member']>,
    dos: string,
  ): D0ResponseTransaction {
    const h = req.header;
    const claim = tx.claim ?? {};
    const key = ClaimHistory.claimKey({
      bin: h.bin,
      serviceProviderId: h.serviceProviderId,
      rxNumber: claim.rxNumber ?? '',
      fillNumber: claim.fillNumber ?? 0,
      dateOfService: h.dateOfService,
    });
    const existing = this.history.findLive(key);
    let reversedForRebill: { claim: SimClaim; status: 'paid' | 'captured' } | undefined;
    if (existing && h.transactionCode === 'B1') return duplicateOf(existing);
    if (existing && h.transactionCode === 'B3') {
      reversedForRebill = { claim: existing, status: existing.status === 'captured' ? 'captured' : 'paid' };
      this.history.reverse(existing, new Date().toISOString());
    }
    const edits = emptyEdits();
    if (!claim.productId) edits.rejects.push('21');
    if (!claim.rxNumber) edits.rejects.push('16');
    if (!claim.quantityDispensed) edits.rejects.push('E7');
    if (!claim.daysSupply) edits.rejects.push('19');
    const drug = plan.formulary.find((f) => f.ndc11 === claim.productId);
    if (!edits.rejects.length) prescriberEdits(plan, tx, edits);
    if (!edits.rejects.length) productEdits(plan, drug, req, member, dos, edits);
    let pa: PriorAuth | undefined;
    if (!edits.rejects.length) {
      cobEdits(member, tx, edits);
      limitEdits(drug, tx, edits);
      pa = paEdits(plan, drug, member, this.priorAuths, dos, edits);
      refillEdits(plan, this.history, member, tx, h.serviceProviderId, dos, edits);
      durEdits(plan, this.history, member, drug, tx, h.serviceProviderId, dos, edits);
    }
    const seq = this.history.nextSeq();
    const record: SimClaim = {
      seq,
      authNumber: `SIM${String(seq).padStart(9, '0')}`,
      transactionCode: h.transactionCode === 'B3' ? 'B3' : 'B1',
      status: 'rejected',
      planId: plan.id,
      bin: h.bin,
      pcn: h.pcn,
      groupId: req.insurance?.groupId ?? '',
      memberId: member.memberId,
      serviceProviderId: h.serviceProviderId,
      rxNumber: claim.rxNumber ?? '',
      fillNumber: claim.fillNumber ?? 0,
      dateOfService: h.dateOfService,
      productId: claim.productId ?? '',
      quantity: claim.quantityDispensed ?? 0,
      daysSupply: claim.daysSupply ?? 0,
      otherCoverageCode: claim.otherCoverageCode ?? '',
      paNumber: pa?.paNumber ?? claim.priorAuthorizationNumber ?? '',
      patientPayCents: 0,
      planPayCents: 0,
      rejects: edits.rejects,
      receivedAt: new Date().toISOString(),
      reversedAt: null,
    };
    if (edits.rejects.length) {
      this.history.add(record);
      if (reversedForRebill) this.history.restore(reversedForRebill.claim, reversedForRebill.status);
      return {
        ...rejected(edits),
        claim: {
          rxReferenceQualifier: '1',
          rxNumber: record.rxNumber,
          ...(edits.preferred.length ? { preferredProducts: edits.preferred } : {}),
        },
      };
    }
    const priced = price(plan, drug, tx);
    record.status = plan.captureOnly ? 'captured' : 'paid';
    record.patientPayCents = priced.patientPayCents;
    record.planPayCents = plan.captureOnly ? 0 : priced.planPayCents;
    this.history.add(record);
    return {
      status: {
        transactionStatus: plan.captureOnly ? 'C' : 'P',
        authorizationNumber: record.authNumber,
        ...(plan.helpDeskPhone ? { helpDeskPhoneQualifier: '03', helpDeskPhone: plan.helpDeskPhone } : {}),
      },
      claim: { rxReferenceQualifier: '1', rxNumber: record.rxNumber },
      pricing: plan.captureOnly ? { ...priced.pricing, totalAmountPaidCents: 0 } : priced.pricing,
    };
  }

  private reverse(
    plan: Plan,
    provider: string,
    dos: string,
    tx: D0RequestTransaction,
  ): D0ResponseTransaction {
    const key = ClaimHistory.claimKey({
      bin: plan.bin,
      serviceProviderId: provider,
      rxNumber: tx.claim?.rxNumber ?? '',
      fillNumber: tx.claim?.fillNumber ?? 0,
      dateOfService: dos,
    });
    const found = this.history.findLive(key);
    if (!found)
      return {
        status: {
          transactionStatus: 'R',
          rejects: [{ code: '87' }],
          additionalMessages: [{ qualifier: '01', text: 'CLAIM NOT FOUND OR ALREADY REVERSED' }],
        },
        claim: { rxReferenceQualifier: '1', rxNumber: tx.claim?.rxNumber ?? '' },
      };
    this.history.reverse(found, new Date().toISOString());
    return {
      status: { transactionStatus: 'A', authorizationNumber: found.authNumber },
      claim: { rxReferenceQualifier: '1', rxNumber: found.rxNumber },
    };
  }

  private rejectAll(base: D0Response, req: D0Request, code: string, text: string): string {
    base.header.headerResponseStatus = 'R';
    const edits = { ...emptyEdits(), rejects: [code], messages: [{ qualifier: '01', text }] };
    base.transactions = (req.transactions.length ? req.transactions : [{}]).map(() => rejected(edits));
    return encodeResponse(base);
  }

  /** A request we cannot read: reject with R8 Syntax Error and the decoder's explanation. */
  private syntaxReject(raw: string, why: string): string {
    const code = /^\d{6}D0(B1|B2|B3|E1)/.exec(raw)?.[1] as 'B1' | 'B2' | 'B3' | 'E1' | undefined;
    const provider = raw.slice(21, 36).trim();
    const date = raw.slice(36, 44);
    return encodeResponse({
      header: {
        version: 'D0',
        transactionCode: code ?? 'B1',
        transactionCount: 1,
        headerResponseStatus: 'R',
        serviceProviderIdQualifier: /^\d\d$/.test(raw.slice(19, 21)) ? raw.slice(19, 21) : '01',
        serviceProviderId: /^[\w ]*$/.test(provider) ? provider : '',
        dateOfService: /^\d{8}$/.test(date) && !Number.isNaN(Date.parse(toIso(date))) ? date : '19700101',
      },
      transactions: [
        {
          status: {
            transactionStatus: 'R',
            rejects: [{ code: 'R8' }],
            additionalMessages: [{ qualifier: '01', text: blankSeparators(why).slice(0, 200) }],
          },
        },
      ],
    });
  }
}

function rejected(edits: EditResult): D0ResponseTransaction {
  return {
    status: {
      transactionStatus: 'R',
      rejects: edits.rejects.slice(0, 20).map((code) => ({ code })),
      ...(edits.messages.length ? { additionalMessages: edits.messages.slice(0, 9) } : {}),
    },
    ...(edits.dur.length ? { dur: { entries: edits.dur.slice(0, 9) } } : {}),
    ...(edits.otherPayers.length ? { cob: { otherPayers: edits.otherPayers } } : {}),
  };
}

/** A B1 for a claim already paid: D (duplicate of paid) / Q (of captured) with the original amounts. */
function duplicateOf(c: SimClaim): D0ResponseTransaction {
  return {
    status: { transactionStatus: c.status === 'captured' ? 'Q' : 'D', authorizationNumber: c.authNumber },
    claim: { rxReferenceQualifier: '1', rxNumber: c.rxNumber },
    pricing: { patientPayAmountCents: c.patientPayCents, totalAmountPaidCents: c.planPayCents },
  };
}
