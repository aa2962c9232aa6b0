import { nonNegative, positive } from '../check';
import {
  alligation,
  dilution,
  displacementBase,
  massToMmol,
  mmolToMeq,
  parseRatio,
  percentAmount,
  percentToRatio,
  ratioToPercent,
  reconstitution,
  SALTS,
} from '../concentration';
import { CalcError } from '../errors';
import { fmt, roundSig, unitLabel } from '../format';
import { type CalcEntry, step } from '../inputs';
import { convertUnits, convertWithMolecularWeight, validUnit } from '../units';
import { choice, finish, num, qty } from './common';

const ANSEL = "Ansel's Pharmaceutical Calculations, 15th ed. (Stoklosa & Ansel)";

const convert: CalcEntry = {
  def: {
    id: 'convert',
    title: 'Unit conversion (UCUM)',
    category: 'units',
    description: 'Convert any quantity between compatible UCUM units; mass ↔ moles with a molecular weight.',
    source: 'UCUM — The Unified Code for Units of Measure (Regenstrief), via @lhncbc/ucum-lhc',
    inputs: [
      {
        name: 'value',
        label: 'Quantity',
        kind: 'quantity',
        required: true,
        description: "Value with unit, e.g. '5 [lb_av]', '98.6 [degF]'",
      },
      {
        name: 'to',
        label: 'Target unit',
        kind: 'text',
        required: true,
        description: "UCUM unit, e.g. 'kg', 'Cel'",
      },
      num('molecularWeight', 'Molecular weight (g/mol)', 'Only for mass ↔ amount-of-substance conversions', {
        required: false,
      }),
    ],
  },
  run(i) {
    const q = i.quantity('value');
    const to = validUnit(i.text('to'), 'to');
    validUnit(q.unit, 'value');
    const mw = i.numOpt('molecularWeight');
    const v =
      mw === undefined
        ? convertUnits(q.value, q.unit, to, 'to')
        : convertWithMolecularWeight(q.value, q.unit, to, positive('molecularWeight', mw), 'to');
    const value = roundSig(v, 6);
    return finish('convert', convert.def.source, {
      value,
      unit: to,
      display: `${value} ${unitLabel(to)}`,
      formula: mw === undefined ? 'UCUM conversion' : 'UCUM conversion with molecular weight (1 mol = MW g)',
      steps: [step('Convert', `${q.value} ${q.unit} → ${to}`, `${value} ${to}`)],
      rounding: '6 significant figures',
      warnings: [],
    });
  },
};

const mgMmolMeq: CalcEntry = {
  def: {
    id: 'mg-mmol-meq',
    title: 'mg ⇄ mmol ⇄ mEq',
    category: 'units',
    description:
      'Convert an amount between mg, mmol and mEq using molecular weight and valence (or a common salt).',
    source: `${ANSEL}, ch. Electrolyte solutions: mmol = mg / MW; mEq = mmol × valence`,
    inputs: [
      qty('amount', 'Amount', 'mass | amount', ['mg', 'g', 'mmol', 'meq'], 'Amount in mg, g, mmol or mEq'),
      choice('salt', 'Salt', ['custom', ...Object.keys(SALTS)], 'Preset salt (MW and valence) or custom', {
        required: false,
        default: 'custom',
      }),
      num('molecularWeight', 'Molecular weight (g/mol)', 'Required when salt is custom', { required: false }),
      num('valence', 'Valence', 'Charge of the ion counted (required when salt is custom)', {
        required: false,
      }),
    ],
  },
  run(i) {
    const q = i.quantity('amount');
    const salt = i.choice('salt');
    const preset = SALTS[salt];
    const mw = preset?.mw ?? i.numOpt('molecularWeight');
    const valence = preset?.valence ?? i.numOpt('valence');
    if (mw === undefined) throw new CalcError('molecularWeight', 'is required for a custom salt');
    if (valence === undefined) throw new CalcError('valence', 'is required for a custom salt');
    positive('molecularWeight', mw);
    positive('valence', valence);
    let mg: number;
    const unit = q.unit;
    if (/eq$/.test(unit)) mg = (convertUnits(q.value, unit, 'meq', 'amount') / valence) * mw;
    else if (/mol$/.test(unit)) mg = convertUnits(q.value, unit, 'mmol', 'amount') * mw;
    else mg = convertUnits(q.value, unit, 'mg', 'amount');
    nonNegative('amount', mg);
    const mmol = massToMmol(mg, mw);
    const meq = mmolToMeq(mmol, valence);
    return finish('mg-mmol-meq', mgMmolMeq.def.source, {
      value: Number(fmt(meq, 2)),
      unit: 'meq',
      display: `${fmt(mg, 1)} mg = ${fmt(mmol, 2)} mmol = ${fmt(meq, 2)} mEq`,
      formula: 'mmol = mg ÷ MW; mEq = mmol × valence',
      steps: [
        step('Mass', `${q.value} ${unitLabel(unit)}`, `${fmt(mg, 3)} mg`),
        step('mmol', `${fmt(mg, 3)} ÷ ${mw}`, `${fmt(mmol, 4)} mmol`),
        step('mEq', `${fmt(mmol, 4)} × ${valence}`, `${fmt(meq, 4)} mEq`),
      ],
      rounding: 'mg to 1 decimal, mmol and mEq to 2 decimals',
      warnings: preset ? [] : [],
      extra: { mg, mmol, meq, molecularWeight: mw, valence },
    });
  },
};

