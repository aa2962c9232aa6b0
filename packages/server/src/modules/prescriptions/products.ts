import { cleanName } from '@apotheca/core/screening';
import type { Db } from '../../platform/db/database';
import { strengthText } from '../drugs/catalogue';

/** What the workflow needs to know about a package, read from the drug knowledge base (modules/drugs tables). */
export interface ProductInfo {
  ndc11: string;
  description: string;
  genericName: string | null;
  brandName: string | null;
  dosageForm: string | null;
  route: string | null;
  strength: string | null;
  schedule: 'CII' | 'CIII' | 'CIV' | 'CV' | null;
  ingredients: string[];
  packageDescription: string | null;
  packageQuantity: number | null;
  gtin14: string | null;
  active: boolean;
}

/**
 * Ingredient names as stored on a prescription: cleaned only. Salt forms ("HYDROCODONE BITARTRATE") are resolved to
 * the active moiety where it matters, in one place: the screening reference's resolveIngredient (core).
 */
export const ingredientKey = (name: string): string => cleanName(name);

const SCHEDULES = new Set(['CII', 'CIII', 'CIV', 'CV']);

export async function productByNdc(db: Db, ndc11: string): Promise<ProductInfo | undefined> {
  const r = await db
    .selectFrom('drug_packages as k')
    .innerJoin('drug_products as p', 'p.id', 'k.product_id')
    .select([
      'k.ndc11',
      'k.description as package_description',
      'k.quantity',
      'k.gtin14',
      'k.is_active',
      'p.proprietary_name',
      'p.nonproprietary_name',
      'p.dosage_form',
      'p.route',
      'p.dea_schedule',
      'p.ingredients_json',
    ])
    .where('k.ndc11', '=', ndc11)
    .executeTakeFirst();
  if (!r) return undefined;
  let ingredients: {
    name?: string;
    value?: number;
    unit?: string;
    denominatorValue?: number;
    denominatorUnit?: string;
  }[] = [];
  try {
    ingredients = JSON.parse(r.ingredients_json);
  } catch {
    ingredients = [];
  }
  const strength = strengthText(r.ingredients_json) ?? '';
  const generic = r.nonproprietary_name;
  return {
    ndc11: r.ndc11,
    description: [r.proprietary_name ?? generic, strength, r.dosage_form]
      .filter(Boolean)
      .join(' ')
      .toUpperCase(),
    genericName: generic,
    brandName: r.proprietary_name,
    dosageForm: r.dosage_form,
    route: r.route,
    strength: strength || null,
    schedule:
      r.dea_schedule && SCHEDULES.has(r.dea_schedule) ? (r.dea_schedule as ProductInfo['schedule']) : null,
    ingredients: [...new Set(ingredients.flatMap((i) => (i.name ? [ingredientKey(i.name)] : [])))],
    packageDescription: r.package_description,
    packageQuantity: r.quantity,
    gtin14: r.gtin14,
    active: r.is_active === 1,
  };
}

export interface DispensingUnit {
  form: 'solid' | 'liquid' | 'drops' | 'inhaler' | 'insulin' | 'topical' | 'other';
  quantityUnit: string;
}

/** How the package is counted at the counter, from its FDA dosage form and route (drives days' supply). */
export function dispensingUnit(p: Pick<ProductInfo, 'dosageForm' | 'route' | 'ingredients'>): DispensingUnit {
  const form = (p.dosageForm ?? '').toUpperCase();
  const route = (p.route ?? '').toUpperCase();
  if (p.ingredients.some((i) => i.startsWith('insulin'))) return { form: 'insulin', quantityUnit: 'mL' };
  if (/TABLET|CAPLET/.test(form)) return { form: 'solid', quantityUnit: 'tablet' };
  if (/CAPSULE/.test(form)) return { form: 'solid', quantityUnit: 'capsule' };
  if (/PATCH|FILM, EXTENDED/.test(form)) return { form: 'solid', quantityUnit: 'patch' };
  if (/SUPPOSITORY/.test(form)) return { form: 'solid', quantityUnit: 'suppository' };
  if (/AEROSOL|INHALANT|INHALER|POWDER, METERED/.test(form))
    return { form: 'inhaler', quantityUnit: 'inhaler' };
  if (/OPHTHALMIC|OTIC/.test(route) && /SOLUTION|SUSPENSION|DROPS/.test(form))
    return { form: 'drops', quantityUnit: 'mL' };
  if (/SOLUTION|SUSPENSION|SYRUP|ELIXIR|LIQUID|EMULSION|CONCENTRATE/.test(form))
    return { form: 'liquid', quantityUnit: 'mL' };
  if (/CREAM|OINTMENT|GEL|LOTION|PASTE/.test(form)) return { form: 'topical', quantityUnit: 'g' };
  return { form: 'other', quantityUnit: 'each' };
}
