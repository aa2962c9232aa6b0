// Lookups over the NCPDP terminology (NCIt codes) that SCRIPT uses for units, dose forms and DEA schedules.
// NCI Thesaurus, National Cancer Institute, licensed under CC BY 4.0.
import {
  DEA_SCHEDULE,
  QUANTITY_UNIT_OF_MEASURE,
  STRENGTH_FORM,
  STRENGTH_UNIT_OF_MEASURE,
} from './terminology-data';

export { DEA_SCHEDULE, QUANTITY_UNIT_OF_MEASURE, STRENGTH_FORM, STRENGTH_UNIT_OF_MEASURE };

export type NcpdpSubset = 'QuantityUnitOfMeasure' | 'StrengthUnitOfMeasure' | 'StrengthForm' | 'DEASchedule';

const TABLES: Readonly<Record<NcpdpSubset, Readonly<Record<string, string>>>> = {
  QuantityUnitOfMeasure: QUANTITY_UNIT_OF_MEASURE,
  StrengthUnitOfMeasure: STRENGTH_UNIT_OF_MEASURE,
  StrengthForm: STRENGTH_FORM,
  DEASchedule: DEA_SCHEDULE,
};

/** NCPDP preferred term for an NCIt code in a subset (e.g. C48542 → "Tablet"), undefined when unknown. */
export function ncpdpTerm(subset: NcpdpSubset, code: string): string | undefined {
  const table = TABLES[subset];
  return Object.hasOwn(table, code) ? table[code] : undefined;
}

/** NCIt code for a preferred term (case-insensitive), e.g. ("QuantityUnitOfMeasure", "tablet") → C48542. */
export function ncpdpCode(subset: NcpdpSubset, term: string): string | undefined {
  const wanted = term.trim().toLowerCase();
  return Object.entries(TABLES[subset]).find(([, t]) => t.toLowerCase() === wanted)?.[0];
}

// 21 CFR 1308.11–1308.15 schedules; NCPDP DEASchedule codes from the NCI EVS subset.
const SCHEDULE_BY_CODE: Readonly<Record<string, 'I' | 'II' | 'III' | 'IV' | 'V'>> = {
  C48672: 'I',
  C48675: 'II',
  C48676: 'III',
  C48677: 'IV',
  C48679: 'V',
};

/** DEA schedule (I–V) for a DEASchedule code; undefined for C38046 "Unspecified" or unknown codes. */
export function deaScheduleOf(code: string): 'I' | 'II' | 'III' | 'IV' | 'V' | undefined {
  return Object.hasOwn(SCHEDULE_BY_CODE, code) ? SCHEDULE_BY_CODE[code] : undefined;
}