const percentStrength: CalcEntry = {
  def: {
    id: 'percent-strength',
    title: 'Percent strength',
    category: 'units',
    description:
      'Amount of ingredient in a preparation of given percent strength (w/v g/100 mL, w/w g/100 g, v/v mL/100 mL), or the percent from amount and total.',
    source: `${ANSEL}, ch. Expressions of concentration`,
    inputs: [
      choice(
        'type',
        'Type',
        ['w/v', 'w/w', 'v/v'],
        'w/v: g per 100 mL; w/w: g per 100 g; v/v: mL per 100 mL',
      ),
      num('percent', 'Percent', 'Percent strength (leave empty to solve it from amount)', {
        required: false,
      }),
      qty(
        'total',
        'Total preparation',
        'volume | mass',
        ['mL', 'L', 'g'],
        'Total volume (w/v, v/v) or mass (w/w)',
      ),
      qty('amount', 'Ingredient amount', 'mass | volume', ['g', 'mg', 'mL'], 'Give to solve the percent', {
        required: false,
      }),
    ],
  },
  run(i) {
    const type = i.choice<'w/v' | 'w/w' | 'v/v'>('type');
    const totalUnit = type === 'w/w' ? 'g' : 'mL';
    const ingUnit = type === 'v/v' ? 'mL' : 'g';
    const total = positive('total', i.q('total', totalUnit));
    const pct = i.numOpt('percent');
    const warnings: string[] = [];
    if (pct !== undefined) {
      if (pct > 100 && type !== 'w/v') throw new CalcError('percent', 'cannot exceed 100 for w/w or v/v');
      const amount = percentAmount(pct, total);
      return finish('percent-strength', percentStrength.def.source, {
        value: Number(fmt(amount, 4)),
        unit: ingUnit,
        decimals: 4,
        formula: `amount = percent/100 × total (${type})`,
        steps: [step('Amount', `${pct}/100 × ${fmt(total, 4)} ${totalUnit}`, `${fmt(amount, 4)} ${ingUnit}`)],
        rounding: '4 decimals',
        warnings,
        extra:
          type === 'w/v'
            ? { mgPerMl: pct * 10, ratio: `1:${roundSig(percentToRatio(pct), 4)}` }
            : { ratio: `1:${roundSig(percentToRatio(pct), 4)}` },
      });
    }
    const amount = i.qOpt('amount', ingUnit);
    if (amount === undefined) throw new CalcError('percent', 'give the percent or the ingredient amount');
    nonNegative('amount', amount);
    const p = (amount / total) * 100;
    if (p > 100 && type !== 'w/v') throw new CalcError('amount', 'exceeds the total preparation');
    return finish('percent-strength', percentStrength.def.source, {
      value: Number(fmt(p, 4)),
      unit: '%',
      decimals: 4,
      formula: `percent = amount ÷ total × 100 (${type})`,
      steps: [
        step(
          'Percent',
          `${fmt(amount, 4)} ${ingUnit} ÷ ${fmt(total, 4)} ${totalUnit} × 100`,
          `${fmt(p, 4)} %`,
        ),
      ],
      rounding: '4 decimals',
      warnings,
    });
  },
};

