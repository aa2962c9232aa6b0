import type { Db } from '../../../platform/db/database';
import { ingredientNames } from '../catalogue';
import { BATCH, type Counts, zeroCounts } from './sync';

const key = (name: string) => name.trim().toUpperCase().replace(/\s+/g, ' ');

/**
 * Derives each product's RxCUI (from the NDC links of its packages), ingredient RxCUIs (RxNorm IN concepts whose
 * name equals a substance name) and NIOSH hazardous-drug group (the most hazardous group among its substances),
 * and writes only the products whose values change. Run after an RxNorm, NIOSH or NDC import.
 */
export async function applyLinks(db: Db): Promise<Counts> {
  const counts = zeroCounts();
  const any = await Promise.all([
    db.selectFrom('drug_ndc_rxcui').select('ndc11').limit(1).executeTakeFirst(),
    db.selectFrom('drug_rxnorm_concepts').select('rxcui').where('tty', '=', 'IN').limit(1).executeTakeFirst(),
    db.selectFrom('drug_niosh').select('name_key').limit(1).executeTakeFirst(),
  ]);
  if (!any.some(Boolean)) return counts;
  const inByName = new Map(
    (
      await db.selectFrom('drug_rxnorm_concepts').select(['rxcui', 'name']).where('tty', '=', 'IN').execute()
    ).map((r) => [key(r.name), r.rxcui]),
  );
  const niosh = new Map(
    (await db.selectFrom('drug_niosh').select(['name_key', 'niosh_group']).execute()).map((r) => [
      r.name_key,
      Number(r.niosh_group),
    ]),
  );
  const byProduct = new Map<string, string>();
  for (const r of await db
    .selectFrom('drug_ndc_rxcui as l')
    .innerJoin('drug_packages as k', 'k.ndc11', 'l.ndc11')
    .select(['k.product_id', 'l.rxcui'])
    .execute())
    if (!byProduct.has(r.product_id)) byProduct.set(r.product_id, r.rxcui);
  const products = await db
    .selectFrom('drug_products')
    .select([
      'id',
      'ingredients_json',
      'nonproprietary_name',
      'rxcui',
      'ingredient_rxcuis_json',
      'niosh_group',
    ])
    .execute();
  const changes: {
    id: string;
    rxcui: string | null;
    ingredient_rxcuis_json: string;
    niosh_group: number | null;
  }[] = [];
  for (const p of products) {
    const names = ingredientNames(p.ingredients_json);
    if (!names.length && p.nonproprietary_name) names.push(p.nonproprietary_name);
    const inRx = [...new Set(names.flatMap((n) => inByName.get(key(n)) ?? []))];
    const groups = names.flatMap((n) => niosh.get(key(n)) ?? []);
    const next = {
      id: p.id,
      rxcui: byProduct.get(p.id) ?? p.rxcui,
      ingredient_rxcuis_json: JSON.stringify(inRx),
      niosh_group: groups.length ? Math.min(...groups) : null,
    };
    if (
      next.rxcui !== p.rxcui ||
      next.ingredient_rxcuis_json !== p.ingredient_rxcuis_json ||
      next.niosh_group !== (p.niosh_group === null ? null : Number(p.niosh_group))
    )
      changes.push(next);
  }
  for (let i = 0; i < changes.length; i += BATCH)
    await db.transaction().execute(async (trx) => {
      for (const c of changes.slice(i, i + BATCH))
        await trx
          .updateTable('drug_products')
          .set({
            rxcui: c.rxcui,
            ingredient_rxcuis_json: c.ingredient_rxcuis_json,
            niosh_group: c.niosh_group,
          })
          .where('id', '=', c.id)
          .execute();
    });
  counts.updated = changes.length;
  return counts;
}
