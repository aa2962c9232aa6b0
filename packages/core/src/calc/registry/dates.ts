import {
  applyBud,
  bud795,
  bud797,
  CNSP_TYPES,
  type Cnsp,
  rxExpiry,
  SCHEDULES,
  type Schedule,
  STORAGES,
  type Storage,
} from '../dates';
import { type CalcEntry, step } from '../inputs';
import { choice, finish, num } from './common';

const compounded = {
  name: 'compounded',
  label: 'Compounded at',
  kind: 'date' as const,
  required: true,
  description: 'Date-time compounding was completed (ISO; UTC when no zone)',
};
const stability = num(
  'stabilityDays',
  'Stability limit (days)',
  'From stability data; a shorter limit wins',
  { required: false },
);
const earliest = {
  name: 'earliestExpiry',
  label: 'Earliest component expiry',
  kind: 'date' as const,
  required: false,
  description: 'BUD may not pass any component expiry',
};

const bud797Calc: CalcEntry = {
  def: {
    id: 'bud-797',
    title: 'BUD — sterile compounding (USP <797> 2023)',
    category: 'dates',
    description:
      'Beyond-use date for a CSP by category, storage and sterility testing; capped by stability data and component expiry.',
    source:
      'USP <797> Pharmaceutical Compounding — Sterile Preparations (official 2023-11-01), §14 BUD tables',
    inputs: [
      choice('category', 'Category', ['1', '2', '3'], 'CSP category'),
      choice(
        'storage',
        'Storage',
        STORAGES,
        'room (20–25 °C) | refrigerator (2–8 °C) | freezer (−25 to −10 °C)',
      ),
      choice(
        'preparation',
        'Preparation',
        ['aseptic-sterile-components', 'aseptic-nonsterile-components', 'terminally-sterilized'],
        'How it was made',
        { required: false },
      ),
      choice('sterilityTested', 'Sterility tested', ['no', 'yes'], 'Passed sterility testing', {
        required: false,
      }),
      compounded,
      stability,
      earliest,
    ],
  },
  run(i) {
    const cat = Number(i.choice('category')) as 1 | 2 | 3;
    const limit = bud797(
      cat,
      i.choice<Storage>('storage'),
      i.choice('preparation'),
      i.choice('sterilityTested') === 'yes',
    );
    const start = i.date('compounded');
    const r = applyBud(start, limit, i.numOpt('stabilityDays'), i.dateOpt('earliestExpiry'));
    const iso = r.bud.toISOString();
    return finish('bud-797', bud797Calc.def.source, {
      value: iso,
      unit: '',
      display: `BUD ${iso.replace('T', ' ').slice(0, 16)} UTC — ${r.rule}`,
      formula:
        'BUD = compounding time + category/storage limit (shorter of stability data or earliest component expiry wins)',
      steps: [step('Default limit', limit.rule, `${limit.hours} h`), step('Applied', r.rule, iso)],
      rounding: 'exact time (hours for Category 1, whole days otherwise)',
      warnings: [],
      extra: { rule: r.rule, limitHours: limit.hours },
    });
  },
};

const bud795Calc: CalcEntry = {
  def: {
    id: 'bud-795',
    title: 'BUD — nonsterile compounding (USP <795> 2023)',
    category: 'dates',
    description:
      'Beyond-use date for a CNSP by type (aqueous preserved/non-preserved, nonaqueous oral liquid, other nonaqueous, solid).',
    source:
      'USP <795> Pharmaceutical Compounding — Nonsterile Preparations (official 2023-11-01), Table 4 (via docs/domain-rules §7)',
    inputs: [
      choice('type', 'Preparation type', CNSP_TYPES, 'aqueous = water activity ≥ 0.60'),
      choice('preserved', 'Preserved', ['no', 'yes'], 'Aqueous only: contains a suitable preservative', {
        required: false,
      }),
      choice('storage', 'Storage', STORAGES, 'room | refrigerator', {
        required: false,
        default: 'refrigerator',
      }),
      compounded,
      stability,
      earliest,
    ],
  },
  run(i) {
    const limit = bud795(
      i.choice<Cnsp>('type'),
      i.choice('preserved') === 'yes',
      i.choice<Storage>('storage'),
    );
    const r = applyBud(i.date('compounded'), limit, i.numOpt('stabilityDays'), i.dateOpt('earliestExpiry'));
    const iso = r.bud.toISOString();
    return finish('bud-795', bud795Calc.def.source, {
      value: iso.slice(0, 10),
      unit: '',
      display: `BUD ${iso.slice(0, 10)} — ${r.rule}`,
      formula: 'BUD = compounding date + type limit (stability data or earliest component expiry if sooner)',
      steps: [step('Default limit', limit.rule, `${limit.hours / 24} days`), step('Applied', r.rule, iso)],
      rounding: 'calendar date',
      warnings: [],
      extra: { rule: r.rule, bud: iso },
    });
  },
};

const rxExp: CalcEntry = {
  def: {
    id: 'rx-expiry',
    title: 'Prescription expiry',
    category: 'dates',
    description:
      'Last date to fill or refill: CIII–CIV 6 months after issue (federal); CII, CV and non-controlled follow state law (give stateMonths).',
    source: '21 CFR 1306.22(a) (CIII–IV); state pharmacy law for others',
    inputs: [
      { name: 'issued', label: 'Issue date', kind: 'date', required: true, description: 'Date written' },
      choice('schedule', 'Schedule', SCHEDULES, 'none | CII | CIII | CIV | CV'),
      num(
        'stateMonths',
        'State limit (months)',
        'State expiry in months (many states: 12 for non-controlled)',
        { required: false },
      ),
    ],
  },
  run(i) {
    const r = rxExpiry(i.date('issued'), i.choice<Schedule>('schedule'), i.numOpt('stateMonths'));
    const date = r.expires?.toISOString().slice(0, 10);
    return finish('rx-expiry', rxExp.def.source, {
      value: date ?? 'no federal limit',
      unit: '',
      display: date ? `expires ${date} — ${r.rule}` : r.rule,
      formula: 'issue date + months (end-of-month clamped)',
      steps: [step('Rule', r.rule, date ?? '—')],
      rounding: 'calendar date; a shorter month clamps to its last day',
      warnings: date ? [] : ['set stateMonths for the dispensing state'],
      extra: { rule: r.rule },
    });
  },
};

export const dateCalcs: CalcEntry[] = [bud797Calc, bud795Calc, rxExp];
