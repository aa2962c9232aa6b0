// FDA NDC Directory rows (product.txt / package.txt, finished and unfinished layouts) → catalogue rows.
// Column names per FDA "NDC Directory file definitions"; the layout is recognised by the header row, so
// both the finished-drug files (with PROPRIETARYNAME, ROUTENAME, PHARM_CLASSES …) and the unfinished-drug
// files (a subset) load. Every rejection names the column and the reason.
import { parsePackageDescription, parseStrength } from '@apotheca/core/drugs';
import { normalizeNdc, normalizeProductNdc } from '@apotheca/core/ndc';

export type NdcLayoutKind = 'finished' | 'unfinished';

export interface Reject {
  file: string;
  line: number;
  field: string;
  reason: string;
}

const PRODUCT_REQUIRED = [
  'PRODUCTID',
  'PRODUCTNDC',
  'PRODUCTTYPENAME',
  'NONPROPRIETARYNAME',
  'DOSAGEFORMNAME',
  'STARTMARKETINGDATE',
  'ENDMARKETINGDATE',
  'MARKETINGCATEGORYNAME',
  'LABELERNAME',
  'SUBSTANCENAME',
  'ACTIVE_NUMERATOR_STRENGTH',
  'ACTIVE_INGRED_UNIT',
  'DEASCHEDULE',
];
const PACKAGE_REQUIRED = ['PRODUCTID', 'PRODUCTNDC', 'NDCPACKAGECODE', 'PACKAGEDESCRIPTION'];

export interface Header {
  index: Map<string, number>;
  count: number;
  layout: NdcLayoutKind;
}

/** Reads a header row; returns the missing columns when it is not an FDA NDC file of the expected kind. */
export function readHeader(line: string, kind: 'product' | 'package'): Header | { missing: string[] } {
  const cols = line
    .replace(/^\uFEFF/, '')
    .split('\t')
    .map((c) => c.trim().toUpperCase());
  const index = new Map(cols.map((c, i) => [c, i]));
  const missing = (kind === 'product' ? PRODUCT_REQUIRED : PACKAGE_REQUIRED).filter((c) => !index.has(c));
  if (missing.length) return { missing };
  const finished = kind === 'product' ? index.has('PROPRIETARYNAME') : index.has('STARTMARKETINGDATE');
  return { index, count: cols.length, layout: finished ? 'finished' : 'unfinished' };
}

export interface ProductFields {
  id: string;
  product_key: string;
  product_ndc: string;
  product_type: string | null;
  proprietary_name: string | null;
  proprietary_name_suffix: string | null;
  nonproprietary_name: string | null;
  dosage_form: string | null;
  route: string | null;
  labeler: string | null;
  marketing_category: string | null;
  application_number: string | null;
  marketing_start: string | null;
  marketing_end: string | null;
  dea_schedule: string | null;
  pharm_classes_json: string;
  ingredients_json: string;
  listing_certified_through: string | null;
}

export interface PackageFields {
  ndc11: string;
  product_id: string;
  ndc10: string | null;
  gtin14: string | null;
  description: string | null;
  quantity: number | null;
  quantity_unit: string | null;
  marketing_start: string | null;
  marketing_end: string | null;
  is_sample: number;
}

type Parsed<T> = { ok: true; row: T } | { ok: false; field: string; reason: string };
const bad = (field: string, reason: string) => ({ ok: false as const, field, reason });

const DEA = new Set(['CI', 'CII', 'CIII', 'CIV', 'CV']);

/** FDA dates are YYYYMMDD; stored as ISO dates. */
function date(v: string): string | null | undefined {
  if (v === '') return null;
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? undefined : iso;
}

/** "Opioid Agonist [EPC], Opioid Agonists [MoA]" → [{name, type}] (types EPC, MoA, PE, CS). */
export function parsePharmClasses(v: string): { name: string; type: string }[] {
  const out: { name: string; type: string }[] = [];
  for (const m of v.matchAll(/\s*([^[\]]+?)\s*\[([A-Za-z]+)\],?/g))
    out.push({ name: m[1] ?? '', type: m[2] ?? '' });
  return out;
}

function fieldsOf(h: Header, text: string): string[] | Parsed<never> {
  const f = text.split('\t');
  if (f.length !== h.count) return bad('line', `expected ${h.count} tab-separated fields, found ${f.length}`);
  return f.map((x) => x.trim());
}

