export { type D0Message, decodeD0, encodeD0, isD0Request } from './d0';
export { type D0Error, type D0Result, NcpdpEncodeError } from './errors';
export {
  buildD0Frame,
  type D0Field,
  type D0RawMessage,
  type D0RawSegment,
  FIELD_SEPARATOR,
  GROUP_SEPARATOR,
  parseD0Frame,
  REQUEST_HEADER_LENGTH,
  RESPONSE_HEADER_LENGTH,
  SEGMENT_SEPARATOR,
} from './frame';
export {
  decodeImpliedDecimal,
  decodeSignedOverpunch,
  encodeImpliedDecimal,
  encodeSignedOverpunch,
  formatCents,
} from './overpunch';
export {
  explainReject,
  type NextAction,
  type NextActionKind,
  normalizeRejectCode,
  REJECT_CODES,
  type RejectCodeInfo,
  type RejectExplanation,
} from './reject-codes';
export { decodeRequest, encodeRequest, tryEncodeRequest } from './request';
export {
  CLAIM_SEGMENT,
  COB_SEGMENT,
  COMPOUND_SEGMENT,
  DUR_PPS_SEGMENT,
  INSURANCE_SEGMENT,
  PATIENT_SEGMENT,
  PRESCRIBER_SEGMENT,
  PRICING_SEGMENT,
} from './request-schema';
export { decodeResponse, encodeResponse, tryEncodeResponse } from './response';
export {
  RESPONSE_CLAIM_SEGMENT,
  RESPONSE_COB_SEGMENT,
  RESPONSE_DUR_SEGMENT,
  RESPONSE_INSURANCE_SEGMENT,
  RESPONSE_MESSAGE_SEGMENT,
  RESPONSE_PATIENT_SEGMENT,
  RESPONSE_PRICING_SEGMENT,
  RESPONSE_STATUS_SEGMENT,
} from './response-schema';
export type { FieldKind, FieldSpec, ListSpec, SegmentSpec } from './schema';
export type * from './types';
