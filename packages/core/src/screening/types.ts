// Public shapes of the clinical screening module. Ingredient names are lower-case generic names
// ('amoxicillin', 'hydrocodone'); class ids are the kebab-case ids in data/classes.ts ('ssri', 'nsaid').

export type Severity = 'contraindicated' | 'major' | 'moderate' | 'minor' | 'info';

/** Most severe first; `screen()` sorts by this order. */
export const SEVERITY_ORDER: readonly Severity[] = ['contraindicated', 'major', 'moderate', 'minor', 'info'];

export type AlertKind =
  | 'drug-drug'
  | 'drug-allergy'
  | 'therapeutic-duplication'
  | 'ingredient-duplication'
  | 'dose-single'
  | 'dose-daily'
  | 'renal'
  | 'pregnancy'
  | 'lactation'
  | 'high-alert'
  | 'lasa'
  | 'age';

/**
 * NCPDP Telecommunication DUR "Reason for Service" (439-E4) codes an alert maps to, so a claim's
 * DUR/PPS segment can be filled from it: DD drug-drug, DA drug-allergy, TD therapeutic duplication,
 * ID ingredient duplication, HD high dose, LD low dose, PG drug-pregnancy, PA drug-age,
 * DC drug-disease (inferred; used here for renal impairment). See /work/shared/docs/domain-rules.md §DUR.
 */
export type NcpdpReasonCode = 'DD' | 'DA' | 'TD' | 'ID' | 'HD' | 'LD' | 'PG' | 'PA' | 'DC';

export interface Source {
  citation: string;
  url?: string;
}

export interface MedicationRef {
  /** Profile id; an active med with the same id as the candidate is the same prescription (a refill) and is skipped. */
  id?: string;
  name: string;
  /** Lower-case generic ingredient names. When empty, the name is split on '-', '/', ' and ', '+'. */
  ingredients: string[];
  /** Total daily dose per ingredient, mg. */
  dailyDoseMg?: Record<string, number>;
  /** Largest single dose per ingredient, mg. */
  singleDoseMg?: Record<string, number>;
  /** 'oral' (default when absent), 'iv', 'im', 'subcutaneous', 'topical', 'ophthalmic', … */
  route?: string;
}

export interface AllergyRef {
  /** An ingredient ('amoxicillin'), a class id or common class term ('penicillins', 'sulfa', 'nsaids'). */
  substance: string;
  reaction?: string;
  severity?: 'mild' | 'moderate' | 'severe';
}

export interface PatientProfile {
  ageYears?: number;
  weightKg?: number;
  /** Creatinine clearance (Cockcroft–Gault) in mL/min; eGFR-based label rules use it as the estimate. */
  crClMlMin?: number;
  pregnant?: boolean;
  lactating?: boolean;
  sex?: 'female' | 'male';
  activeMeds: MedicationRef[];
  allergies: AllergyRef[];
}

export interface ScreeningAlert {
  /** Stable across runs and data order, e.g. 'ddi:anticoagulant+nsaid', 'allergy:penicillin:amoxicillin'. */
  id: string;
  kind: AlertKind;
  severity: Severity;
  title: string;
  detail: string;
  management?: string;
  mechanism?: string;
  /** Ids (or names, when a med has no id) of the profile meds involved, or 'allergy:<substance>'. */
  involves: string[];
  source: Source;
  /** True for major and contraindicated alerts: the pharmacist must record an override reason. */
  requiresOverride: boolean;
  ncpdpReasonCode?: NcpdpReasonCode;
}

export interface ScreenOptions {
  /** Which ISMP high-alert list applies; default 'community'. */
  setting?: 'community' | 'acute';
  /** Skip alerts below this severity (default: keep all, including 'info'). */
  minSeverity?: Severity;
}
