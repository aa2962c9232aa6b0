import { z } from 'zod';
import { Ndc11 } from '../ledger/schema';

export const TiLineIn = z.object({
  ndc11: Ndc11,
  lot: z.string().max(20).optional(),
  expiry: z.iso.date().optional(),
  quantity: z.number().positive().optional(),
  serials: z.array(z.string().max(20)).max(10_000).optional(),
  description: z.string().max(200).optional(),
});

export const ShipmentInput = z.object({
  siteId: z.string().min(1),
  poId: z.string().optional(),
  sellerName: z.string().trim().min(1).max(200),
  asnNumber: z.string().max(50).optional(),
  shippedAt: z.iso.date().optional(),
  transactionStatement: z.boolean().describe('TS provided by the seller'),
  statementText: z.string().max(2000).optional(),
  lines: z.array(TiLineIn).min(1).max(1000).describe('Transaction information (TI)'),
  history: z
    .array(z.object({ owner: z.string(), date: z.string().optional() }))
    .optional()
    .describe('Transaction history (TH)'),
});
export type ShipmentInput = z.infer<typeof ShipmentInput>;

export const InvestigationInput = z.object({
  siteId: z.string().min(1),
  ndc11: Ndc11,
  lot: z.string().max(20).optional(),
  serial: z.string().max(20).optional(),
  kind: z.enum(['suspect', 'illegitimate']),
  reason: z.string().trim().min(3).max(2000),
});

export const CloseInvestigationInput = z.object({
  outcome: z.enum(['cleared', 'illegitimate']),
  findings: z.string().trim().min(3).max(4000),
  fdaNotifiedAt: z.iso
    .datetime()
    .optional()
    .describe('FDA Form 3911 notification (required when illegitimate)'),
});

export const VerificationInput = z.object({
  siteId: z.string().min(1),
  ndc11: Ndc11,
  gtin: z
    .string()
    .regex(/^\d{14}$/)
    .optional(),
  lot: z.string().max(20),
  serial: z.string().max(20).optional(),
  expiry: z.iso.date().optional(),
  method: z
    .enum(['manual', 'vrs'])
    .default('manual')
    .describe('Verification Router Service or manual check with the manufacturer'),
  result: z.enum(['verified', 'failed']).optional().describe('Answer from the manufacturer/VRS, if obtained'),
  notes: z.string().max(1000).optional(),
});
