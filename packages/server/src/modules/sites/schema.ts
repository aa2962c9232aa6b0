import { z } from 'zod';
import { SETTING_TYPES } from '../../platform/db/schema';

export const SiteInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9-]{1,19}$/, 'must be 2–20 upper-case letters, digits or dashes')
    .describe('Short unique site code, e.g. MAIN'),
  name: z.string().trim().min(2).max(120).describe('Site name'),
  settingType: z.enum(SETTING_TYPES).describe('Practice setting'),
  addressLine1: z.string().trim().max(120).optional(),
  addressLine2: z.string().trim().max(120).optional(),
  city: z.string().trim().max(80).optional(),
  state: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be a two-letter US state code')
    .optional(),
  postalCode: z
    .string()
    .regex(/^\d{5}(-\d{4})?$/, 'must be a ZIP or ZIP+4')
    .optional(),
  phone: z.string().trim().max(30).optional(),
  ncpdpId: z
    .string()
    .regex(/^\d{7}$/, 'must be the 7-digit NCPDP provider id')
    .optional(),
  npi: z
    .string()
    .regex(/^\d{10}$/, 'must be 10 digits')
    .optional(),
  deaNumber: z
    .string()
    .regex(/^[A-Z][A-Z9]\d{7}$/, 'must be 2 letters and 7 digits')
    .optional(),
  timeZone: z
    .string()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'must be an IANA time zone such as America/Chicago')
    .default('America/New_York'),
  allowNegativeOnHand: z.boolean().default(false),
});
export type SiteInput = z.infer<typeof SiteInput>;

export const SiteOut = z.object({
  id: z.string(),
  organizationId: z.string(),
  code: z.string(),
  name: z.string(),
  settingType: z.enum(SETTING_TYPES),
  addressLine1: z.string().nullable(),
  addressLine2: z.string().nullable(),
  city: z.string().nullable(),
  state: z.string().nullable(),
  postalCode: z.string().nullable(),
  phone: z.string().nullable(),
  ncpdpId: z.string().nullable(),
  npi: z.string().nullable(),
  deaNumber: z.string().nullable(),
  timeZone: z.string(),
  allowNegativeOnHand: z.boolean(),
  createdAt: z.string(),
});
