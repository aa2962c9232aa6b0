/**
 * Builds packages/server/data/catalogue/starter.json, the offline starter catalogue, from the public files in
 * ../shared/data (see its SOURCES.md): the MEPS 2018 most-purchased drugs (by total fills, totEVT) matched to
 * CMS NADAC 2025 NDCs, plus a hand-picked list of common hospital, long-term-care, oncology and dialysis drugs
 * found in the same NADAC file. Every NDC comes from NADAC (real, marketed in 2025); prices are NADAC per-unit
 * acquisition costs; labelers and package layouts come from FDA files when the NDC is in them; RxCUIs are SCDs
 * from NLM RxTerms matched by name, strength and form. DEA schedules per 21 CFR 1308.12–1308.15.
 *
 *   npx tsx packages/server/scripts/build-starter-catalogue.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { candidatesFromNdc11, ndc10ToGtin14 } from '@apotheca/core/ndc';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
const data = path.resolve(root, '../shared/data');
const out = path.join(root, 'packages/server/data/catalogue/starter.json');

const ATTRIBUTION = [
  'Source: Centers for Medicare & Medicaid Services, National Average Drug Acquisition Cost (NADAC), 2025.',
  'Source: Agency for Healthcare Research and Quality, Medical Expenditure Panel Survey, 2018.',
  'Source: U.S. Food and Drug Administration, openFDA (open.fda.gov).',
  'Source: U.S. Food and Drug Administration, National Drug Code Directory (Unfinished Drugs), June 2018.',
  'This product uses publicly available data courtesy of the U.S. National Library of Medicine (NLM), National Institutes of Health, Department of Health and Human Services; NLM is not responsible for the product and does not endorse or recommend this or any other product.',
];

// Settings beyond outpatient retail: names searched in NADAC (first word of its description).
const SETTING_DRUGS: Record<string, string[]> = {
  hospital: [
    'HEPARIN',
    'ENOXAPARIN',
    'ONDANSETRON',
    'CEFTRIAXONE',
    'VANCOMYCIN',
    'CEFAZOLIN',
    'PIPERACILLIN',
    'MEROPENEM',
    'KETOROLAC',
    'DEXAMETHASONE',
    'METHYLPREDNISOLONE',
    'FUROSEMIDE',
    'POTASSIUM',
    'SODIUM',
    'DEXTROSE',
    'LORAZEPAM',
    'HALOPERIDOL',
    'MIDAZOLAM',
    'NALOXONE',
    'FAMOTIDINE',
    'METOCLOPRAMIDE',
    'MORPHINE',
    'HYDROMORPHONE',
    'FENTANYL',
    'INSULIN',
    'LIDOCAINE',
    'AZITHROMYCIN',
    'LEVOFLOXACIN',
    'METRONIDAZOLE',
    'PANTOPRAZOLE',
  ],
  ltc: [
    'DONEPEZIL',
    'MEMANTINE',
    'QUETIAPINE',
    'MIRTAZAPINE',
    'SENNA',
    'SENNOSIDES',
    'DOCUSATE',
    'POLYETHYLENE',
    'BISACODYL',
    'CALCIUM',
    'VITAMIN',
    'FERROUS',
    'TAMSULOSIN',
    'FINASTERIDE',
    'LEVETIRACETAM',
    'DIVALPROEX',
    'RISPERIDONE',
    'OLANZAPINE',
    'WARFARIN',
    'ELIQUIS',
    'XARELTO',
    'MELATONIN',
    'BACLOFEN',
  ],
  oncology: [
    'TAMOXIFEN',
    'ANASTROZOLE',
    'LETROZOLE',
    'EXEMESTANE',
    'METHOTREXATE',
    'CAPECITABINE',
    'IMATINIB',
    'PROCHLORPERAZINE',
    'MEGESTROL',
    'CYCLOPHOSPHAMIDE',
    'HYDROXYUREA',
    'LEUCOVORIN',
    'BICALUTAMIDE',
    'ABIRATERONE',
    'TEMOZOLOMIDE',
    'MERCAPTOPURINE',
  ],
  dialysis: [
    'SEVELAMER',
    'CALCIUM',
    'CINACALCET',
    'CALCITRIOL',
    'PARICALCITOL',
    'DOXERCALCIFEROL',
    'FERRIC',
    'LANTHANUM',
    'SODIUM',
    'MIDODRINE',
    'HEPARIN',
  ],
};

// 21 CFR 1308.12 (CII), 1308.13 (CIII), 1308.14 (CIV), 1308.15 (CV). Combination rules first.
function deaSchedule(name: string, form: string): string | null {
  const n = name.toUpperCase();
  if (/CODEINE/.test(n) && /PROMETHAZINE|GUAIFENESIN/.test(n)) return 'CV';
  if (/CODEINE/.test(n) && /ACETAMINOPHEN/.test(n)) return 'CIII';
  if (/BUPRENORPHINE|TESTOSTERONE|KETAMINE|DRONABINOL|BUTALBITAL.*CODEINE/.test(n)) return 'CIII';
  if (
    /OXYCODONE|HYDROCODONE|MORPHINE|HYDROMORPHONE|FENTANYL|METHADONE|OXYMORPHONE|TAPENTADOL|CODEINE|AMPHETAMINE|METHYLPHENIDATE|LISDEXAMFETAMINE|DEXMETHYLPHENIDATE/.test(
      n,
    )
  )
    return 'CII';
  if (
    /ALPRAZOLAM|LORAZEPAM|CLONAZEPAM|DIAZEPAM|TEMAZEPAM|ZOLPIDEM|TRAMADOL|CARISOPRODOL|PHENOBARBITAL|MODAFINIL|ARMODAFINIL|ESZOPICLONE|MIDAZOLAM|CHLORDIAZEPOXIDE/.test(
      n,
    )
  )
    return 'CIV';
  if (/PREGABALIN|LACOSAMIDE|DIPHENOXYLATE/.test(n)) return 'CV';
  void form;
  return null;
}

const UCUM: Record<string, string> = {
  MG: 'mg',
  MCG: 'ug',
  G: 'g',
  GM: 'g',
  ML: 'mL',
  MEQ: 'meq',
  UNIT: '{unit}',
  UNITS: '{unit}',
  '%': '%',
};
const FORMS: Record<string, string> = {
  TAB: 'TABLET',
  TB: 'TABLET',
  CAP: 'CAPSULE',
  CP: 'CAPSULE',
  SOLN: 'SOLUTION',
  SOL: 'SOLUTION',
  SUSP: 'SUSPENSION',
  CRM: 'CREAM',
  VL: 'VIAL',
  LIQ: 'LIQUID',
  SPRY: 'SPRAY',
  DRP: 'DROPS',
  SYR: 'SYRUP',
};

interface Nadac {
  ndc11: string;
  description: string;
  unit: string;
  otc: boolean;
  price: string;
}
const nadac: Nadac[] = fs
  .readFileSync(path.join(data, 'nadac-2025-derived/nadac_2025_common_drugs_derived.tsv'), 'utf8')
  .split('\n')
  .slice(1)
  .filter(Boolean)
  .map((l) => {
    const [ndc11 = '', description = '', unit = '', otc = '', price = ''] = l.split('\t');
    return { ndc11, description, unit, otc: otc === 'Y', price };
  });

/** "OXYCODONE-ACETAMINOPHEN 5-325 MG TAB" → name, strength values/unit/denominator, form. */
function parseDescription(d: string) {
  const m =
    /^(.*?)\s+([\d.]+(?:-[\d.]+)*)\s*(MG|MCG|GM|G|ML|MEQ|UNITS?|%)(?:\s*\/\s*([\d.]*)\s*(ML|GM|G|HR|ACTUATION))?\b\s*(.*)$/.exec(
      d,
    );
  if (!m)
    return {
      name: d,
      values: [] as number[],
      unit: '',
      den: null as null | { value: number; unit: string },
      form: '',
    };
  const [, name = '', vals = '', unit = '', denV, denU, rest = ''] = m;
  const firstForm = rest
    .split(/\s+/)
    .filter((w) => !/^(ER|DR|XL|SR|HCL|ODT)$/.test(w))
    .join(' ');
  return {
    name,
    values: vals.split('-').map(Number),
    unit,
    den: denU ? { value: denV ? Number(denV) : 1, unit: UCUM[denU] ?? denU.toLowerCase() } : null,
    form: (FORMS[firstForm] ?? firstForm) || (rest.trim() ? rest.trim() : ''),
  };
}

