export {
  buildCancelRx,
  buildError,
  buildNewRx,
  buildRxChangeRequest,
  buildRxRenewalRequest,
  buildScriptMessage,
  buildStatus,
  newMessageId,
  type ReplyInput,
  type ScriptHeaderInput,
  type ScriptMessageInput,
} from './build';
export {
  SCRIPT_2017071_VERSION_ATTRIBUTES,
  SCRIPT_DESCRIPTION_CODES,
  SCRIPT_ERROR_CODES,
  SCRIPT_LIMITS,
  SCRIPT_NAMESPACE,
  SCRIPT_STATUS_CODES,
  SCRIPT_UNSUPPORTED_TRANSACTIONS,
  type ScriptErrorCode,
  type ScriptStatusCode,
} from './codes';
export { parseScriptMessage } from './parse';
export { buildErrorReply, replyTo } from './reply';
export {
  DEA_SCHEDULE,
  deaScheduleOf,
  type NcpdpSubset,
  ncpdpCode,
  ncpdpTerm,
  QUANTITY_UNIT_OF_MEASURE,
  STRENGTH_FORM,
  STRENGTH_UNIT_OF_MEASURE,
} from './terminology';
export type * from './types';
