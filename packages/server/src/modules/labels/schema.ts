import { DEA_SCHEDULES } from '@apotheca/core/labels';
import { z } from 'zod';

// Shapes only; the labeling rules (what must be present, and why) are core's validateLabel.
const text = (max: number, what: string) => z.string().max(max).describe(what);
const isoDate = (what: string) => z.string().max(10).describe(`${what} (ISO date YYYY-MM-DD)`);

export const LabelDataIn = z
  .object({
    pharmacy: z.object({
      name: text(120, 'Pharmacy name as licensed'),
      address: text(200, 'Pharmacy street address, city, state, ZIP'),
      phone: text(40, 'Pharmacy phone'),
      dea: text(20, 'Pharmacy DEA registration (optional)').optional(),
    }),
    patient: z.object({
      name: text(200, 'Patient name as it should print, e.g. "DOE, JANE"'),
      address: text(200, 'Patient address (optional)').optional(),
    }),
    rxNumber: text(30, 'Prescription serial number'),
    fillNumber: z.number().int().min(0).max(99).describe('0 = original fill, n = nth refill'),
    fillDate: isoDate('Date filled'),
    drug: z.object({
      name: text(200, 'Drug display name, tall-man lettering preserved (e.g. "hydrOXYzine HCl")'),
      strength: text(60, 'Strength, e.g. "10 mg"'),
      form: text(60, 'Dosage form, e.g. "tablet"'),
      ndc11: text(11, 'NDC of the dispensed product, 11 digits without hyphens'),
      manufacturer: text(120, 'Manufacturer or labeler (optional)').optional(),
    }),
    directions: text(1000, 'Directions for use in plain English'),
    quantity: z.number().positive().max(1_000_000).describe('Quantity dispensed'),
    unit: text(30, 'Unit of the quantity, e.g. "tablets", "mL"'),
    refillsLeft: z.number().int().min(0).max(99).describe('Refills remaining after this fill'),
    refillsExpire: isoDate('Date remaining refills lapse').optional(),
    prescriberName: text(120, 'Prescriber name'),
    discardAfter: isoDate('Discard-after (beyond-use) date'),
    deaSchedule: z.enum(DEA_SCHEDULES).optional().describe('DEA schedule if controlled'),
    auxiliary: z.array(text(300, 'Warning text')).max(20).describe('Auxiliary warnings, in print order'),
    pharmacistInitials: text(10, 'Verifying pharmacist initials (optional)').optional(),
    barcodeValue: text(40, 'Code 128 value: letters, digits, "-", "." or "/"'),
  })
  .describe('Everything a prescription label prints');

export const LabelQuery = z.object({
  format: z
    .enum(['pdf', 'zpl'])
    .default('pdf')
    .describe('pdf (application/pdf) or zpl (ZPL II text for thermal printers)'),
});