const SALTS = new Set([
  'HCL',
  'HYDROCHLORIDE',
  'SODIUM',
  'POTASSIUM',
  'CALCIUM',
  'MAGNESIUM',
  'ER',
  'DR',
  'XL',
  'SR',
  'HBR',
  'SUCCINATE',
  'TARTRATE',
  'BESYLATE',
  'MALEATE',
  'CITRATE',
  'SULFATE',
  'ACETATE',
  'MESYLATE',
  'FUMARATE',
  'PHOSPHATE',
  'BROMIDE',
  'HFA',
  'ODT',
]);
const ingredientWords = (name: string) =>
  name
    .toUpperCase()
    .split(/[-/]/)
    .map((p) =>
      p
        .split(/\s+/)
        .filter((w) => w && !SALTS.has(w))
        .join(' '),
    )
    .filter(Boolean);

// Labeler layouts seen in FDA files, so a NADAC 11-digit NDC gets its printed 10-digit form and GTIN-14.
const known = new Map<string, string>(); // ndc11 → dashed ndc10
const labelerLayouts = new Map<string, Set<string>>();
const note = (dashed: string) => {
  const parts = dashed.split('-');
  if (parts.length !== 3) return;
  const layout = parts.map((p) => p.length).join('-');
  const lab = parts[0]?.padStart(5, '0') ?? '';
  const set = labelerLayouts.get(lab) ?? new Set<string>();
  set.add(layout);
  labelerLayouts.set(lab, set);
};
interface Fda {
  labeler: string;
  brand: string;
  generic: string;
  route: string;
  rxcui?: string;
}
const fdaByProduct = new Map<string, Fda>();
for (const l of fs
  .readFileSync(path.join(data, 'fda-ndc-finished-openfda-sample/harmonized.small.json'), 'utf8')
  .split('\n')) {
  if (!l.trim()) continue;
  const r = JSON.parse(l) as {
    package_ndc: string[];
    manufacturer_name: string;
    brand_name: string;
    generic_name: string;
    route: string;
  };
  for (const p of r.package_ndc) {
    note(p);
    const c = candidatesFromNdc11(
      p
        .split('-')
        .map((x, i) => x.padStart([5, 4, 2][i] ?? 0, '0'))
        .join(''),
    );
    const hit = c.find((x) => x.ndc10 === p);
    if (hit) {
      known.set(hit.ndc11, p);
      fdaByProduct.set(hit.ndc11.slice(0, 9), {
        labeler: r.manufacturer_name,
        brand: r.brand_name,
        generic: r.generic_name,
        route: r.route,
      });
    }
  }
}
for (const l of fs
  .readFileSync(path.join(data, 'fda-ndc-unfinished/unfinished_package.txt'), 'latin1')
  .split('\r\n')
  .slice(1))
  note(l.split('\t')[2] ?? '');

