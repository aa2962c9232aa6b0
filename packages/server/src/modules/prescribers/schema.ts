import { z } from 'zod';

export const PrescriberInput = z.object({
  siteId: z.string().min(1),
  firstName: z.string().trim().min(1).max(80),
  lastName: z.string().trim().min(1).max(80),
  credential: z.string().trim().max(20).optional().describe('MD, DO, NP, PA, DDS …'),
  npi: z.string().trim().describe('National Provider Identifier (Luhn-checked)'),
  deaNumber: z
    .string()
    .trim()
    .toUpperCase()
    .optional()
    .describe('DEA registration (format, check digit and last-name letter checked)'),
  stateLicense: z.string().trim().max(40).optional(),
  specialty: z.string().trim().max(80).optional(),
  phone: z.string().trim().max(30).optional(),
  fax: z.string().trim().max(30).optional(),
  isTestIdentifier: z
    .boolean()
    .default(false)
    .describe('Marks made-up NPI/DEA numbers used in demos and tests'),
  supervisingPrescriberId: z
    .string()
    .optional()
    .describe('Supervising physician of a mid-level practitioner (NP, PA)'),
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
});
export type PrescriberInput = z.infer<typeof PrescriberInput>;

export const PrescriberOut = z.object({
  id: z.string(),
  siteId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  credential: z.string().nullable(),
  npi: z.string(),
  deaNumber: z.string().nullable(),
  stateLicense: z.string().nullable(),
  specialty: z.string().nullable(),
  phone: z.string().nullable(),
  fax: z.string().nullable(),
  isTestIdentifier: z.boolean(),
  supervisingPrescriberId: z.string().nullable(),
  addressLine1: z.string().nullable(),
  city: z.string().nullable(),
  state: z.string().nullable(),
  postalCode: z.string().nullable(),
});