export function parseProduct(h: Header, text: string): Parsed<ProductFields> {
  const f = fieldsOf(h, text);
  if (!Array.isArray(f)) return f;
  const get = (c: string) => {
    const i = h.index.get(c);
    return i === undefined ? '' : (f[i] ?? '');
  };
  const id = get('PRODUCTID');
  if (id === '') return bad('PRODUCTID', 'is empty');
  const pn = normalizeProductNdc(get('PRODUCTNDC'));
  if (!pn.ok) return bad('PRODUCTNDC', pn.error.reason);
  const start = date(get('STARTMARKETINGDATE'));
  if (start === undefined)
    return bad('STARTMARKETINGDATE', `"${get('STARTMARKETINGDATE')}" is not a YYYYMMDD date`);
  const end = date(get('ENDMARKETINGDATE'));
  if (end === undefined)
    return bad('ENDMARKETINGDATE', `"${get('ENDMARKETINGDATE')}" is not a YYYYMMDD date`);
  const certified = date(get('LISTING_RECORD_CERTIFIED_THROUGH'));
  if (certified === undefined) return bad('LISTING_RECORD_CERTIFIED_THROUGH', 'is not a YYYYMMDD date');
  const dea = get('DEASCHEDULE');
  if (dea !== '' && !DEA.has(dea)) return bad('DEASCHEDULE', `"${dea}" is not CI, CII, CIII, CIV or CV`);
  let ingredients: unknown[] = [];
  if (get('ACTIVE_NUMERATOR_STRENGTH') !== '' || get('ACTIVE_INGRED_UNIT') !== '') {
    const s = parseStrength(
      get('ACTIVE_NUMERATOR_STRENGTH'),
      get('ACTIVE_INGRED_UNIT'),
      get('SUBSTANCENAME'),
    );
    if (!s.ok) return bad('ACTIVE_NUMERATOR_STRENGTH', s.error.reason);
    ingredients = s.ingredients;
  } else if (get('SUBSTANCENAME') !== '') {
    ingredients = get('SUBSTANCENAME')
      .split(';')
      .map((n) => ({ name: n.trim() }));
  }
  const opt = (c: string) => get(c) || null;
  return {
    ok: true,
    row: {
      id,
      product_key: pn.productKey,
      product_ndc: get('PRODUCTNDC'),
      product_type: opt('PRODUCTTYPENAME'),
      proprietary_name: opt('PROPRIETARYNAME'),
      proprietary_name_suffix: opt('PROPRIETARYNAMESUFFIX'),
      nonproprietary_name: opt('NONPROPRIETARYNAME'),
      dosage_form: opt('DOSAGEFORMNAME'),
      route: opt('ROUTENAME'),
      labeler: opt('LABELERNAME'),
      marketing_category: opt('MARKETINGCATEGORYNAME'),
      application_number: opt('APPLICATIONNUMBER'),
      marketing_start: start,
      marketing_end: end,
      dea_schedule: dea || null,
      pharm_classes_json: JSON.stringify(parsePharmClasses(get('PHARM_CLASSES'))),
      ingredients_json: JSON.stringify(ingredients),
      listing_certified_through: certified,
    },
  };
}

export function parsePackage(
  h: Header,
  text: string,
  productIds: { has(id: string): boolean },
): Parsed<PackageFields> {
  const f = fieldsOf(h, text);
  if (!Array.isArray(f)) return f;
  const get = (c: string) => {
    const i = h.index.get(c);
    return i === undefined ? '' : (f[i] ?? '');
  };
  const productId = get('PRODUCTID');
  const code = get('NDCPACKAGECODE');
  const n = normalizeNdc(code);
  if (!n.ok || !n.layout || !/^\d+-\d+-\d+$/.test(code))
    return bad(
      'NDCPACKAGECODE',
      `"${code}" is not a dashed 10-digit NDC (${n.ok ? 'no layout' : n.error.reason})`,
    );
  const pn = normalizeProductNdc(get('PRODUCTNDC'));
  if (!pn.ok) return bad('PRODUCTNDC', pn.error.reason);
  if (n.productKey !== pn.productKey)
    return bad('NDCPACKAGECODE', `${code} does not belong to product ${get('PRODUCTNDC')}`);
  if (!productIds.has(productId)) return bad('PRODUCTID', `product ${productId} is not in the product file`);
  const desc = get('PACKAGEDESCRIPTION');
  // FDA always fills it; a hand-made extract may not, and the package is still worth loading.
  const pd = desc === '' ? null : parsePackageDescription(desc);
  if (pd && !pd.ok) return bad('PACKAGEDESCRIPTION', pd.error.reason);
  const start = date(get('STARTMARKETINGDATE'));
  if (start === undefined) return bad('STARTMARKETINGDATE', 'is not a YYYYMMDD date');
  const end = date(get('ENDMARKETINGDATE'));
  if (end === undefined) return bad('ENDMARKETINGDATE', 'is not a YYYYMMDD date');
  return {
    ok: true,
    row: {
      ndc11: n.ndc11,
      product_id: productId,
      ndc10: n.ndc10 ?? null,
      gtin14: n.gtin14 ?? null,
      description: desc || null,
      quantity: pd?.ok ? pd.totalQuantity || null : null,
      quantity_unit: pd?.ok ? pd.baseUnit || null : null,
      marketing_start: start,
      marketing_end: end,
      is_sample: get('SAMPLE_PACKAGE') === 'Y' ? 1 : 0,
    },
  };
}
