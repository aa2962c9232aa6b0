// Clinical screening (prospective DUR): drug–drug, drug–allergy, duplication, dose, renal,
// pregnancy/lactation, age, ISMP high-alert and look-alike/sound-alike checks over cited public data.
export { SEVERITY_RANK } from './alert';
export { benchProfile, screeningBench } from './bench';
export {
  buildScreeningIndex,
  DDI_RULES,
  getDefaultIndex,
  INGREDIENT_CLASSES,
  type ScreeningIndex,
} from './build-index';
export { AGE_RULES, type AgeRule } from './data/age';
export { ALLERGY_TERMS, CROSS_SENSITIVITY, type CrossSensitivity, SULFONAMIDE_NOTE } from './data/allergy';
export { CLASS_BY_ID, DRUG_CLASSES, type DrugClass } from './data/classes';
export type { DdiRule, DdiSide } from './data/ddi-types';
export { DOSE_LIMITS, type DoseLimit } from './data/dose-limits';
export { HIGH_ALERT, type HighAlertEntry } from './data/high-alert';
export { LACTATION_FLAGS, type LactationFlag, PREGNANCY_FLAGS, type PregnancyFlag } from './data/pregnancy';
export { RENAL_RULES, type RenalBand, type RenalRule } from './data/renal';
export { TALL_MAN_GROUPS, type TallManGroup } from './data/tall-man';
export { cleanName, resolveIngredient, splitCombination } from './normalize';
export { normalizeRoute } from './resolve';
export { screen, screenWith } from './screen';
export { type LasaPartner, lasaPartners, TALL_MAN_NAMES, tallMan } from './tall-man';
export * from './types';
export { checkProfile, ScreeningInputError } from './validate';
