import fs from 'node:fs';
import { z } from 'zod';

/**
 * The payer simulator's plans file (JSON; YAML when the file ends in .yaml/.yml). Every BIN, PCN, group and
 * member id in a plans file is an invented TEST value; the simulator is for development and tests only.
 * Dates are YYYY-MM-DD. Money is integer cents. See docs/claims.md for a walk-through.
 */
const isoDate = z.iso.date();
const ndc11 = z.string().regex(/^\d{11}$/, 'must be an 11-digit NDC');

export const CostShare = z
  .object({
    copayCents: z.number().int().min(0).optional().describe('Flat copay per claim'),
    coinsurancePercent: z.number().min(0).max(100).optional().describe('Share of the allowed amount'),
    minCents: z.number().int().min(0).optional(),
    maxCents: z.number().int().min(0).optional(),
  })
  .refine((c) => (c.copayCents === undefined) !== (c.coinsurancePercent === undefined), {
    message: 'give either copayCents or coinsurancePercent',
  });
export type CostShare = z.infer<typeof CostShare>;

export const FormularyDrug = z.object({
  ndc11,
  name: z.string().min(1).describe('Drug name for messages'),
  ingredients: z.array(z.string()).default([]).describe('Lower-case generic ingredients (DUR screening)'),
  tier: z.number().int().min(1).max(9).default(1),
  covered: z.boolean().default(true).describe('false → reject 70 Product/Service Not Covered'),
  priorAuth: z.boolean().default(false).describe('true → reject 75 unless a PA is on file'),
  maxQuantity: z.number().positive().optional().describe('Quantity limit per claim (reject 76)'),
  maxDaysSupply: z.number().int().positive().optional().describe('Days-supply limit per claim (reject 76)'),
  minAge: z.number().int().min(0).optional().describe('Reject 60 below this age in years'),
  maxAge: z.number().int().min(0).optional().describe('Reject 60 above this age in years'),
  gender: z.enum(['1', '2']).optional().describe('Only this NCPDP gender code (1 male, 2 female); else 61'),
  macPerUnitCents: z.number().min(0).optional().describe('Maximum allowable cost per unit'),
  alternatives: z.array(ndc11).default([]).describe('Preferred products returned with a 70/75 reject'),
});
export type FormularyDrug = z.infer<typeof FormularyDrug>;

export const OtherCoverage = z.object({
  bin: z.string().regex(/^\d{6}$/),
  pcn: z.string().default(''),
  memberId: z.string(),
  groupId: z.string().optional(),
  personCode: z.string().optional(),
});

export const Member = z.object({
  memberId: z.string().min(1),
  personCode: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  dateOfBirth: isoDate.optional(),
  gender: z.enum(['0', '1', '2']).optional(),
  effectiveFrom: isoDate.optional(),
  terminatedOn: isoDate.optional().describe('Claims after this date reject 65'),
  otherCoverage: z
    .array(OtherCoverage)
    .default([])
    .describe('Plans that pay BEFORE this one (this plan is secondary): a claim without COB rejects 41'),
});
export type Member = z.infer<typeof Member>;

export const PriorAuth = z.object({
  memberId: z.string(),
  ndc11,
  paNumber: z.string().min(1).max(11),
  expiresOn: isoDate.optional(),
});
export type PriorAuth = z.infer<typeof PriorAuth>;

export const Fault = z.object({
  mode: z.enum(['none', 'timeout', 'drop']).default('none'),
  latencyMs: z.number().int().min(0).default(0),
  /** 'after': adjudicate and record the claim, then misbehave (the dangerous case); 'before': never see it. */
  stage: z.enum(['before', 'after']).default('after'),
  /** How many requests the fault applies to (then it clears); omitted = until changed. */
  count: z.number().int().positive().optional(),
});
export type Fault = z.infer<typeof Fault>;

export const Plan = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  bin: z.string().regex(/^\d{6}$/),
  pcn: z.string().default(''),
  groups: z.array(z.string()).default([]).describe('Accepted group ids; empty = any (else reject 06)'),
  captureOnly: z.boolean().default(false).describe('Claims are captured (status C), not paid'),
  formularyMode: z.enum(['open', 'closed']).default('open').describe('closed: drugs not listed reject 70'),
  defaultTier: z.number().int().min(1).max(9).default(2),
  tiers: z.record(z.string(), CostShare).default({}),
  ingredientCostPercent: z
    .number()
    .min(0)
    .max(200)
    .default(100)
    .describe('Share of submitted ingredient cost allowed'),
  dispensingFeeCents: z.number().int().min(0).default(150),
  refillThreshold: z
    .number()
    .min(0)
    .max(1)
    .default(0.75)
    .describe('Share of the last supply used before a refill pays (79)'),
  dur: z
    .object({
      drugDrugSeverities: z
        .array(z.enum(['contraindicated', 'major', 'moderate', 'minor']))
        .default(['contraindicated', 'major']),
      therapeuticDuplication: z.boolean().default(true),
    })
    .default({ drugDrugSeverities: ['contraindicated', 'major'], therapeuticDuplication: true }),
  prescribers: z
    .object({
      requireValidNpi: z.boolean().default(true).describe('Missing or bad check digit → 25'),
      known: z.array(z.string()).optional().describe('If given, other NPIs reject 56'),
      excluded: z.array(z.string()).default([]).describe('NPIs not covered → 71'),
    })
    .default({ requireValidNpi: true, excluded: [] }),
  formulary: z.array(FormularyDrug).default([]),
  members: z.array(Member).default([]),
  priorAuthorizations: z.array(PriorAuth).default([]),
  helpDeskPhone: z.string().optional(),
  fault: Fault.optional(),
});
export type Plan = z.infer<typeof Plan>;

export const PlansFile = z.object({
  description: z.string().optional(),
  plans: z.array(Plan).min(1),
});
export type PlansFile = z.infer<typeof PlansFile>;

export class PlansFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: { field: string; reason: string }[],
  ) {
    super(`${file}: ${problems.map((p) => `${p.field}: ${p.reason}`).join('; ')}`);
    this.name = 'PlansFileError';
  }
}

export function parsePlans(data: unknown, file = 'plans'): PlansFile {
  const r = PlansFile.safeParse(data);
  if (!r.success)
    throw new PlansFileError(
      file,
      r.error.issues.map((i) => ({ field: i.path.join('.') || '(root)', reason: i.message })),
    );
  return r.data;
}

/** Reads a plans file. YAML uses the `yaml` package (installed with @fastify/swagger), loaded only when needed. */
export async function loadPlansFile(file: string): Promise<PlansFile> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new PlansFileError(file, [{ field: '(file)', reason: (e as Error).message }]);
  }
  let data: unknown;
  try {
    if (/\.ya?ml$/i.test(file)) {
      const yaml = (await import('yaml')) as { parse(s: string): unknown };
      data = yaml.parse(text);
    } else data = JSON.parse(text);
  } catch (e) {
    throw new PlansFileError(file, [{ field: '(syntax)', reason: (e as Error).message }]);
  }
  return parsePlans(data, file);
}
