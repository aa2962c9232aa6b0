export {
  type GtinNdc,
  type GtinNdcResult,
  type GtinResult,
  gs1CheckDigit,
  gtin14ToNdc10,
  isValidGtin,
  type NdcInfo,
  ndc10ToGtin14,
  resolveNdcDigits,
  toGtin14,
  upcAToNdc10Candidates,
} from './gtin';
export {
  candidateFromDigits10,
  candidatesFromDigits10,
  candidatesFromNdc11,
  dashNdc11,
  isNdcLayout,
  NDC_LAYOUTS,
  NDC_SEGMENTS,
  type Ndc10Result,
  type NdcCandidate,
  type NdcError,
  type NdcErrorCode,
  type NdcLayout,
  ndc10ToNdc11,
  ndc11ToNdc10,
} from './layout';
export {
  type NdcOk,
  type NdcResult,
  type NdcSource,
  type NormalizeNdcOptions,
  normalizeNdc,
} from './normalize';
export {
  normalizeProductNdc,
  type ProductNdcLayout,
  type ProductNdcResult,
  productKeyOfNdc11,
} from './product';
