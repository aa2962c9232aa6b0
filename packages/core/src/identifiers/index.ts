export {
  DEA_LAYOUT_LETTERS,
  DEA_REGISTRANT_LETTERS,
  type DeaError,
  type DeaErrorCode,
  type DeaOptions,
  type DeaResult,
  deaCheckDigit,
  isValidDea,
  makeTestDea,
  validateDea,
} from './dea';
export {
  isValidNpi,
  makeTestNpi,
  type NpiError,
  type NpiErrorCode,
  type NpiResult,
  npiCheckDigit,
  validateNpi,
} from './npi';
