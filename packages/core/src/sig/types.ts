/** Public types of the sig (prescription directions) parser. */

/** Dose units after normalization. Liquids are always mL (ISMP: express oral liquid doses in mL). */
export type SigUnit =
  | 'tablet'
  | 'capsule'
  | 'mL'
  | 'drop'
  | 'puff'
  | 'unit'
  | 'spray'
  | 'patch'
  | 'suppository'
  | 'application'
  | 'applicatorful'
  | 'mg'
  | 'mcg'
  | 'g'
  | 'lozenge'
  | 'troche'
  | 'packet'
  | 'vial'
  | 'pen'
  | 'film'
  | 'dose';

export type SigRoute =
  | 'oral'
  | 'sublingual'
  | 'buccal'
  | 'subcutaneous'
  | 'intramuscular'
  | 'intravenous'
  | 'ophthalmic'
  | 'otic'
  | 'nasal'
  | 'inhalation'
  | 'topical'
  | 'rectal'
  | 'vaginal'
  | 'transdermal';

export type SigVerb =
  | 'take'
  | 'chew'
  | 'dissolve'
  | 'apply'
  | 'instill'
  | 'inhale'
  | 'inject'
  | 'insert'
  | 'use'
  | 'place'
  | 'spray'
  | 'swish'
  | 'gargle';

export interface SigDose {
  /** Single amount; absent when the dose is a range. */
  value?: number;
  low?: number;
  high?: number;
  unit?: SigUnit;
  /** Household measure as written, kept for the label: 1 teaspoon is stored as 5 mL with as = { 1, 'teaspoon' }. */
  as?: { value: number; unit: 'teaspoon' | 'tablespoon' };
  /** Strength written next to a countable dose: "1 tab (5 mg)". */
  strength?: { value: number; unit: SigUnit };
  /** Descriptive amount for topicals: "a thin layer", "a small amount". */
  description?: string;
}

export interface SigFrequency {
  /** Conventional code, e.g. BID, TID, Q4-6H, QHS, QAM, QOD, QW, ONCE, 3XW. */
  code: string;
  timesPerDayMin: number;
  timesPerDayMax: number;
  intervalHours?: { low: number; high: number };
  everyNDays?: number;
  daysOfWeek?: string[];
  timeOfDay?: string[];
  /** Scheduled relative to meals: before meals, with meals, after meals. */
  meals?: 'before' | 'with' | 'after';
  /** "up to 4 times a day": timesPerDayMin is 1. */
  upTo?: boolean;
}

export interface SigInstruction {
  verb?: SigVerb;
  dose?: SigDose;
  route?: SigRoute;
  /** Where on the body: 'both eyes', 'left ear', 'each nostril', 'affected area'. */
  site?: string;
  /** How many sites each dose goes to (both eyes, each nostril = 2). */
  siteCount: number;
  frequency?: SigFrequency;
  durationDays?: number;
  /** Unit the duration was written in, for rendering ("for 2 weeks"). */
  durationUnit?: 'day' | 'week' | 'month';
  /** A fixed number of doses ("x3 doses"). */
  doseCount?: number;
  prn: boolean;
  prnReason?: string;
  /** "for blood pressure" without "as needed". */
  indication?: string;
  /** Explicit cap written in the sig, converted to dose units when possible. */
  maxPerDay?: { value: number; unit: string };
  slidingScale: boolean;
  asDirected: boolean;
  /** Plain-English modifiers: 'with food', 'on an empty stomach', 'shake well'. */
  extras: string[];
  /** True when this step starts after the previous one ends (taper); false for concurrent parts. */
  sequential: boolean;
  /** "on days 2-5": the day of the course this step covers. */
  dayRange?: { from: number; to: number };
  /** "then stop" after this step. */
  stopAfter?: boolean;
}

export interface DailyAmount {
  value: number;
  unit: string;
}

export interface ParsedSig {
  input: string;
  /** Every token was understood. When false, `text` is the original free text. */
  ok: boolean;
  instructions: SigInstruction[];
  /** Input fragments that were not understood. */
  unparsed: string[];
  /** Patient-readable directions; the cleaned original text when the sig was not fully understood. */
  text: string;
  /** Rendering of what was understood, even when not ok (for a prescriber-facing preview). */
  interpretation: string;
  maxDailyDose?: DailyAmount;
  totalDurationDays?: number;
  warnings: string[];
}