function ndc10Of(ndc11: string): string | null {
  const k = known.get(ndc11);
  if (k) return k;
  const cands = candidatesFromNdc11(ndc11);
  // Labeler codes below 10000 are the 4-digit codes (padded with a leading zero in the 11-digit form).
  if (ndc11.startsWith('0')) return cands.find((c) => c.layout === '4-4-2')?.ndc10 ?? null;
  const seen = labelerLayouts.get(ndc11.slice(0, 5));
  const fit = cands.filter((c) => (seen ? seen.has(c.layout) : true));
  return fit.length === 1 ? (fit[0]?.ndc10 ?? null) : null;
}

// RxTerms SCDs by "generic name strength form" words for RxCUI matching.
const rxterms = fs
  .readFileSync(path.join(data, 'rxterms-2013-partial/RxTerms_2013_partial.txt'), 'utf8')
  .split('\n')
  .slice(1)
  .map((l) => l.split('|'))
  .filter((f) => f[2] === 'SCD' && f[13] !== 'Y' && !f[11]);
const RX_FORM: Record<string, string> = { TABLET: 'Oral Tablet', CAPSULE: 'Oral Capsule' };
function rxcuiFor(p: ReturnType<typeof parseDescription>): string | null {
  const form = RX_FORM[p.form];
  if (!form || p.values.length !== 1 || p.den) return null;
  const ings = ingredientWords(p.name);
  if (ings.length !== 1) return null;
  const unit = p.unit === 'MCG' ? 'MCG' : p.unit;
  const hits = rxterms.filter((f) => {
    const full = (f[3] ?? '').toUpperCase();
    return (
      full.startsWith(`${ings[0]} `) &&
      full.endsWith(` ${p.values[0]} ${unit} ${form.toUpperCase()}`) &&
      !full.includes(' / ')
    );
  });
  return hits.length === 1 ? (hits[0]?.[0] ?? null) : null;
}