const ratioStrength: CalcEntry = {
  def: {
    id: 'ratio-strength',
    title: 'Ratio strength',
    category: 'units',
    description: 'Convert ratio strength (1:1000) to percent and mg/mL (w/v), or back from percent.',
    source: `${ANSEL}, ch. Ratio strength: 1:r = 100/r %; w/v 1 % = 10 mg/mL`,
    inputs: [
      {
        name: 'ratio',
        label: 'Ratio',
        kind: 'text',
        required: false,
        description: "e.g. '1:1000', '1:10,000'",
      },
      num('percent', 'Percent (w/v)', 'Give instead of ratio', { required: false }),
    ],
  },
  run(i) {
    const text = i.textOpt('ratio');
    let r: number;
    if (text !== undefined) r = parseRatio(text);
    else {
      const p = i.numOpt('percent');
      if (p === undefined) throw new CalcError('ratio', 'give a ratio or a percent');
      r = percentToRatio(p);
    }
    const pct = ratioToPercent(r);
    const mgPerMl = pct * 10;
    return finish('ratio-strength', ratioStrength.def.source, {
      value: roundSig(mgPerMl, 6),
      unit: 'mg/mL',
      display: `1:${roundSig(r, 6)} = ${roundSig(pct, 6)} % = ${roundSig(mgPerMl, 6)} mg/mL`,
      formula: 'percent = 100 ÷ r; mg/mL = percent × 10 (w/v)',
      steps: [
        step('Percent', `100 ÷ ${roundSig(r, 6)}`, `${roundSig(pct, 6)} %`),
        step('mg/mL', `${roundSig(pct, 6)} × 10`, `${roundSig(mgPerMl, 6)} mg/mL`),
      ],
      rounding: '6 significant figures',
      warnings: [],
      extra: { ratio: `1:${roundSig(r, 6)}`, percent: roundSig(pct, 6) },
    });
  },
};

const CONC_UNITS = ['%', 'mg/mL', 'g/L', '[iU]/mL'];
const dil: CalcEntry = {
  def: {
    id: 'dilution',
    title: 'Dilution (C1V1 = C2V2)',
    category: 'units',
    description:
      'Give three of stock concentration c1, stock volume v1, final concentration c2, final volume v2; the fourth is solved.',
    source: `${ANSEL}, ch. Dilution and concentration: C1 × V1 = C2 × V2`,
    inputs: [
      qty('c1', 'Stock concentration', 'concentration', CONC_UNITS, 'Concentration of the stock', {
        required: false,
      }),
      qty('v1', 'Stock volume', 'volume', ['mL', 'L'], 'Volume of stock', { required: false }),
      qty('c2', 'Final concentration', 'concentration', CONC_UNITS, 'Desired concentration', {
        required: false,
      }),
      qty('v2', 'Final volume', 'volume', ['mL', 'L'], 'Final volume', { required: false }),
    ],
  },
  run(i) {
    const cUnit = i.has('c1') ? i.quantity('c1').unit : i.quantity('c2').unit;
    const c1 = i.qOpt('c1', cUnit);
    const c2 = i.qOpt('c2', cUnit);
    const v1 = i.qOpt('v1', 'mL');
    const v2 = i.qOpt('v2', 'mL');
    const r = dilution({ c1, v1, c2, v2 });
    const isVol = r.solved === 'v1' || r.solved === 'v2';
    const value = r[r.solved];
    return finish('dilution', dil.def.source, {
      value: Number(fmt(value, 3)),
      unit: isVol ? 'mL' : cUnit,
      decimals: 3,
      formula: 'C1 × V1 = C2 × V2',
      steps: [
        step(
          `Solve ${r.solved}`,
          `${fmt(r.c1, 4)} × ${fmt(r.v1, 3)} = ${fmt(r.c2, 4)} × ${fmt(r.v2, 3)}`,
          `${r.solved} = ${fmt(value, 3)}`,
        ),
        step('Diluent to add', `${fmt(r.v2, 3)} − ${fmt(r.v1, 3)} mL`, `${fmt(r.v2 - r.v1, 3)} mL`),
      ],
      rounding: '3 decimals',
      warnings: [],
      extra: { c1: r.c1, v1: r.v1, c2: r.c2, v2: r.v2, diluentMl: r.v2 - r.v1 },
    });
  },
};

