export {
  BASE_FRACTION,
  baseGrams,
  CMEA_LIMITS,
  type CmeaCheck,
  type CmeaPurchase,
  checkCmeaSale,
  type ListedSalt,
} from './cmea';
export {
  checkRefillLaw,
  FEDERAL_RULES,
  type LawProblem,
  lastFillDate,
  type RefillLawInput,
  type RefillRuleTable,
  rulesFor,
  type Schedule,
  type ScheduleRule,
  STATE_RULES,
} from './law';
export { DEFAULT_REFILL_TIMING, type RefillTiming, type RefillTimingPolicy, refillTiming } from './refill';
export {
  ACTIVE_STATES,
  availableActions,
  checkTransition,
  DONE_FILL_STATES,
  FILL_STATES,
  type FillState,
  OPEN_FILL_STATES,
  TRANSITIONS,
  type TransitionCheck,
  type TransitionRule,
  WORKFLOW_ACTIONS,
  type WorkflowAction,
  type WorkflowRole,
} from './states';
