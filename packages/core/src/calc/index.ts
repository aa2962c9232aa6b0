// Pharmacy calculations engine: pure TypeScript, no I/O. The registry drives the HTTP API,
// the CLI and the web calculator; the typed formula functions are for other core modules.

export type { BsaMethod, Sex } from './body';
export {
  adjustedBodyWeight,
  bmi,
  bmiCategory,
  bsa,
  bsaDuBois,
  bsaGehanGeorge,
  bsaHaycock,
  bsaMosteller,
  ibwDevine,
  lbwJanmahasatian,
} from './body';
export {
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
} from './concentration';
export type { BudLimit, Cnsp, Schedule, Storage } from './dates';
export { addMonths, applyBud, bud795, bud797, rxExpiry } from './dates';
export type { DosageForm, SupplyParams } from './dispensing';
export { consumption, daysSupply, quantityForDays } from './dispensing';
export type { RoundedDose, WeightDoseInput, WeightDoseResult } from './dosing';
export { applyCaps, carboplatinCalvert, doseByBsa, doseByWeight, pediatricRange, roundDose } from './dosing';
export {
  MME_CAVEATS,
  MME_FACTORS,
  maintenanceFluidsMlPerHour,
  mmePerDay,
  STEROID_EQUIVALENT_MG,
  steroidEquivalent,
} from './equivalence';
export { CalcError } from './errors';
export {
  admixtureConcentration,
  amountPerHour,
  classifyDoseRate,
  dripRate,
  infusionHours,
  mlPerHour,
} from './infusion';
export type { PnMacros } from './nutrition';
export { caPhosProduct, glucoseInfusionRate, lipidKcalPerMl, pnMacros, pnOsmolarity } from './nutrition';
export { getCalculation, listCalculations, runCalculation } from './registry';
export type {
  CockcroftGaultInput,
  CockcroftGaultResult,
  RenalScheme,
  ScrRounding,
  WeightRule,
} from './renal';
export { cockcroftGault, egfrCkdEpi2021, egfrMdrd, egfrSchwartz, renalBand } from './renal';
export { meanKineticTemperature } from './temperature';
export type { CalcDefinition, CalcInputSpec, CalcInputValues, CalcResult, CalcStep } from './types';
export type { ParsedQuantity } from './units';
export {
  convertUnits,
  convertWithMolecularWeight,
  isConvertible,
  normalizeUnit,
  parseQuantity,
} from './units';