const alli: CalcEntry = {
  def: {
    id: 'alligation',
    title: 'Alligation (two or more strengths)',
    category: 'units',
    description:
      'Parts of each strength to mix to reach a target strength; with a total quantity, the amount of each.',
    source: `${ANSEL}, ch. Alligation alternate (multiple strengths by pairing each higher with each lower strength)`,
    inputs: [
      {
        name: 'strengths',
        label: 'Strengths (%)',
        kind: 'list',
        required: true,
        description: "Available strengths, e.g. '95, 50'",
      },
      num('target', 'Target strength (%)', 'Desired strength, same unit as the strengths'),
      qty('total', 'Total quantity', 'volume | mass', ['mL', 'g'], 'Optional total to make', {
        required: false,
      }),
    ],
  },
  run(i) {
    const strengths = i.list('strengths').map((s, k) => {
      const v = Number(s.replace(/%$/, ''));
      if (!Number.isFinite(v)) throw new CalcError('strengths', `item ${k + 1} is not a number`);
      return v;
    });
    const target = i.num('target');
    const parts = alligation(strengths, target);
    const sum = parts.reduce((a, b) => a + b, 0);
    const totalQ = i.has('total') ? i.quantity('total') : undefined;
    const steps = strengths.map((s, k) => {
      const p = parts[k]!;
      const amt = totalQ ? ` → ${fmt((p / sum) * totalQ.value, 2)} ${unitLabel(totalQ.unit)}` : '';
      return step(`${s} %`, `${fmt(p, 4)} parts of ${fmt(sum, 4)}`, `${fmt(p, 4)} parts${amt}`);
    });
    const extra: Record<string, number | string> = {};
    strengths.forEach((_s, k) => {
      extra[`parts_${k + 1}`] = parts[k]!;
      if (totalQ) extra[`amount_${k + 1}`] = (parts[k]! / sum) * totalQ.value;
    });
    return finish('alligation', alli.def.source, {
      value: parts.map((p) => fmt(p, 4)).join(':'),
      unit: 'parts',
      display: `${strengths.map((s, k) => `${s}%: ${fmt(parts[k]!, 4)}`).join(', ')} parts`,
      formula: 'parts(high) = Σ(target − low); parts(low) = Σ(high − target)',
      steps,
      rounding: 'parts to 4 decimals; amounts to 2 decimals',
      warnings: strengths.length > 2 ? ['more than two strengths: this is one valid proportion of many'] : [],
      extra,
    });
  },
};

