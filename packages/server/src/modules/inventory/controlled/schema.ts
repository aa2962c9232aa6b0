import { z } from 'zod';
import { LocationCode, Ndc11, Quantity } from '../ledger/schema';

export const CsInventoryInput = z.object({
  siteId: z.string().min(1),
  kind: z.enum(['initial', 'biennial']),
  takenAt: z.iso.date().describe('Date the inventory was taken'),
  timeOfDay: z
    .enum(['opening', 'close'])
    .describe('21 CFR 1304.11(a): state whether taken at the opening or close of business'),
  lines: z
    .array(
      z.object({
        ndc11: Ndc11,
        countType: z.enum(['exact', 'estimate']),
        quantity: z.number().min(0).max(1e9).describe('Units counted (or estimated)'),
        containerUnits: z
          .number()
          .min(0)
          .max(1e9)
          .optional()
          .describe('Units the opened container holds when full (for the >1,000 rule)'),
        location: LocationCode.optional(),
      }),
    )
    .max(5000),
});

export const LossReportInput = z.object({
  siteId: z.string().min(1),
  kind: z.enum(['theft', 'loss', 'in_transit_loss', 'armed_robbery']),
  discoveredAt: z.iso.datetime(),
  description: z.string().trim().min(3).max(4000),
  fieldOfficeNotifiedAt: z.iso.datetime().optional(),
  policeReport: z.string().max(100).optional(),
  lines: z
    .array(
      z.object({
        ndc11: Ndc11,
        location: LocationCode,
        lot: z.string().max(20).optional(),
        expiry: z.iso.date().optional(),
        quantity: Quantity,
      }),
    )
    .min(1)
    .max(500),
});

export const LossFiledInput = z.object({
  dea106Number: z.string().trim().min(1).max(50),
  filedAt: z.iso.datetime(),
});

export const DiscrepancyInput = z.object({
  siteId: z.string().min(1),
  ndc11: Ndc11,
  expected: z.number().min(-1e9).max(1e9),
  actual: z.number().min(-1e9).max(1e9),
  source: z.string().max(200).optional(),
  note: z.string().max(2000).optional(),
});

export const DiscrepancyNote = z.object({ note: z.string().trim().min(1).max(4000) });

export const DiscrepancyClose = z.object({
  resolution: z.string().trim().max(4000).optional().describe('What was found and done (required)'),
  lossReportId: z
    .string()
    .optional()
    .describe('DEA Form 106 report when the investigation found a theft or significant loss'),
  password: z.string().max(256).optional().describe('Pharmacist-in-charge password, entered again to sign'),
});
