export { instructionDailyUse, sigDailyUse } from './daily-use';
export type { DaysSupplyError, DaysSupplyForm, DaysSupplyInput, DaysSupplyResult } from './days-supply';
export { computeDaysSupply } from './days-supply';
export { ISMP_ERROR_PRONE } from './ismp';
export { parseSig } from './parse';
export { renderInstructions, renderSig } from './render';
export { renderFrequency } from './render-frequency';
export { sigSummaryLines } from './summary';
export type * from './types';
