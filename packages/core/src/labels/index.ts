export {
  AUX_CLASSES,
  AUX_RULES,
  type AuxCriterion,
  type AuxRule,
  FEDERAL_TRANSFER_CAUTION,
} from './aux-rules';
export { type AuxInput, type AuxWarning, auxiliaryWarnings } from './auxiliary';
export { addMonthsClamped, formatUsDate, isIsoDate, parseIsoDate, toIsoDate } from './dates';
export { type DiscardDate, type DiscardOptions, discardAfterDate, parseExpiry } from './discard';
export { cleanText, wrapText } from './text';
export { DEA_SCHEDULES, type DeaSchedule, type LabelData, LabelError, type LabelIssue } from './types';
export { BARCODE_VALUE, validateLabel } from './validate';