const recon: CalcEntry = {
  def: {
    id: 'reconstitution',
    title: 'Reconstitution (powder volume)',
    category: 'units',
    description:
      'Concentration after adding diluent to a dry powder, or diluent needed for a target concentration.',
    source: `${ANSEL}, ch. Reconstitution of dry powders: final volume = diluent + powder volume`,
    inputs: [
      qty('amount', 'Drug amount in vial', 'mass | units', ['mg', 'g', '[iU]'], 'Labeled amount of drug'),
      qty('powderVolume', 'Powder volume', 'volume', ['mL'], 'Volume the powder occupies (from labeling)'),
      qty('diluent', 'Diluent volume', 'volume', ['mL'], 'Diluent added', { required: false }),
      qty(
        'targetConcentration',
        'Target concentration',
        'mass/volume',
        ['mg/mL', '[iU]/mL'],
        'Give instead of diluent',
        { required: false },
      ),
    ],
  },
  run(i) {
    const a = i.quantity('amount');
    const amtUnit = /\[iU\]/.test(a.unit) ? '[iU]' : 'mg';
    const amount = i.q('amount', amtUnit);
    const pv = i.q('powderVolume', 'mL');
    const r = reconstitution(
      amount,
      pv,
      i.qOpt('diluent', 'mL'),
      i.qOpt('targetConcentration', `${amtUnit}/mL`),
    );
    const solvedDiluent = !i.has('diluent');
    return finish('reconstitution', recon.def.source, {
      value: Number(fmt(solvedDiluent ? r.diluentMl : r.concentrationPerMl, 3)),
      unit: solvedDiluent ? 'mL' : `${amtUnit}/mL`,
      decimals: 3,
      formula: solvedDiluent
        ? 'diluent = amount ÷ target concentration − powder volume'
        : 'concentration = amount ÷ (diluent + powder volume)',
      steps: [
        step(
          'Final volume',
          solvedDiluent
            ? `${fmt(amount, 3)} ÷ ${fmt(r.concentrationPerMl, 4)}`
            : `${fmt(r.diluentMl, 3)} + ${fmt(pv, 3)}`,
          `${fmt(r.finalVolumeMl, 3)} mL`,
        ),
        solvedDiluent
          ? step('Diluent', `${fmt(r.finalVolumeMl, 3)} − ${fmt(pv, 3)}`, `${fmt(r.diluentMl, 3)} mL`)
          : step(
              'Concentration',
              `${fmt(amount, 3)} ÷ ${fmt(r.finalVolumeMl, 3)}`,
              `${fmt(r.concentrationPerMl, 4)} ${unitLabel(amtUnit)}/mL`,
            ),
      ],
      rounding: '3 decimals',
      warnings: [],
      extra: {
        finalVolumeMl: r.finalVolumeMl,
        diluentMl: r.diluentMl,
        concentrationPerMl: r.concentrationPerMl,
      },
    });
  },
};

const displacement: CalcEntry = {
  def: {
    id: 'displacement',
    title: 'Displacement value (suppositories)',
    category: 'units',
    description:
      'Base needed for n suppositories when the drug displaces base according to its displacement value.',
    source:
      "Aulton's Pharmaceutics (5th ed.), Suppositories: base = n × mould capacity − (n × drug per unit) ÷ displacement value",
    inputs: [
      num('count', 'Number of suppositories', 'How many to make (include any overage)'),
      qty('mould', 'Mould capacity (blank)', 'mass', ['g'], 'Weight of base one cavity holds'),
      qty('drugPerUnit', 'Drug per suppository', 'mass', ['mg', 'g'], 'Drug in each suppository'),
      num('displacementValue', 'Displacement value', 'g of drug that displaces 1 g of base'),
    ],
  },
  run(i) {
    const n = i.num('count');
    const r = displacementBase(n, i.q('mould', 'g'), i.q('drugPerUnit', 'g'), i.num('displacementValue'));
    return finish('displacement', displacement.def.source, {
      value: Number(fmt(r.baseG, 3)),
      unit: 'g',
      decimals: 3,
      formula: 'base = n × mould − (n × drug) ÷ DV',
      steps: [
        step('Total drug', `${n} × drug per unit`, `${fmt(r.drugTotalG, 4)} g`),
        step('Base displaced', `${fmt(r.drugTotalG, 4)} ÷ DV`, `${fmt(r.displacedG, 4)} g`),
        step('Base needed', `${n} × mould − ${fmt(r.displacedG, 4)}`, `${fmt(r.baseG, 3)} g`),
      ],
      rounding: '3 decimals (0.001 g balance)',
      warnings: [],
      extra: { drugTotalG: r.drugTotalG, displacedG: r.displacedG },
    });
  },
};

export const unitCalcs: CalcEntry[] = [
  convert,
  mgMmolMeq,
  percentStrength,
  ratioStrength,
  dil,
  alli,
  recon,
  displacement,
];
