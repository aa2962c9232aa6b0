import { z } from 'zod';

const isoDate = z.iso.date('must be a date as YYYY-MM-DD');

export const PatientInput = z.object({
  siteId: z.string().min(1).describe('Site the patient record belongs to'),
  mrn: z.string().trim().min(1).max(40).optional().describe('Medical record number (generated when omitted)'),
  firstName: z.string().trim().min(1).max(80),
  lastName: z.string().trim().min(1).max(80),
  birthDate: isoDate
    .refine((d) => d <= new Date().toISOString().slice(0, 10), 'must not be in the future')
    .describe('Date of birth'),
  sex: z.enum(['female', 'male', 'other', 'unknown']).describe('Administrative sex'),
  phone: z.string().trim().max(30).optional(),
  addressLine1: z.string().trim().max(120).optional(),
  city: z.string().trim().max(80).optional(),
  state: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be a two-letter US state code')
    .optional(),
  postalCode: z
    .string()
    .regex(/^\d{5}(-\d{4})?$/, 'must be a ZIP or ZIP+4')
    .optional(),
  language: z.string().trim().max(40).optional(),
  allergyStatus: z
    .enum(['unknown', 'nka', 'has_allergies'])
    .default('unknown')
    .describe('"nka" = no known allergies, recorded explicitly'),
  pregnancyStatus: z.enum(['unknown', 'not_pregnant', 'pregnant']).default('unknown'),
  lactating: z.boolean().default(false),
  preferences: z
    .object({
      easyOpenCaps: z.boolean().optional(),
      largePrint: z.boolean().optional(),
      autoRefill: z.boolean().optional(),
      notificationChannel: z.enum(['console', 'sms', 'email', 'phone', 'none']).optional(),
    })
    .default({}),
  identifiers: z
    .array(
      z.object({
        system: z.string().min(1).max(60).describe('e.g. "MRN:General Hospital", "external"'),
        value: z.string().min(1).max(80),
      }),
    )
    .max(20)
    .default([]),
  confirmNotDuplicate: z.boolean().default(false).describe('Create even though a possible duplicate exists'),
});
export type PatientInput = z.infer<typeof PatientInput>;

export const PatientUpdate = PatientInput.omit({
  siteId: true,
  identifiers: true,
  confirmNotDuplicate: true,
}).extend({
  version: z
    .number()
    .int()
    .positive()
    .describe('Version read; the update is refused if someone saved in between'),
  reason: z.string().trim().max(500).optional(),
});
export type PatientUpdate = z.infer<typeof PatientUpdate>;

export const PatientOut = z.object({
  id: z.string(),
  siteId: z.string(),
  mrn: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: z.string(),
  sex: z.string(),
  phone: z.string().nullable(),
  addressLine1: z.string().nullable(),
  city: z.string().nullable(),
  state: z.string().nullable(),
  postalCode: z.string().nullable(),
  language: z.string().nullable(),
  allergyStatus: z.string(),
  pregnancyStatus: z.string(),
  lactating: z.boolean(),
  preferences: z.record(z.string(), z.unknown()),
  mergedIntoId: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const PatientQuery = z.object({
  siteId: z.string().optional().describe('Only this site'),
  q: z.string().trim().max(80).optional().describe('Name prefix ("smi", "smith, jo") or MRN'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
