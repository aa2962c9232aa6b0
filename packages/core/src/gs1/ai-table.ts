// GS1 Application Identifier table (a pharmacy-relevant subset).
// Source: GS1 General Specifications §3 (AI definitions) and §5.10.1 Figure 5.10.1-2 (AIs with
// predefined length, which need no FNC1 separator), as machine-readably restated in the
// GS1 Barcode Syntax Dictionary (github.com/gs1/gs1-syntax-dictionary, Apache-2.0).
// Spec notation follows that dictionary: "N14,csum" = 14 digits with a GS1 check digit,
// "X..20" = 1–20 characters of CSET 82, "[X..17]" = optional final part, "*" = predefined length.

export type Cset = 'N' | 'X' | 'Y';
export type Linter = 'csum' | 'yymmd0' | 'yymmdd' | 'hhmm' | 'zero';

export interface AiComponent {
  cset: Cset;
  min: number;
  max: number;
  optional: boolean;
  linters: Linter[];
}

export interface AiDefinition {
  ai: string;
  title: string;
  /** True for the predefined-length AIs that never need an FNC1 separator after them. */
  predefined: boolean;
  components: AiComponent[];
  minLength: number;
  maxLength: number;
}

// [AI or range, flags ('*' or ''), spec, title]
const ROWS: ReadonlyArray<readonly [string, string, string, string]> = [
  ['00', '*', 'N18,csum', 'SSCC'],
  ['01', '*', 'N14,csum', 'GTIN'],
  ['02', '*', 'N14,csum', 'CONTENT'],
  ['10', '', 'X..20', 'BATCH/LOT'],
  ['11', '*', 'N6,yymmd0', 'PROD DATE'],
  ['12', '*', 'N6,yymmd0', 'DUE DATE'],
  ['13', '*', 'N6,yymmd0', 'PACK DATE'],
  ['15', '*', 'N6,yymmd0', 'BEST BEFORE or BEST BY'],
  ['16', '*', 'N6,yymmd0', 'SELL BY'],
  ['17', '*', 'N6,yymmd0', 'USE BY or EXPIRY'],
  ['20', '*', 'N2', 'VARIANT'],
  ['21', '', 'X..20', 'SERIAL'],
  ['22', '', 'X..20', 'CPV'],
  ['235', '', 'X..28', 'TPX'],
  ['240', '', 'X..30', 'ADDITIONAL ID'],
  ['241', '', 'X..30', 'CUST. PART No.'],
  ['242', '', 'N..6', 'MTO VARIANT'],
  ['243', '', 'X..20', 'PCN'],
  ['250', '', 'X..30', 'SECONDARY SERIAL'],
  ['251', '', 'X..30', 'REF. TO SOURCE'],
  ['253', '', 'N13,csum [X..17]', 'GDTI'],
  ['254', '', 'X..20', 'GLN EXTENSION COMPONENT'],
  ['255', '', 'N13,csum [N..12]', 'GCN'],
  ['30', '', 'N..8', 'VAR. COUNT'],
  ['3100-3105', '*', 'N6', 'NET WEIGHT (kg)'],
  ['3110-3115', '*', 'N6', 'LENGTH (m)'],
  ['3120-3125', '*', 'N6', 'WIDTH (m)'],
  ['3130-3135', '*', 'N6', 'HEIGHT (m)'],
  ['3140-3145', '*', 'N6', 'AREA (m²)'],
  ['3150-3155', '*', 'N6', 'NET VOLUME (l)'],
  ['3160-3165', '*', 'N6', 'NET VOLUME (m³)'],
  ['3200-3205', '*', 'N6', 'NET WEIGHT (lb)'],
  ['3300-3305', '*', 'N6', 'GROSS WEIGHT (kg)'],
  ['3400-3405', '*', 'N6', 'GROSS WEIGHT (lb)'],
  ['3570-3575', '*', 'N6', 'NET VOLUME (oz)'],
  ['37', '', 'N..8', 'COUNT'],
  ['400', '', 'X..30', 'ORDER NUMBER'],
  ['401', '', 'X..30', 'GINC'],
  ['402', '', 'N17,csum', 'GSIN'],
  ['403', '', 'X..30', 'ROUTE'],
  ['410', '*', 'N13,csum', 'SHIP TO LOC'],
  ['411', '*', 'N13,csum', 'BILL TO'],
  ['412', '*', 'N13,csum', 'PURCHASE FROM'],
  ['413', '*', 'N13,csum', 'SHIP FOR LOC'],
  ['414', '*', 'N13,csum', 'LOC No.'],
  ['415', '*', 'N13,csum', 'PAY TO'],
  ['416', '*', 'N13,csum', 'PROD/SERV LOC'],
  ['417', '*', 'N13,csum', 'PARTY'],
  ['420', '', 'X..20', 'SHIP TO POST'],
  ['422', '', 'N3', 'ORIGIN'],
  ['7001', '', 'N13', 'NSN'],
  ['7003', '', 'N6,yymmdd N4,hhmm', 'EXPIRY TIME'],
  ['7004', '', 'N..4', 'ACTIVE POTENCY'],
  ['7006', '', 'N6,yymmdd', 'FIRST FREEZE DATE'],
  ['710', '', 'X..20', 'NHRN PZN'],
  ['711', '', 'X..20', 'NHRN CIP'],
  ['712', '', 'X..20', 'NHRN CN'],
  ['713', '', 'X..20', 'NHRN DRN'],
  ['714', '', 'X..20', 'NHRN AIM'],
  ['715', '', 'X..20', 'NHRN NDC'],
  ['7240', '', 'X..20', 'PROTOCOL'],
  ['8001', '', 'N14', 'DIMENSIONS'],
  ['8002', '', 'X..20', 'CMT No.'],
  ['8003', '', 'N1,zero N13,csum [X..16]', 'GRAI'],
  ['8004', '', 'X..30', 'GIAI'],
  ['8005', '', 'N6', 'PRICE PER UNIT'],
  ['8006', '', 'N14,csum N4', 'ITIP'],
  ['8007', '', 'X..34', 'IBAN'],
  ['8008', '', 'N8 [N..4]', 'PROD TIME'],
  ['8010', '', 'Y..30', 'CPID'],
  ['8011', '', 'N..12', 'CPID SERIAL'],
  ['8012', '', 'X..20', 'VERSION'],
  ['8013', '', 'X..25', 'GMN'],
  ['8017', '', 'N18,csum', 'GSRN - PROVIDER'],
  ['8018', '', 'N18,csum', 'GSRN - RECIPIENT'],
  ['8019', '', 'N..10', 'SRIN'],
  ['8020', '', 'X..25', 'REF No.'],
  ['8026', '', 'N14,csum N4', 'ITIP CONTENT'],
  ['8200', '', 'X..70', 'PRODUCT URL'],
  ['90', '', 'X..30', 'INTERNAL'],
  ['91-99', '', 'X..90', 'INTERNAL'],
];

