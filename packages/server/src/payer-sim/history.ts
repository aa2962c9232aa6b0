/** The simulator's claim history, in memory for the life of the process (documented in docs/claims.md). */
export interface SimClaim {
  seq: number;
  authNumber: string;
  transactionCode: 'B1' | 'B3';
  /** paid | captured | rejected | reversed */
  status: 'paid' | 'captured' | 'rejected' | 'reversed';
  planId: string;
  bin: string;
  pcn: string;
  groupId: string;
  memberId: string;
  serviceProviderId: string;
  rxNumber: string;
  fillNumber: number;
  dateOfService: string;
  productId: string;
  quantity: number;
  daysSupply: number;
  otherCoverageCode: string;
  paNumber: string;
  patientPayCents: number;
  planPayCents: number;
  rejects: string[];
  receivedAt: string;
  reversedAt: string | null;
}

export class ClaimHistory {
  readonly all: SimClaim[] = [];
  private readonly live = new Map<string, SimClaim>();
  private readonly byMember = new Map<string, SimClaim[]>();
  private seq = 0;

  static claimKey(
    c: Pick<SimClaim, 'bin' | 'serviceProviderId' | 'rxNumber' | 'fillNumber' | 'dateOfService'>,
  ) {
    return `${c.bin}|${c.serviceProviderId}|${c.rxNumber}|${c.fillNumber}|${c.dateOfService}`;
  }

  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  /** The paid or captured, not reversed, claim for this pharmacy/prescription/fill/date (duplicate and reversal lookups). */
  findLive(key: string): SimClaim | undefined {
    return this.live.get(key);
  }

  /** Paid or captured claims of a member, newest last (refill-too-soon and DUR look here). */
  paidOf(planId: string, memberId: string): SimClaim[] {
    return (this.byMember.get(`${planId}|${memberId}`) ?? []).filter(
      (c) => c.status === 'paid' || c.status === 'captured',
    );
  }

  add(c: SimClaim): void {
    this.all.push(c);
    if (c.status === 'paid' || c.status === 'captured') {
      this.live.set(ClaimHistory.claimKey(c), c);
      const k = `${c.planId}|${c.memberId}`;
      const list = this.byMember.get(k);
      if (list) list.push(c);
      else this.byMember.set(k, [c]);
    }
  }

  reverse(c: SimClaim, at: string): void {
    c.status = 'reversed';
    c.reversedAt = at;
    this.live.delete(ClaimHistory.claimKey(c));
    const k = `${c.planId}|${c.memberId}`;
    const list = this.byMember.get(k);
    if (list)
      this.byMember.set(
        k,
        list.filter((x) => x !== c),
      );
  }

  /** Undo a reversal (a B3 whose rebill was rejected leaves the original claim in force). */
  restore(c: SimClaim, status: 'paid' | 'captured'): void {
    c.status = status;
    c.reversedAt = null;
    this.live.set(ClaimHistory.claimKey(c), c);
    const k = `${c.planId}|${c.memberId}`;
    this.byMember.set(k, [...(this.byMember.get(k) ?? []), c]);
  }

  clear(): void {
    this.all.length = 0;
    this.live.clear();
    this.byMember.clear();
  }
}
