import type { Severity, Source } from '../types';

/** One side of an interaction: any ingredient listed, or any member of a listed class, minus `except`. */
export interface DdiSide {
  classes?: readonly string[];
  ingredients?: readonly string[];
  except?: readonly string[];
}

export interface DdiRule {
  /** Stable id; the alert id is `ddi:<id>`. */
  id: string;
  a: DdiSide;
  b: DdiSide;
  severity: Severity;
  title: string;
  mechanism: string;
  management: string;
  source: Source;
  /** Row number in the ONC high-priority list (Phansalkar 2012 Table 2), when the rule encodes one. */
  onc?: number;
  /** When this rule also fires for the same pair, it replaces this one (avoids a weaker duplicate alert). */
  supersededBy?: string;
}
