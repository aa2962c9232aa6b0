import { atMost, integer, positive } from './check';
import { CalcError } from './errors';
import { daysInMonth } from './inputs';

export type Storage = 'room' | 'refrigerator' | 'freezer';
export const STORAGES: Storage[] = ['room', 'refrigerator', 'freezer'];

export interface BudLimit {
  hours: number;
  rule: string;
}

/**
 * USP <797> (official 2023-11-01). CRT 20–25 °C, refrigerator 2–8 °C, freezer −25 to −10 °C.
 * Category 1 (ISO 5 PEC in an SCA): ≤ 12 h CRT, ≤ 24 h refrigerated.
 * Category 2, aseptically processed, sterile starting components only, no sterility test:
 *   4 d CRT, 10 d refrigerator, 45 d freezer.
 * Category 3 (sterility tested, passes all Category 3 tests): aseptic 60/90/120 d,
 *   terminally sterilized 90/120/180 d.
 * The other Category 2 rows of Table 13 (terminally sterilized, sterility-tested aseptic,
 * nonsterile starting components) are not encoded: they were not verified against the chapter
 * (docs/domain-rules §7), so those inputs are refused rather than guessed.
 */
export function bud797(
  category: 1 | 2 | 3,
  storage: Storage,
  preparation: 'aseptic-sterile-components' | 'aseptic-nonsterile-components' | 'terminally-sterilized',
  sterilityTested: boolean,
): BudLimit {
  if (category === 1) {
    if (storage === 'freezer')
      throw new CalcError('storage', 'Category 1 CSPs have no frozen BUD (room ≤ 12 h, refrigerator ≤ 24 h)');
    return storage === 'room'
      ? { hours: 12, rule: 'USP <797> Category 1, controlled room temperature: ≤ 12 hours' }
      : { hours: 24, rule: 'USP <797> Category 1, refrigerator: ≤ 24 hours' };
  }
  const days = (d: Record<Storage, number>, label: string): BudLimit => ({
    hours: d[storage] * 24,
    rule: `USP <797> ${label}, ${storage}: ${d[storage]} days`,
  });
  if (category === 3) {
    if (!sterilityTested)
      throw new CalcError(
        'sterilityTested',
        'Category 3 requires sterility testing and all Category 3 tests',
      );
    if (preparation === 'terminally-sterilized') {
      return days(
        { room: 90, refrigerator: 120, freezer: 180 },
        'Category 3, terminally sterilized, sterility tested',
      );
    }
    return days(
      { room: 60, refrigerator: 90, freezer: 120 },
      'Category 3, aseptically processed, sterility tested',
    );
  }
  if (preparation === 'aseptic-sterile-components' && !sterilityTested) {
    return days(
      { room: 4, refrigerator: 10, freezer: 45 },
      'Category 2, aseptically processed, sterile starting components, not sterility tested',
    );
  }
  throw new CalcError(
    'preparation',
    'this Category 2 row of USP <797> Table 13 is not encoded (not verified); assign the BUD from the chapter',
  );
}

/**
 * USP <795> (official 2023-11-01) maximum BUD without stability data (per docs/domain-rules §7,
 * from an exam summary of Table 4): aqueous (aw ≥ 0.60) non-preserved 14 d refrigerated;
 * aqueous preserved 35 d; nonaqueous oral liquid (aw < 0.60) 90 d; other nonaqueous incl.
 * solids 180 d.
 */
export type Cnsp = 'aqueous' | 'nonaqueous-oral-liquid' | 'nonaqueous-other' | 'solid';
export const CNSP_TYPES: Cnsp[] = ['aqueous', 'nonaqueous-oral-liquid', 'nonaqueous-other', 'solid'];

