import { z } from 'zod';
import { EntryOut } from '../formulary/schema';

export const SearchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1)
    .max(400)
    .describe(
      'Brand or generic name prefix (any word order), NDC in any form, GTIN, GS1 DataMatrix scan or RxCUI',
    ),
  siteId: z.string().optional().describe('Rank this site’s formulary items higher and flag them'),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});

export const DrugHitOut = z.object({
  ndc11: z.string(),
  ndc11Dashed: z.string(),
  ndc10: z.string().nullable(),
  gtin14: z.string().nullable(),
  productId: z.string().nullable(),
  name: z.string().describe('Proprietary name, else nonproprietary, in tall man letters'),
  genericName: z.string().describe('Nonproprietary name in tall man letters'),
  proprietaryName: z.string().nullable(),
  nonproprietaryName: z.string().nullable(),
  strength: z.string().nullable(),
  dosageForm: z.string().nullable(),
  route: z.string().nullable(),
  packageDescription: z.string().nullable(),
  labeler: z.string().nullable(),
  deaSchedule: z.string().nullable(),
  rxcui: z.string().nullable(),
  active: z.boolean(),
  match: z.string().describe('ndc, gtin, scan, product-ndc, ndc-prefix, rxcui or name'),
  onFormulary: z.boolean(),
});

export const SearchOut = z.object({
  query: z.string(),
  kind: z.string(),
  total: z.number(),
  items: z.array(DrugHitOut),
  scan: z
    .object({
      gtin: z.string().optional(),
      lot: z.string().optional(),
      expiry: z.string().optional(),
      serial: z.string().optional(),
    })
    .optional(),
});

export const NdcParams = z.object({ ndc: z.string().min(1).max(60).describe('NDC in any form, or a GTIN') });
export const DrugQuery = z.object({ siteId: z.string().optional() });

const Ingredient = z.object({
  name: z.string().optional(),
  value: z.number().optional(),
  unit: z.string().optional().describe('UCUM'),
  denominatorValue: z.number().optional(),
  denominatorUnit: z.string().optional(),
});

export const PackageOut = z.object({
  ndc11: z.string(),
  ndc11Dashed: z.string(),
  ndc10: z.string().nullable(),
  gtin14: z.string().nullable(),
  description: z.string().nullable(),
  quantity: z.number().nullable(),
  quantityUnit: z.string().nullable(),
  unitOfUse: z.boolean().nullable(),
  marketingStart: z.string().nullable(),
  marketingEnd: z.string().nullable(),
  awpCents: z.number().nullable(),
  wacCents: z.number().nullable(),
  acquisitionPerUnit: z.string().nullable().describe('Decimal dollars per price unit (e.g. NADAC)'),
  priceUnit: z.string().nullable(),
  priceSource: z.string().nullable(),
  priceDate: z.string().nullable(),
  active: z.boolean(),
  obsoleteAt: z.string().nullable(),
});

export const DrugOut = z.object({
  product: z.object({
    id: z.string(),
    productNdc: z.string(),
    productType: z.string().nullable(),
    proprietaryName: z.string().nullable(),
    proprietaryNameSuffix: z.string().nullable(),
    nonproprietaryName: z.string().nullable(),
    displayName: z.string(),
    dosageForm: z.string().nullable(),
    route: z.string().nullable(),
    labeler: z.string().nullable(),
    marketingCategory: z.string().nullable(),
    applicationNumber: z.string().nullable(),
    marketingStart: z.string().nullable(),
    marketingEnd: z.string().nullable(),
    deaSchedule: z.string().nullable(),
    pharmClasses: z.array(z.object({ name: z.string(), type: z.string() })),
    ingredients: z.array(Ingredient),
    strength: z.string().nullable(),
    rxcui: z.string().nullable(),
    ingredientRxcuis: z.array(z.string()),
    nioshGroup: z.number().nullable(),
    source: z.string(),
    active: z.boolean(),
    obsoleteAt: z.string().nullable(),
  }),
  package: PackageOut,
  packages: z.array(PackageOut),
  formulary: EntryOut.nullable(),
});
