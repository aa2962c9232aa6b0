import { checkWeightKg, nonNegative, positive } from '../check';
import { CalcError } from '../errors';
import { fmt } from '../format';
import { type CalcEntry, type Inputs, step } from '../inputs';
import {
  caPhosProduct,
  glucoseInfusionRate,
  PERIPHERAL_LIMIT_MOSM_L,
  pnMacros,
  pnOsmolarity,
} from '../nutrition';
import { isConvertible } from '../units';
import { choice, finish, num, opt, qty, weight } from './common';

const ASPEN =
  'ASPEN Adult Nutrition Support Core Curriculum (3rd ed.); lipid kcal/mL per Intralipid labeling';

function pair(i: Inputs, pct: string, vol: string): { grams: number; ml: number; percent: number } {
  const hasP = i.has(pct);
  const hasV = i.has(vol);
  if (hasP !== hasV) throw new CalcError(hasP ? vol : pct, `give both ${pct} and ${vol}`);
  if (!hasP) return { grams: 0, ml: 0, percent: 0 };
  const percent = nonNegative(pct, i.num(pct));
  if (percent > 100) throw new CalcError(pct, 'must be at most 100');
  const ml = nonNegative(vol, i.q(vol, 'mL'));
  return { grams: (percent / 100) * ml, ml, percent };
}

const vol = (name: string, label: string) =>
  qty(name, label, 'volume', ['mL', 'L'], `${label} (stock solution volume)`, { required: false });
const pct = (name: string, label: string) =>
  num(name, label, `${label} (% w/v of the stock)`, { required: false });

const macros: CalcEntry = {
  def: {
    id: 'pn-macros',
    title: 'PN grams and kcal',
    category: 'nutrition',
    description:
      'Grams and kcal from dextrose (3.4 kcal/g), amino acids (4 kcal/g) and lipid emulsion (1.1/2.0/3.0 kcal/mL for 10/20/30 %); total volume, kcal/kg, NPC:N.',
    source: ASPEN,
    inputs: [
      pct('dextrosePercent', 'Dextrose %'),
      vol('dextroseVolume', 'Dextrose volume'),
      pct('aminoAcidPercent', 'Amino acid %'),
      vol('aminoAcidVolume', 'Amino acid volume'),
      pct('lipidPercent', 'Lipid emulsion %'),
      vol('lipidVolume', 'Lipid volume'),
      num('lipidKcalPerMl', 'Lipid kcal/mL', 'Override for other emulsions', { required: false }),
      qty('otherVolume', 'Other volume', 'volume', ['mL'], 'Water, electrolytes and additives', {
        required: false,
        default: 0,
      }),
      opt(weight, { description: 'For kcal/kg and g/kg' }),
    ],
  },
  run(i) {
    const warnings: string[] = [];
    const d = pair(i, 'dextrosePercent', 'dextroseVolume');
    const a = pair(i, 'aminoAcidPercent', 'aminoAcidVolume');
    const l = pair(i, 'lipidPercent', 'lipidVolume');
    if (d.ml + a.ml + l.ml === 0) throw new CalcError('dextrosePercent', 'give at least one macronutrient');
    const m = pnMacros({
      dextroseG: d.grams,
      aminoAcidG: a.grams,
      lipidMl: l.ml,
      lipidPercent: l.percent,
      lipidKcalPerMl: i.numOpt('lipidKcalPerMl'),
    });
    const totalMl = d.ml + a.ml + l.ml + nonNegative('otherVolume', i.q('otherVolume', 'mL'));
    const extra: Record<string, number | string> = {
      dextroseG: m.dextroseG,
      aminoAcidG: m.aminoAcidG,
      lipidG: m.lipidG,
      dextroseKcal: m.dextroseKcal,
      aminoAcidKcal: m.aminoAcidKcal,
      lipidKcal: m.lipidKcal,
      nonProteinKcal: m.nonProteinKcal,
      nitrogenG: m.nitrogenG,
      totalVolumeMl: totalMl,
    };
    if (m.npcToN !== undefined) extra.npcToN = m.npcToN;
    const steps = [
      step(
        'Dextrose',
        `${d.percent}% × ${fmt(d.ml, 0)} mL = ${fmt(d.grams, 1)} g × 3.4`,
        `${fmt(m.dextroseKcal, 0)} kcal`,
      ),
      step(
        'Amino acids',
        `${a.percent}% × ${fmt(a.ml, 0)} mL = ${fmt(a.grams, 1)} g × 4`,
        `${fmt(m.aminoAcidKcal, 0)} kcal`,
      ),
      step('Lipid', `${fmt(l.ml, 0)} mL of ${l.percent}%`, `${fmt(m.lipidKcal, 0)} kcal`),
      step('Total', 'dextrose + amino acids + lipid', `${fmt(m.totalKcal, 0)} kcal in ${fmt(totalMl, 0)} mL`),
    ];
    if (i.has('weight')) {
      const w = checkWeightKg(i.q('weight', 'kg'), warnings);
      extra.kcalPerKg = m.totalKcal / w;
      extra.proteinGPerKg = m.aminoAcidG / w;
      extra.lipidGPerKgDay = m.lipidG / w;
      if (m.lipidG / w > 2.5) warnings.push('lipid above 2.5 g/kg/day (ASPEN adult maximum)');
      steps.push(
        step('Per kg', `${fmt(m.totalKcal, 0)} ÷ ${fmt(w, 1)} kg`, `${fmt(m.totalKcal / w, 1)} kcal/kg`),
      );
    }
    return finish('pn-macros', ASPEN, {
      value: Number(fmt(m.totalKcal, 0)),
      unit: 'kcal',
      decimals: 0,
      formula: 'kcal = dextrose g × 3.4 + amino acid g × 4 + lipid mL × kcal/mL',
      steps,
      rounding: 'kcal to whole numbers; grams unrounded in extra',
      warnings,
      extra,
    });
  },
};

