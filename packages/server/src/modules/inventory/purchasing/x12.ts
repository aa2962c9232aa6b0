import { fromX12Date, toX12Date, toX12Time } from '@apotheca/core/inventory';
import { JSEDINotation, X12Generator, X12Parser } from 'node-x12';
import { badRequest } from '../../../platform/errors';

// ASC X12 005010 with node-x12 (parser/generator). Element separator *, segment terminator ~, component >.
const OPTS = { elementDelimiter: '*', segmentTerminator: '~', subElementDelimiter: '>' };
const pad = (s: string, n: number) => s.slice(0, n).padEnd(n, ' ');

export interface Seg {
  tag: string;
  /** el[1] is the first element (X12 numbering: BEG01 = el[1]). */
  el: string[];
}
export interface Tx {
  type: string;
  control: string;
  segments: Seg[];
}

export interface Po850 {
  poNumber: string;
  createdAt: string;
  senderId: string;
  receiverId: string;
  receiverQualifier: string;
  control: number;
  shipToName: string;
  shipToDea: string | null;
  dea222: string | null;
  csos: string | null;
  lines: {
    lineNo: number;
    ndc11: string;
    packages: number;
    packageCostCents: number;
    supplierItemNo: string | null;
  }[];
}

/** 850 Purchase Order: BEG, REF (DEA Form 222 / CSOS order number), N1 ship-to with DEA number, PO1 lines by NDC. */
export function build850(po: Po850): string {
  const ctl = String(po.control % 1_000_000_000).padStart(9, '0');
  const date = toX12Date(po.createdAt);
  const time = toX12Time(po.createdAt);
  const j = new JSEDINotation(
    [
      '00',
      pad('', 10),
      '00',
      pad('', 10),
      'ZZ',
      pad(po.senderId, 15),
      po.receiverQualifier || 'ZZ',
      pad(po.receiverId, 15),
      date.slice(2),
      time,
      '^',
      '00501',
      ctl,
      '0',
      'P',
      '>',
    ],
    OPTS,
  );
  const g = j.addFunctionalGroup([
    'PO',
    po.senderId,
    po.receiverId,
    date,
    time,
    String(po.control % 1e9),
    'X',
    '005010',
  ]);
  const tx = g.addTransaction(['850', '0001']);
  tx.addSegment('BEG', ['00', 'SA', po.poNumber, '', date]);
  // REF qualifiers: "DD" document identification code is used by wholesalers for the 222 form number; CSOS
  // orders are digitally signed outside X12 and referenced here by their order number.
  if (po.dea222) tx.addSegment('REF', ['DD', po.dea222, 'DEA FORM 222']);
  if (po.csos) tx.addSegment('REF', ['DD', po.csos, 'CSOS']);
  tx.addSegment('N1', po.shipToDea ? ['ST', po.shipToName, '11', po.shipToDea] : ['ST', po.shipToName]);
  for (const l of po.lines) {
    const item = [
      '',
      String(l.lineNo),
      String(l.packages),
      'CA',
      (l.packageCostCents / 100).toFixed(2),
      '',
      'N4',
      l.ndc11,
    ];
    if (l.supplierItemNo) item.push('VN', l.supplierItemNo);
    tx.addSegment('PO1', item.slice(1));
  }
  tx.addSegment('CTT', [String(po.lines.length)]);
  return new X12Generator(j, OPTS).toString();
}

/** Parses any X12 interchange(s) into transaction sets; a parse error is a 400 naming the field. */
export function parseX12(text: string): Tx[] {
  let parsed: unknown;
  try {
    parsed = new X12Parser(true).parse(text.trim());
  } catch (err) {
    throw badRequest('invalid_x12', `Not a valid X12 interchange: ${(err as Error).message}`, [
      { field: 'x12', reason: (err as Error).message },
    ]);
  }
  type El = { value: string };
  type Seg0 = { tag: string; elements: El[] };
  type Inter = { functionalGroups: { transactions: { header: Seg0; segments: Seg0[] }[] }[] };
  const inters: Inter[] = Array.isArray(parsed) ? (parsed as Inter[]) : [parsed as Inter];
  const out: Tx[] = [];
  for (const i of inters)
    for (const g of i.functionalGroups)
      for (const t of g.transactions)
        out.push({
          type: t.header.elements[0]?.value ?? '',
          control: t.header.elements[1]?.value ?? '',
          segments: t.segments.map((s) => ({ tag: s.tag, el: ['', ...s.elements.map((e) => e.value)] })),
        });
  return out;
}

/** Qualifier/value pairs starting at element `from` (e.g. PO106/PO107, LIN02/LIN03 …). */
export function pairs(s: Seg, from: number): Map<string, string> {
  const m = new Map<string, string>();
  for (let i = from; i + 1 < s.el.length; i += 2) if (s.el[i]) m.set(s.el[i] ?? '', s.el[i + 1] ?? '');
  return m;
}

export interface Asn856 {
  shipmentId: string;
  shippedAt?: string | undefined;
  poNumber?: string | undefined;
  sellerName?: string | undefined;
  statementPresent: boolean;
  statementText?: string | undefined;
  items: { ndc11: string; lot?: string; expiry?: string; quantity?: number; serials: string[] }[];
}

/**
 * 856 Ship Notice → DSCSA transaction information. Mapping (HDA/GS1 US DSCSA ASN practice): BSN02 shipment id,
 * BSN03 date; N1*SF seller; PRF01 PO number; per item LIN (N4/ND = NDC, LT = lot), SN1 quantity, REF*LT lot,
 * DTM*036 expiry, REF*SE serial numbers; the transaction statement as YNQ (answer Y) or an NTE/REF text
 * naming the DSCSA statement.
 */
export function map856(tx: Tx): Asn856 {
  const out: Asn856 = { shipmentId: '', statementPresent: false, items: [] };
  let cur: Asn856['items'][number] | undefined;
  for (const s of tx.segments) {
    const e = (i: number) => s.el[i] ?? '';
    if (s.tag === 'BSN') {
      out.shipmentId = e(2);
      out.shippedAt = fromX12Date(e(3));
    } else if (s.tag === 'N1' && e(1) === 'SF') out.sellerName = e(2);
    else if (s.tag === 'PRF') out.poNumber = e(1);
    else if (s.tag === 'LIN') {
      const p = pairs(s, 2);
      const ndc = (p.get('N4') ?? p.get('ND') ?? '').replace(/-/g, '');
      cur = { ndc11: ndc, serials: [] };
      if (p.get('LT')) cur.lot = p.get('LT');
      out.items.push(cur);
    } else if (s.tag === 'SN1' && cur) cur.quantity = Number(e(2));
    else if (s.tag === 'REF' && cur && e(1) === 'LT') cur.lot = e(2);
    else if (s.tag === 'REF' && cur && e(1) === 'SE') cur.serials.push(e(2));
    else if (s.tag === 'DTM' && cur && e(1) === '036') {
      const d = fromX12Date(e(2));
      if (d) cur.expiry = d;
    } else if (s.tag === 'YNQ' && s.el.includes('Y')) out.statementPresent = true;
    else if (
      (s.tag === 'NTE' || s.tag === 'REF') &&
      /DSCSA|transaction statement|582/i.test(s.el.join(' '))
    ) {
      out.statementPresent = true;
      out.statementText = s.el.filter(Boolean).slice(-1)[0];
    }
  }
  return out;
}
