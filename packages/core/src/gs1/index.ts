export { AI_TABLE, type AiComponent, type AiDefinition, lookupAi } from './ai-table';
export { type BuildGs1Options, type BuildGs1Result, buildGs1ElementString } from './build';
export { type Gs1DateResult, gs1Century, parseGs1Date } from './dates';
export {
  DEFAULT_SEPARATORS,
  GS,
  type Gs1Data,
  type Gs1Element,
  type Gs1ParseOptions,
  type Gs1ParseResult,
  parseGs1,
  splitSymbology,
} from './parse';
export { parseScan, type ScanError, type ScanResult } from './scan';
export type { Gs1Error, Gs1ErrorCode } from './validate';
