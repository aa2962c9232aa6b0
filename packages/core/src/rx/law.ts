/**
 * Refill and validity law by DEA schedule, configurable per state (state law is often stricter than federal law).
 * Federal defaults:
 * - CII: no refills — 21 CFR 1306.12(a).
 * - CIII–CIV: at most 5 refills, none more than 6 months after the date of issue — 21 CFR 1306.22(a).
 * - CV: no federal refill limit — refills as the prescriber authorizes (21 CFR 1306.22 covers CIII–IV only); states may limit.
 * - Non-controlled: no federal expiry; most states void a prescription one year after it was written — the default here,
 *   configurable per state.
 */
export type Schedule = 'CII' | 'CIII' | 'CIV' | 'CV' | null;

export interface ScheduleRule {
  /** Maximum refills that may be authorized (null = no limit). */
  maxRefills: number | null;
  /** Months after the written date after which no fill may happen (null = no limit). */
  validMonths: number | null;
  citation: string;
}

export type RefillRuleTable = Record<'CII' | 'CIII' | 'CIV' | 'CV' | 'noncontrolled', ScheduleRule>;

export const FEDERAL_RULES: RefillRuleTable = {
  CII: {
    maxRefills: 0,
    validMonths: null,
    citation: '21 CFR 1306.12(a): refills of Schedule II prescriptions are prohibited',
  },
  CIII: {
    maxRefills: 5,
    validMonths: 6,
    citation: '21 CFR 1306.22(a): no more than 5 refills, none later than 6 months after issue',
  },
  CIV: {
    maxRefills: 5,
    validMonths: 6,
    citation: '21 CFR 1306.22(a): no more than 5 refills, none later than 6 months after issue',
  },
  CV: {
    maxRefills: null,
    validMonths: null,
    citation: 'No federal refill limit for Schedule V (21 CFR 1306.22 covers CIII–IV); state law may limit',
  },
  noncontrolled: {
    maxRefills: null,
    validMonths: 12,
    citation: 'State pharmacy law (typical): a prescription expires one year after it was written',
  },
};

/** Per-state overrides of the federal table; a site picks its state's table. Extend as states are configured. */
export const STATE_RULES: Record<string, Partial<RefillRuleTable>> = {};

export function rulesFor(state?: string | null, overrides?: Partial<RefillRuleTable>): RefillRuleTable {
  return { ...FEDERAL_RULES, ...(state ? STATE_RULES[state] : {}), ...overrides };
}

export interface RefillLawInput {
  schedule: Schedule;
  refillsAuthorized: number;
  writtenDate: string; // YYYY-MM-DD
  fillDate: string; // YYYY-MM-DD, the fill being checked
  fillNumber: number; // 0 = original fill
}

export interface LawProblem {
  field: 'refillsAuthorized' | 'fillDate' | 'fillNumber';
  reason: string;
  citation: string;
}

const ruleKey = (s: Schedule) => s ?? 'noncontrolled';

function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The last date the prescription may be filled, if the law sets one. */
export function lastFillDate(
  schedule: Schedule,
  writtenDate: string,
  table: RefillRuleTable = FEDERAL_RULES,
): string | null {
  const months = table[ruleKey(schedule)].validMonths;
  return months === null ? null : addMonths(writtenDate, months);
}

/** Checks refills authorized and the fill being made against the law; returns every problem found. */
export function checkRefillLaw(input: RefillLawInput, table: RefillRuleTable = FEDERAL_RULES): LawProblem[] {
  const rule = table[ruleKey(input.schedule)];
  const problems: LawProblem[] = [];
  if (rule.maxRefills !== null && input.refillsAuthorized > rule.maxRefills)
    problems.push({
      field: 'refillsAuthorized',
      reason:
        rule.maxRefills === 0
          ? `${input.schedule} prescriptions cannot have refills`
          : `${input.schedule ?? 'This'} prescription may have at most ${rule.maxRefills} refills`,
      citation: rule.citation,
    });
  if (input.fillNumber > input.refillsAuthorized)
    problems.push({
      field: 'fillNumber',
      reason:
        input.refillsAuthorized === 0
          ? 'No refills were authorized'
          : `All ${input.refillsAuthorized} refills have been used`,
      citation: rule.citation,
    });
  const last = lastFillDate(input.schedule, input.writtenDate, table);
  if (last && input.fillDate > last)
    problems.push({
      field: 'fillDate',
      reason: `The prescription expired on ${last}`,
      citation: rule.citation,
    });
  if (input.fillDate < input.writtenDate)
    problems.push({
      field: 'fillDate',
      reason: 'A prescription cannot be filled before it was written',
      citation: 'Prescription validity',
    });
  return problems;
}
