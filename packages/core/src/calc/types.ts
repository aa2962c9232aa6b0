/** Public shapes of the calculations registry (wired generically to HTTP, CLI and web). */
export interface CalcInputSpec {
  name: string;
  label: string;
  kind: 'quantity' | 'number' | 'choice' | 'date' | 'text' | 'list';
  /** e.g. 'mass', 'length', 'mass/volume' (for docs/UI) */
  dimension?: string;
  /** accepted example units shown to the user, e.g. ['kg','[lb_av]','g'] */
  units?: string[];
  defaultUnit?: string;
  required: boolean;
  choices?: string[];
  default?: string | number;
  description: string;
}

export interface CalcDefinition {
  id: string;
  title: string;
  category: string;
  description: string;
  inputs: CalcInputSpec[];
  source: string;
}

/** Raw user values, e.g. { weight: '87 kg', age: 53, sex: 'male' } */
export type CalcInputValues = Record<string, string | number | undefined>;

export interface CalcStep {
  label: string;
  expression: string;
  value: string;
}

export interface CalcResult {
  id: string;
  value: number | string;
  unit: string;
  display: string;
  formula: string;
  steps: CalcStep[];
  rounding: string;
  source: string;
  warnings: string[];
  extra?: Record<string, number | string>;
}
