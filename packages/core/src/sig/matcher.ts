import type { Apply, Draft } from './draft';
import type { Token } from './tokens';

export interface Match {
  len: number;
  apply: Apply;
  /** A new dose while the current instruction already has one starts a concurrent instruction. */
  isDose?: boolean;
}

/** A matcher looks at position i and, if it recognizes what starts there, says how many tokens it covers. */
export type Matcher = (t: readonly Token[], i: number, d: Readonly<Draft>) => Match | undefined;
