import { z } from 'zod';

const isoDate = z.iso.date('must be a date as YYYY-MM-DD');
const ndc11 = z.string().regex(/^\d{11}$/, 'must be an 11-digit NDC (normalize it first)');

export const DocumentInput = z.object({
  contentType: z
    .enum(['application/pdf', 'image/png', 'image/jpeg', 'image/tiff'])
    .describe('Type of the scanned original'),
  filename: z.string().max(200).optional(),
  base64: z.string().min(4).max(7_000_000).describe('The file, base64-encoded (max ~5 MB)'),
});

export const ManualPrescriptionInput = z.object({
  siteId: z.string().min(1),
  origin: z.enum(['written', 'phone', 'fax', 'transfer_in']).describe('How the prescription arrived'),
  patientId: z.string().optional(),
  prescriberId: z.string().optional(),
  drugDescription: z.string().trim().min(2).max(300).describe('Drug as written by the prescriber'),
  ndc11: ndc11.optional(),
  sigText: z.string().trim().max(1000).optional(),
  quantity: z.number().positive().max(100_000).optional(),
  daysSupply: z.number().int().positive().max(365).optional(),
  refillsAuthorized: z.number().int().min(0).max(99).default(0),
  daw: z
    .enum(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'])
    .default('0')
    .describe('NCPDP DAW/product selection code'),
  writtenDate: isoDate,
  notes: z.string().max(2000).optional(),
  priority: z.enum(['waiter', 'normal', 'delivery', 'mail']).default('normal'),
  promisedAt: z.iso.datetime().optional(),
  document: DocumentInput.optional(),
  transfer: z
    .object({
      pharmacyName: z.string().min(2).max(200),
      pharmacyAddress: z.string().max(300).optional(),
      pharmacyDea: z.string().max(20).optional(),
      pharmacyPhone: z.string().max(30).optional(),
      transferringPharmacist: z.string().min(2).max(120),
      originalRxNumber: z.string().min(1).max(40),
      originalDate: isoDate,
      lastFillDate: isoDate.optional(),
      refillsRemaining: z.number().int().min(0).max(99),
    })
    .optional()
    .describe('Required when origin is transfer_in (21 CFR 1306.25 record)'),
});
export type ManualPrescriptionInput = z.infer<typeof ManualPrescriptionInput>;

export const EntryInput = z.object({
  ndc11: ndc11.describe('Product chosen from the drug knowledge base'),
  sigText: z.string().trim().min(1).max(1000),
  quantity: z.number().positive().max(100_000),
  daysSupply: z.number().int().positive().max(365).optional().describe('Computed from the sig when omitted'),
  refillsAuthorized: z.number().int().min(0).max(99),
  daw: z.enum(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']).default('0'),
  patientId: z.string().optional(),
  prescriberId: z.string().optional(),
  dropsPerMl: z.number().positive().max(60).optional(),
  unitsPerPackage: z
    .number()
    .positive()
    .optional()
    .describe('Actuations per inhaler, units per insulin pen/vial'),
});
export type EntryInput = z.infer<typeof EntryInput>;

export const ActionInput = z.object({
  reason: z.string().trim().max(1000).optional(),
  password: z.string().max(256).optional().describe('Pharmacist e-signature (final verification)'),
  scan: z.string().max(500).optional().describe('Barcode as scanned (NDC, UPC, GS1 DataMatrix)'),
  lot: z.string().max(40).optional(),
  expiry: isoDate.optional(),
  quantity: z.number().positive().optional(),
  payment: z.enum(['cash', 'claim']).optional(),
  pickup: z
    .object({
      patientId: z.string().describe('The patient at the counter (bag must belong to them)'),
      birthDateConfirmed: isoDate.describe('Date of birth stated by the person picking up'),
      pickedUpBy: z.string().max(120).optional(),
      idType: z.string().max(40).optional(),
      idNumber: z.string().max(60).optional(),
      signature: z.string().min(2).max(200_000).describe('Captured signature (image data URL or typed name)'),
      counseling: z.enum(['accepted', 'declined']),
    })
    .optional(),
  clarification: z
    .object({
      channel: z.enum(['phone', 'fax', 'erx', 'in_person']),
      contact: z.string().max(200).optional(),
      question: z.string().min(3).max(2000),
    })
    .optional(),
  answer: z.string().max(2000).optional(),
});
export type ActionInput = z.infer<typeof ActionInput>;