function parseComponent(token: string): AiComponent {
  const optional = token.startsWith('[');
  const [typeLen = '', ...linters] = token.replace(/[[\]]/g, '').split(',');
  const cset = typeLen[0] as Cset;
  const len = typeLen.slice(1);
  const variable = len.startsWith('..');
  const n = Number(variable ? len.slice(2) : len);
  return { cset, min: variable ? 1 : n, max: n, optional, linters: linters as Linter[] };
}

function define(ai: string, flags: string, spec: string, title: string): AiDefinition {
  const components = spec.split(/\s+/).map(parseComponent);
  const minLength = components.reduce((s, c) => s + (c.optional ? 0 : c.min), 0);
  const maxLength = components.reduce((s, c) => s + c.max, 0);
  return { ai, title, predefined: flags === '*', components, minLength, maxLength };
}

function expand(range: string): string[] {
  const [from = '', to] = range.split('-');
  if (!to) return [from];
  const out: string[] = [];
  for (let n = Number(from); n <= Number(to); n++) out.push(String(n).padStart(from.length, '0'));
  return out;
}

export const AI_TABLE: ReadonlyMap<string, AiDefinition> = new Map(
  ROWS.flatMap(([range, flags, spec, title]) =>
    expand(range).map((ai) => [ai, define(ai, flags, spec, title)] as const),
  ),
);

/** Finds the AI at the start of `text` (AIs are prefix-free, so the first hit is the only one). */
export function lookupAi(text: string, from = 0): AiDefinition | undefined {
  for (let len = 2; len <= 4; len++) {
    const def = AI_TABLE.get(text.slice(from, from + len));
    if (def) return def;
  }
  return undefined;
}

export function isFixedLength(def: AiDefinition): boolean {
  return def.minLength === def.maxLength;
}