const gir: CalcEntry = {
  def: {
    id: 'gir',
    title: 'Glucose infusion rate',
    category: 'nutrition',
    description:
      'GIR (mg/kg/min) = dextrose % × rate (mL/h) × 10 ÷ (60 × weight) — equivalently % × mL/kg/day ÷ 144.',
    source:
      "Standard neonatal GIR formula (e.g. Cloherty and Stark's Manual of Neonatal Care); adult limit 4–5 mg/kg/min (ASPEN)",
    inputs: [
      num('dextrosePercent', 'Dextrose %', 'Final dextrose concentration (% w/v)'),
      qty('rate', 'Rate', 'volume/time', ['mL/h', 'mL/kg/d'], 'Infusion rate (mL/h or mL/kg/d)'),
      weight,
    ],
  },
  run(i) {
    const warnings: string[] = [];
    const p = nonNegative('dextrosePercent', i.num('dextrosePercent'));
    if (p > 70) throw new CalcError('dextrosePercent', 'must be at most 70 (most concentrated stock)');
    const w = checkWeightKg(i.q('weight', 'kg'), warnings);
    const unit = i.quantity('rate').unit;
    const mlH = isConvertible(unit, 'mL/h') ? i.q('rate', 'mL/h') : i.q('rate', 'mL/kg/h') * w;
    positive('rate', mlH);
    const gPerH = (p / 100) * mlH;
    const v = glucoseInfusionRate(gPerH, w);
    if (v > 12) warnings.push('GIR above 12 mg/kg/min: hyperglycemia risk');
    return finish('gir', gir.def.source, {
      value: Number(fmt(v, 2)),
      unit: 'mg/kg/min',
      formula: 'GIR = % × mL/h × 10 ÷ (60 × kg)',
      steps: [
        step('Dextrose g/h', `${p}% × ${fmt(mlH, 2)} mL/h`, `${fmt(gPerH, 3)} g/h`),
        step('GIR', `${fmt(gPerH, 3)} × 1000 ÷ (60 × ${fmt(w, 3)})`, `${fmt(v, 3)} mg/kg/min`),
      ],
      rounding: '2 decimals',
      warnings,
      extra: { unrounded: v, mlPerHour: mlH },
    });
  },
};

