import { DrugSearchIndex, type DrugSearchRow } from '@apotheca/core/drugsearch';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';

/** Ingredient strengths as stored (core parseStrength output) → "5 mg; 325 mg", "5 mg/5 mL". */
export function strengthText(ingredientsJson: string): string | null {
  let list: { value?: number; unit?: string; denominatorValue?: number; denominatorUnit?: string }[];
  try {
    list = JSON.parse(ingredientsJson);
  } catch {
    return null;
  }
  const parts = list
    .filter((i) => typeof i.value === 'number')
    .map((i) => {
      const den =
        i.denominatorUnit && i.denominatorUnit !== '1'
          ? `/${i.denominatorValue === 1 ? '' : `${i.denominatorValue} `}${i.denominatorUnit}`
          : '';
      return `${i.value} ${i.unit ?? ''}${den}`.trim();
    });
  return parts.length ? parts.join('; ') : null;
}

export const ingredientNames = (ingredientsJson: string): string[] => {
  try {
    return (JSON.parse(ingredientsJson) as { name?: string }[]).flatMap((i) => (i.name ? [i.name] : []));
  } catch {
    return [];
  }
};

export interface CatalogueRow extends DrugSearchRow {
  productId: string;
}

/** Every package joined to its product, as search rows. */
export async function loadSearchRows(db: Db): Promise<CatalogueRow[]> {
  const rows = await db
    .selectFrom('drug_packages as k')
    .innerJoin('drug_products as p', 'p.id', 'k.product_id')
    .select([
      'k.ndc11',
      'k.ndc10',
      'k.gtin14',
      'k.description',
      'k.is_active as package_active',
      'p.id as product_id',
      'p.proprietary_name',
      'p.nonproprietary_name',
      'p.dosage_form',
      'p.route',
      'p.labeler',
      'p.dea_schedule',
      'p.ingredients_json',
      'p.rxcui',
      'p.ingredient_rxcuis_json',
      'p.is_active as product_active',
    ])
    .execute();
  // Products share one strength string and names array: cache them so 250k packages do not hold 250k copies.
  const perProduct = new Map<string, { strength: string | null; names: string[]; inRx: string[] }>();
  return rows.map((r) => {
    let pp = perProduct.get(r.product_id);
    if (!pp) {
      pp = {
        strength: strengthText(r.ingredients_json),
        names: ingredientNames(r.ingredients_json),
        inRx: JSON.parse(r.ingredient_rxcuis_json) as string[],
      };
      perProduct.set(r.product_id, pp);
    }
    return {
      ndc11: r.ndc11,
      ndc10: r.ndc10,
      gtin14: r.gtin14,
      productId: r.product_id,
      proprietaryName: r.proprietary_name,
      nonproprietaryName: r.nonproprietary_name,
      otherNames: pp.names,
      strength: pp.strength,
      dosageForm: r.dosage_form,
      route: r.route,
      packageDescription: r.description,
      labeler: r.labeler,
      deaSchedule: r.dea_schedule,
      rxcui: r.rxcui,
      ingredientRxcuis: pp.inRx,
      active: Number(r.package_active) === 1 && Number(r.product_active) === 1,
    };
  });
}

interface Cached {
  index: Promise<DrugSearchIndex>;
  stamp: string;
  checkedAt: number;
}
const cache = new WeakMap<Db, Cached>();
/** Another process (the CLI) may import while the server runs: look for a newer import at most this often. */
const RECHECK_MS = 10_000;

const importStamp = async (db: Db) => {
  const r = await db
    .selectFrom('drug_import_runs')
    .select([sql<string | null>`max(finished_at)`.as('at'), sql<number>`count(*)`.as('n')])
    .executeTakeFirst();
  return `${r?.at ?? ''}#${r?.n ?? 0}`;
};

/** The search index of the catalogue, built on first use and rebuilt after an import. */
export async function getCatalogue(db: Db): Promise<DrugSearchIndex> {
  const now = Date.now();
  const hit = cache.get(db);
  if (hit && now - hit.checkedAt < RECHECK_MS) return hit.index;
  const stamp = await importStamp(db);
  if (hit && hit.stamp === stamp) {
    hit.checkedAt = now;
    return hit.index;
  }
  const index = loadSearchRows(db).then((rows) => DrugSearchIndex.build(rows));
  cache.set(db, { index, stamp, checkedAt: now });
  index.catch(() => cache.delete(db));
  return index;
}

/** Drops the index so the next search rebuilds it (after an import in this process). */
export function invalidateCatalogue(db: Db): void {
  cache.delete(db);
}
