export { type OutlierScore, scoreOutliers } from './outliers';
export { fromMilli, isQuantityError, MILLI, type QuantityError, toMilli } from './quantity';
export {
  CS_PRIVILEGES,
  type CsPrivilege,
  countRequirement,
  isControlled,
  isScheduleII,
  normalizeSchedule,
  privilegeCovers,
  SCHEDULES,
  type Schedule,
} from './schedules';
export {
  type AbcClass,
  abcClassify,
  type SuggestInput,
  type Suggestion,
  suggestOrder,
} from './suggested-order';
export { ACK_LINE_STATUS, type AckLineStatus, fromX12Date, toX12Date, toX12Time } from './x12codes';
