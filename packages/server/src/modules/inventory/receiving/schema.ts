import { z } from 'zod';
import { LocationCode, Ndc11, Quantity } from '../ledger/schema';

export const ReceiptLine = z.object({
  scan: z
    .string()
    .max(500)
    .optional()
    .describe('GS1 DataMatrix / GS1-128 scan as the scanner sends it (GS or ^ separators)'),
  ndc11: Ndc11.optional().describe('Entered by hand, or to confirm the scan'),
  lot: z.string().trim().max(20).optional(),
  expiry: z.iso.date().optional(),
  serial: z.string().trim().max(20).optional(),
  quantity: Quantity.describe('Good units received'),
  damagedQuantity: z
    .number()
    .min(0)
    .max(1e9)
    .optional()
    .describe('Units received damaged (go to quarantine)'),
  location: LocationCode.optional().describe('Default SHELF; VAULT for Schedule II'),
  unitCostCents: z
    .number()
    .min(0)
    .max(1e9)
    .optional()
    .describe('Cost per unit in cents (default from the PO line)'),
});

export const DscsaInline = z.object({
  sellerName: z.string().trim().min(1).max(200),
  shippedAt: z.iso.date().optional(),
  transactionStatement: z.boolean().describe('The seller provided the transaction statement (TS)'),
  statementText: z.string().max(2000).optional(),
  history: z
    .array(z.object({ owner: z.string(), date: z.string().optional() }))
    .optional()
    .describe('Transaction history (TH), if provided'),
});

export const ReceiptInput = z.object({
  siteId: z.string().min(1),
  poId: z.string().optional(),
  shipmentId: z.string().optional().describe('DSCSA record of this shipment (e.g. from an imported 856)'),
  dscsa: DscsaInline.optional().describe(
    'DSCSA documents entered at the dock when there is no imported record',
  ),
  lines: z.array(ReceiptLine).min(1).max(500),
  notes: z.string().max(2000).optional(),
});
export type ReceiptInput = z.infer<typeof ReceiptInput>;
