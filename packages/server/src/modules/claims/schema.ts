import { z } from 'zod';

const code2 = z
  .string()
  .trim()
  .regex(/^[0-9A-Z]{2}$/, 'must be a 2-character NCPDP code');

export const DurOverrideInput = z.object({
  reasonCode: code2.describe('439-E4 Reason for Service (the conflict: DD, TD, ID, ER, …)'),
  professionalServiceCode: code2.describe('440-E5 Professional Service (M0 prescriber consulted, R0 …)'),
  resultCode: code2.describe(
    '441-E6 Result of Service (1B filled as is, 1G filled with prescriber approval …)',
  ),
  levelOfEffort: z
    .string()
    .regex(/^\d{2}$/)
    .optional()
    .describe('474-8E Level of Effort (11–15)'),
});

export const BillInput = z.object({
  coverageId: z.string().max(100).optional().describe('Coverage to bill (default: the priority-1 coverage)'),
  durOverride: z
    .union([DurOverrideInput, z.array(DurOverrideInput).max(9)])
    .optional()
    .describe('Pharmacist DUR/PPS override (needs claims.dur_override)'),
  quantity: z
    .number()
    .positive()
    .max(100_000)
    .optional()
    .describe('Bill this quantity (e.g. the plan’s allowed amount)'),
  daysSupply: z.number().int().positive().max(365).optional(),
  rebill: z.boolean().optional().describe('Replace a paid claim with a B3 rebill'),
  paNumber: z
    .string()
    .trim()
    .min(1)
    .max(11)
    .optional()
    .describe('Prior authorization number (default: approved PA case)'),
});

export const SecondaryInput = z.object({ coverageId: z.string().max(100).optional() });
export const ReverseInput = z.object({ reason: z.string().trim().min(2).max(500) });
export const EligibilityInput = z.object({
  patientId: z.string().min(1).max(100),
  coverageId: z.string().max(100).optional(),
});

export const ClaimQueryInput = z.object({
  siteId: z.string().max(100).optional(),
  status: z.enum(['new', 'paid', 'captured', 'rejected', 'unknown', 'reversed']).optional(),
  payer: z.string().max(120).optional().describe('BIN or payer name'),
  rejectCode: z.string().max(3).optional(),
  from: z.string().max(30).optional().describe('ISO date/time, inclusive'),
  to: z.string().max(30).optional().describe('ISO date/time, exclusive'),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const ReportQueryInput = ClaimQueryInput.extend({
  groupBy: z.enum(['status', 'payer', 'rejectCode']).default('status'),
  format: z.enum(['json', 'csv']).default('json'),
});

export const CashPriceQuery = z.object({
  siteId: z.string().min(1).max(100),
  ndc11: z.string().regex(/^\d{11}$/, 'must be an 11-digit NDC'),
  quantity: z.coerce.number().positive().max(100_000),
});

export const EndpointInput = z.object({
  bin: z.string().regex(/^\d{6}$/, 'must be the 6-digit BIN'),
  pcn: z.string().trim().max(10).optional(),
  url: z.string().min(8).max(300).describe('tcp://host:port or http://host:port/d0'),
  timeoutMs: z.number().int().min(50).max(120_000).optional(),
});

export const PaCreateInput = z.object({
  claimId: z
    .string()
    .max(100)
    .optional()
    .describe('Open from a claim rejected 75 (copies patient, drug, payer)'),
  patientId: z.string().max(100).optional(),
  fillId: z.string().max(100).optional(),
  coverageId: z.string().max(100).optional(),
  ndc11: z
    .string()
    .regex(/^\d{11}$/)
    .optional(),
  drugDescription: z.string().max(300).optional(),
  prescriberId: z.string().max(100).optional(),
  diagnosisCode: z.string().trim().max(20).optional().describe('ICD-10-CM code'),
  notes: z.string().max(4000).optional(),
  notifyPatient: z.boolean().optional().describe('Tell the patient about the delay (default true)'),
});
export const PaUpdateInput = z.object({
  diagnosisCode: z.string().trim().max(20).optional(),
  notes: z.string().max(4000).optional(),
  prescriberId: z.string().max(100).optional(),
});
export const PaTransitionInput = z.object({
  note: z.string().max(2000).optional(),
  paNumber: z.string().trim().max(11).optional().describe('Required to approve'),
  expiresOn: z.iso.date().optional(),
  denialReason: z.string().max(1000).optional().describe('Required to deny'),
});
export const PaQueryInput = z.object({
  siteId: z.string().max(100).optional(),
  status: z.string().max(30).optional(),
  stalledDays: z.coerce
    .number()
    .int()
    .min(0)
    .max(365)
    .optional()
    .describe('Only open cases idle at least this long'),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export const DocumentInput = z.object({
  contentType: z.enum(['application/pdf', 'image/png', 'image/jpeg', 'image/tiff']),
  filename: z.string().max(200).optional(),
  base64: z.string().min(4).max(7_000_000),
});
