import { z } from 'zod';

export const FORMULARY_STATUSES = ['formulary', 'non_formulary', 'restricted'] as const;
export const MATCH_TYPES = ['ndc11', 'product', 'rxcui'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);

export const Alternative = z.object({
  name: text(200).describe('Preferred therapeutic alternative'),
  ndc: z.string().trim().max(20).optional().describe('NDC in any form'),
  rxcui: z
    .string()
    .regex(/^\d{1,8}$/)
    .optional(),
});

export const EntryInput = z.object({
  siteId: z
    .string()
    .min(1)
    .optional()
    .describe('Site formulary; omit for the organization-wide formulary (e.g. a national formulary)'),
  matchType: z
    .enum(MATCH_TYPES)
    .describe(
      'ndc11 = one package; product = every package of a labeler-product NDC; rxcui = every NDC of a clinical drug',
    ),
  matchValue: text(20).describe('NDC (any form), product NDC (e.g. 0002-3227) or RxCUI'),
  drugName: text(200),
  status: z.enum(FORMULARY_STATUSES),
  tier: z.number().int().min(1).max(6).optional(),
  criteriaForUse: z.string().trim().max(2000).optional(),
  priorAuthCriteria: z.string().trim().max(2000).optional(),
  quantityLimit: z.string().trim().max(200).optional().describe('e.g. "30 tablets per 30 days"'),
  stepTherapy: z.string().trim().max(2000).optional().describe('Drugs to try first'),
  alternatives: z.array(Alternative).max(20).default([]),
  notes: z.string().trim().max(2000).optional(),
});
export type EntryInput = z.infer<typeof EntryInput>;

export const EntryOut = z.object({
  id: z.string(),
  formularyId: z.string(),
  level: z.enum(['site', 'organization']),
  siteId: z.string().nullable(),
  matchType: z.string(),
  matchValue: z.string(),
  drugName: z.string(),
  status: z.string(),
  tier: z.number().nullable(),
  criteriaForUse: z.string().nullable(),
  priorAuthCriteria: z.string().nullable(),
  quantityLimit: z.string().nullable(),
  stepTherapy: z.string().nullable(),
  alternatives: z.array(
    z.object({ name: z.string(), ndc11: z.string().optional(), rxcui: z.string().optional() }),
  ),
  notes: z.string().nullable(),
  version: z.number(),
  updatedAt: z.string(),
});
export type EntryOut = z.infer<typeof EntryOut>;

export const EntryQuery = z.object({
  siteId: z
    .string()
    .optional()
    .describe('Entries in force at this site (site entries override the organization’s)'),
  q: z.string().trim().max(80).optional().describe('Drug name contains'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const StatusQuery = z.object({
  siteId: z.string().min(1),
  ndc: z.string().trim().min(1).max(60).describe('NDC in any form'),
});

export const RequestInput = z.object({
  siteId: z.string().min(1),
  ndc: z.string().trim().max(60).optional().describe('NDC in any form'),
  rxcui: z
    .string()
    .regex(/^\d{1,8}$/)
    .optional(),
  drugName: text(200),
  indication: text(1000),
  justification: text(2000).describe('Why formulary alternatives are not suitable'),
  patientId: z.string().max(100).optional(),
});
export type RequestInput = z.infer<typeof RequestInput>;

export const DecisionInput = z.object({
  decision: z.enum(['approved', 'denied']),
  reason: text(2000).describe('Required for both outcomes; kept in the audit trail'),
  version: z.number().int().positive().optional(),
});
export type DecisionInput = z.infer<typeof DecisionInput>;

export const RequestOut = z.object({
  id: z.string(),
  siteId: z.string(),
  ndc11: z.string().nullable(),
  rxcui: z.string().nullable(),
  drugName: z.string(),
  indication: z.string(),
  justification: z.string(),
  patientId: z.string().nullable(),
  status: z.string(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  version: z.number(),
});

export const RequestQuery = z.object({
  siteId: z.string().optional(),
  status: z.enum(['requested', 'approved', 'denied']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