const osm: CalcEntry = {
  def: {
    id: 'pn-osmolarity',
    title: 'PN osmolarity and peripheral suitability',
    category: 'nutrition',
    description:
      'mOsm/L ≈ (dextrose g × 5 + amino acid g × 10 + lipid g × 1.5 + cation mEq × 2) ÷ L; peripheral line when ≤ 900 mOsm/L.',
    source:
      'ASPEN Parenteral Nutrition Handbook (osmolarity estimate); Mirtallo J et al. ASPEN Safe Practices for Parenteral Nutrition. JPEN 2004;28:S39–70 (900 mOsm/L)',
    inputs: [
      qty('dextrose', 'Dextrose', 'mass', ['g'], 'Dextrose in the bag', { required: false, default: 0 }),
      qty('aminoAcids', 'Amino acids', 'mass', ['g'], 'Amino acids in the bag', {
        required: false,
        default: 0,
      }),
      qty('lipid', 'Lipid (3-in-1 only)', 'mass', ['g'], 'Lipid in the same bag', {
        required: false,
        default: 0,
      }),
      qty('electrolytes', 'Cations', 'amount', ['meq'], 'Sum of Na + K + Ca + Mg (mEq)', {
        required: false,
        default: 0,
      }),
      qty('volume', 'Final volume', 'volume', ['L', 'mL'], 'Total bag volume'),
    ],
  },
  run(i) {
    const o = pnOsmolarity({
      dextroseG: i.q('dextrose', 'g'),
      aminoAcidG: i.q('aminoAcids', 'g'),
      lipidG: i.q('lipid', 'g'),
      cationsMeq: i.q('electrolytes', 'meq'),
      volumeL: i.q('volume', 'L'),
    });
    const peripheral = o <= PERIPHERAL_LIMIT_MOSM_L;
    return finish('pn-osmolarity', osm.def.source, {
      value: Math.round(o),
      unit: 'mosm/L',
      display: `${Math.round(o)} mOsm/L — ${peripheral ? 'peripheral line acceptable (≤ 900)' : 'central line required (> 900)'}`,
      formula: '(g dextrose × 5 + g AA × 10 + g lipid × 1.5 + mEq cations × 2) ÷ L',
      steps: [
        step('Osmolarity', 'sum of contributions ÷ volume', `${fmt(o, 1)} mOsm/L`),
        step('Route', `limit ${PERIPHERAL_LIMIT_MOSM_L} mOsm/L`, peripheral ? 'peripheral OK' : 'central'),
      ],
      rounding: 'whole mOsm/L (an estimate; measured osmolality differs)',
      warnings: peripheral ? [] : ['osmolarity above 900 mOsm/L: central venous access required'],
      extra: { peripheral: peripheral ? 'yes' : 'no', unrounded: o },
    });
  },
};

const caPhos: CalcEntry = {
  def: {
    id: 'ca-phos',
    title: 'Calcium–phosphate compatibility screen',
    category: 'nutrition',
    description:
      'Ca (mEq/L) × phosphate (mmol/L) at the volume when calcium is added; flagged above 300 (2-in-1) or 150 (3-in-1). A screen only: solubility depends on amino acid product and concentration, pH, temperature, calcium salt and mixing order — confirm with the manufacturer solubility curve.',
    source:
      'RxKinetics TPN documentation (Ca × P solubility product: 300 traditional, 150 3-in-1); Eggert LD et al. Am J Hosp Pharm 1982;39:49–53 (factors)',
    inputs: [
      qty('calcium', 'Calcium', 'amount', ['meq'], 'Calcium added (mEq)'),
      qty('phosphate', 'Phosphate', 'amount', ['mmol'], 'Phosphate added (mmol)'),
      qty('volume', 'Volume', 'volume', ['L', 'mL'], 'Volume at the time calcium is added'),
      choice('system', 'System', ['2-in-1', '3-in-1'], '3-in-1 (lipid in bag) uses the stricter limit', {
        required: false,
      }),
      num('limit', 'Limit override', 'Institutional limit for the product', { required: false }),
    ],
  },
  run(i) {
    const r = caPhosProduct(i.q('calcium', 'meq'), i.q('phosphate', 'mmol'), i.q('volume', 'L'));
    const system = i.choice('system');
    const limit = i.numOpt('limit') ?? (system === '3-in-1' ? 150 : 300);
    positive('limit', limit);
    const ok = r.product <= limit;
    const warnings = ['screening rule only; check the amino acid manufacturer’s Ca–P solubility curve'];
    if (!ok) warnings.unshift(`Ca × P product ${fmt(r.product, 0)} exceeds ${limit}: precipitation risk`);
    return finish('ca-phos', caPhos.def.source, {
      value: Number(fmt(r.product, 1)),
      unit: '',
      display: `Ca × P = ${fmt(r.product, 1)} (limit ${limit}, ${system}) — ${ok ? 'within the screen' : 'EXCEEDS the screen'}`,
      formula: 'product = Ca (mEq/L) × PO4 (mmol/L)',
      steps: [
        step('Ca', 'mEq ÷ L', `${fmt(r.caMeqL, 2)} mEq/L`),
        step('PO4', 'mmol ÷ L', `${fmt(r.phosMmolL, 2)} mmol/L`),
        step('Product', `${fmt(r.caMeqL, 2)} × ${fmt(r.phosMmolL, 2)}`, fmt(r.product, 1)),
      ],
      rounding: '1 decimal',
      warnings,
      extra: { compatible: ok ? 'yes' : 'no', limit, caMeqL: r.caMeqL, phosMmolL: r.phosMmolL },
    });
  },
};

export const nutritionCalcs: CalcEntry[] = [macros, gir, osm, caPhos];
