import { z } from 'zod';
import { MOVEMENT_TYPES } from './types';

export const Ndc11 = z
  .string()
  .regex(/^\d{11}$/, 'must be an 11-digit NDC')
  .describe('11-digit NDC (5-4-2, no dashes)');
const IsoDate = z.iso.date('must be YYYY-MM-DD');
export const Quantity = z.number().positive().max(1e9).describe('Units (each, mL or g), up to 3 decimals');
export const LocationCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Z0-9_-]+$/i)
  .transform((s) => s.toUpperCase());

const StockRef = {
  siteId: z.string().min(1),
  ndc11: Ndc11,
  lot: z.string().trim().max(40).optional(),
  expiry: IsoDate.optional(),
  serial: z.string().trim().max(40).optional(),
  reason: z.string().trim().max(500).optional(),
  reference: z.string().trim().max(100).optional().describe('Prescription fill, order or document number'),
  idempotencyKey: z.string().trim().min(1).max(100).optional().describe('Same key again = not applied twice'),
};

export const MoveInput = z.object({
  ...StockRef,
  type: z.enum([
    'dispense',
    'return_from_patient',
    'return_to_supplier',
    'transfer',
    'quarantine',
    'release',
  ]),
  location: LocationCode.describe('Where the stock is (or arrives, for returns)'),
  toLocation: LocationCode.optional().describe('Destination for transfer/quarantine/release'),
  toSiteId: z.string().optional().describe('Destination site for a transfer between sites'),
  quantity: Quantity,
  patientId: z.string().optional(),
});
export type MoveInput = z.infer<typeof MoveInput>;

export const AdjustInput = z.object({
  ...StockRef,
  location: LocationCode,
  quantity: z
    .number()
    .refine((n) => n !== 0, 'must not be 0')
    .describe('Signed change in units'),
  reason: z.string().trim().min(3).max(500).describe('Why (required)'),
});
export type AdjustInput = z.infer<typeof AdjustInput>;

export const WasteInput = z.object({
  ...StockRef,
  location: LocationCode,
  quantity: Quantity,
  reason: z.string().trim().min(3).max(500),
  witness: z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(256) }),
});
export type WasteInput = z.infer<typeof WasteInput>;

export const OnHandQuery = z.object({
  siteId: z.string().optional(),
  ndc11: Ndc11.optional(),
  location: LocationCode.optional(),
  lot: z.string().optional(),
});

export const MovementQuery = z.object({
  siteId: z.string().min(1),
  ndc11: Ndc11.optional(),
  lot: z.string().optional(),
  type: z.enum(MOVEMENT_TYPES).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const BalanceOut = z.object({
  siteId: z.string(),
  location: z.string(),
  ndc11: z.string(),
  lot: z.string().nullable(),
  expiry: z.string().nullable(),
  serial: z.string().nullable(),
  quantity: z.number(),
});

export const MovementOut = z.object({
  id: z.string(),
  groupId: z.string(),
  siteId: z.string(),
  type: z.string(),
  location: z.string(),
  ndc11: z.string(),
  lot: z.string().nullable(),
  expiry: z.string().nullable(),
  serial: z.string().nullable(),
  quantity: z.number(),
  balanceAfter: z.number(),
  negative: z.boolean(),
  userId: z.string().nullable(),
  witnessUserId: z.string().nullable(),
  patientId: z.string().nullable(),
  reason: z.string().nullable(),
  reference: z.string().nullable(),
  occurredAt: z.string(),
});