export function bud795(type: Cnsp, preserved: boolean, storage: Storage): BudLimit {
  if (type === 'aqueous') {
    if (!preserved) {
      if (storage !== 'refrigerator')
        throw new CalcError('storage', 'non-preserved aqueous CNSPs must be refrigerated');
      return { hours: 14 * 24, rule: 'USP <795> aqueous (aw ≥ 0.60), non-preserved, refrigerated: 14 days' };
    }
    if (storage === 'freezer') throw new CalcError('storage', 'USP <795> BUDs assume CRT or refrigerator');
    return { hours: 35 * 24, rule: 'USP <795> aqueous (aw ≥ 0.60), preserved: 35 days' };
  }
  if (storage === 'freezer') throw new CalcError('storage', 'USP <795> BUDs assume CRT or refrigerator');
  if (type === 'nonaqueous-oral-liquid')
    return { hours: 90 * 24, rule: 'USP <795> nonaqueous oral liquid (aw < 0.60): 90 days' };
  return {
    hours: 180 * 24,
    rule: `USP <795> ${type === 'solid' ? 'solid' : 'other nonaqueous'} dosage form (aw < 0.60): 180 days`,
  };
}

/** Apply the BUD to a compounding time, capped by stability data and the earliest component expiry. */
export function applyBud(
  start: Date,
  limit: BudLimit,
  stabilityDays?: number,
  earliestExpiry?: Date,
): { bud: Date; rule: string } {
  let ms = start.getTime() + limit.hours * 3_600_000;
  let rule = limit.rule;
  if (stabilityDays !== undefined) {
    const s = start.getTime() + positive('stabilityDays', stabilityDays) * 86_400_000;
    if (s < ms) {
      ms = s;
      rule = `stability limit of ${stabilityDays} days is shorter than the default (${limit.rule})`;
    }
  }
  if (earliestExpiry !== undefined && earliestExpiry.getTime() < ms) {
    if (earliestExpiry.getTime() <= start.getTime())
      throw new CalcError('earliestExpiry', 'a component is already expired');
    ms = earliestExpiry.getTime();
    rule = `earliest component expiry comes first (${limit.rule})`;
  }
  return { bud: new Date(ms), rule };
}

/** Add calendar months, clamping to the month's last day (Aug 31 + 6 months → Feb 28/29). */
export function addMonths(d: Date, months: number): Date {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const ty = y + Math.floor(m / 12);
  const tm = ((m % 12) + 12) % 12;
  const day = Math.min(d.getUTCDate(), daysInMonth(ty, tm));
  return new Date(Date.UTC(ty, tm, day, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()));
}

export type Schedule = 'none' | 'CII' | 'CIII' | 'CIV' | 'CV';
export const SCHEDULES: Schedule[] = ['none', 'CII', 'CIII', 'CIV', 'CV'];

/**
 * Last day a prescription may be filled or refilled.
 * CIII–CIV: 6 months after the issue date (21 CFR 1306.22(a)). CII and CV: no federal limit,
 * so the state limit applies if given. Non-controlled: state law (`stateMonths`).
 */
export function rxExpiry(
  issued: Date,
  schedule: Schedule,
  stateMonths?: number,
): { expires: Date | undefined; rule: string } {
  if (stateMonths !== undefined)
    atMost('stateMonths', integer('stateMonths', positive('stateMonths', stateMonths)), 120, 'months');
  if (schedule === 'CIII' || schedule === 'CIV') {
    const fed = addMonths(issued, 6);
    if (stateMonths !== undefined && stateMonths < 6) {
      return {
        expires: addMonths(issued, positive('stateMonths', stateMonths)),
        rule: `state limit ${stateMonths} months (stricter than 21 CFR 1306.22(a))`,
      };
    }
    return { expires: fed, rule: '21 CFR 1306.22(a): no fill or refill more than 6 months after issue' };
  }
  if (stateMonths === undefined) {
    return {
      expires: undefined,
      rule: `${schedule === 'none' ? 'non-controlled' : schedule}: no federal expiry; set the state limit (stateMonths)`,
    };
  }
  return {
    expires: addMonths(issued, positive('stateMonths', stateMonths)),
    rule: `state limit: ${stateMonths} months after issue`,
  };
}