const title = (s: string) =>
  s.toLowerCase().replace(/(^|[\s\-/(])([a-z])/g, (_, a: string, b: string) => a + b.toUpperCase());

interface Pkg {
  ndc11: string;
  ndc10: string | null;
  gtin14: string | null;
  acquisitionPerUnit: string;
  priceUnit: string;
  priceSource: string;
  priceDate: string;
}
interface Product {
  productKey: string;
  settings: string[];
  nonproprietaryName: string;
  proprietaryName: string | null;
  dosageForm: string | null;
  route: string | null;
  labeler: string | null;
  deaSchedule: string | null;
  otc: boolean;
  nadacDescription: string;
  ingredients: {
    name: string;
    value: number;
    unit: string;
    denominatorValue: number;
    denominatorUnit: string;
  }[];
  rxcui: string | null;
  mepsRank?: number;
  packages: Pkg[];
}
const products = new Map<string, Product>();

function add(n: Nadac, setting: string, rank?: number): boolean {
  const key = n.ndc11.slice(0, 9);
  const p = parseDescription(n.description);
  let prod = products.get(key);
  if (!prod) {
    const names = ingredientWords(p.name);
    const fda = fdaByProduct.get(key);
    prod = {
      productKey: key,
      settings: [],
      nonproprietaryName: fda?.generic ?? title(p.name.replace(/-/g, ' and ')),
      proprietaryName: fda?.brand ?? null,
      dosageForm: p.form || null,
      route: fda?.route ?? (/TABLET|CAPSULE|SUSPENSION|SYRUP|LIQUID/.test(p.form) ? 'ORAL' : null),
      labeler: fda?.labeler ?? null,
      deaSchedule: deaSchedule(p.name, p.form),
      otc: n.otc,
      nadacDescription: n.description,
      ingredients:
        names.length === p.values.length
          ? names.map((name, i) => ({
              name,
              value: p.values[i] ?? 0,
              unit: UCUM[p.unit] ?? p.unit.toLowerCase(),
              denominatorValue: p.den?.value ?? 1,
              denominatorUnit: p.den?.unit ?? '1',
            }))
          : [],
      rxcui: rxcuiFor(p),
      packages: [],
    };
    if (rank !== undefined) prod.mepsRank = rank;
    products.set(key, prod);
  }
  if (!prod.settings.includes(setting)) prod.settings.push(setting);
  if (prod.packages.some((k) => k.ndc11 === n.ndc11)) return false;
  const ndc10 = ndc10Of(n.ndc11);
  const g = ndc10 ? ndc10ToGtin14(ndc10) : null;
  prod.packages.push({
    ndc11: n.ndc11,
    ndc10,
    gtin14: g?.ok ? g.gtin14 : null,
    acquisitionPerUnit: n.price,
    priceUnit: n.unit,
    priceSource: 'NADAC',
    priceDate: '2025',
  });
  return true;
}

// 1. Outpatient: MEPS 2018 drugs by total purchases, each matched to up to two NADAC products.
const meps = fs.readFileSync(path.join(data, 'meps-top-drugs/DY2018.csv'), 'utf8').split('\n').slice(1);
const top = meps
  .map((l) => l.match(/"([^"]*)"/g)?.map((x) => x.slice(1, -1)) ?? [])
  .filter((f) => f[0] === 'totEVT' && f[2] === 'RXDRGNAM')
  .map((f) => ({ name: f[4] ?? '', fills: Number((f[8] ?? '').replace(/[,*]/g, '')) }))
  .filter((d) => Number.isFinite(d.fills))
  .sort((a, b) => b.fills - a.fills);
let matched = 0;
for (const [rank, d] of top.entries()) {
  const want = ingredientWords(d.name.replace(/-/g, '/')).sort();
  const hits = nadac.filter((n) => {
    const got = ingredientWords(parseDescription(n.description).name).sort();
    return got.length === want.length && want.every((w, i) => (got[i] ?? '').startsWith(w));
  });
  const keys = [...new Set(hits.map((h) => h.ndc11.slice(0, 9)))].slice(0, 2);
  for (const h of hits.filter((x) => keys.includes(x.ndc11.slice(0, 9))).slice(0, 3))
    add(h, 'outpatient', rank + 1);
  if (keys.length) matched++;
}
// 2. Hospital, LTC, oncology and dialysis drugs present in NADAC.
for (const [setting, names] of Object.entries(SETTING_DRUGS))
  for (const name of names) {
    const hits = nadac.filter((n) => n.description.split(/[\s-]/)[0] === name);
    for (const h of hits.slice(0, 3)) add(h, setting);
  }

const list = [...products.values()].sort((a, b) => a.nonproprietaryName.localeCompare(b.nonproprietaryName));
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(
  out,
  `${JSON.stringify(
    {
      description:
        'Apotheca starter catalogue: common US outpatient (MEPS 2018 top drugs), hospital, LTC, oncology and dialysis drugs with real NDCs from CMS NADAC 2025. Generated by packages/server/scripts/build-starter-catalogue.ts; prices are NADAC per-unit acquisition costs (not AWP/WAC).',
      attribution: ATTRIBUTION,
      stats: {
        products: list.length,
        packages: list.reduce((s, p) => s + p.packages.length, 0),
        mepsDrugsMatched: matched,
        mepsDrugs: top.length,
      },
      products: list,
    },
    null,
    1,
  )}\n`,
);
console.log(`wrote ${out}: ${list.length} products, MEPS matched ${matched}/${top.length}`);
