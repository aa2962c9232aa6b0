import { applyTallMan } from '@apotheca/core/drugsearch';
import type { Db } from '../../platform/db/database';
import { strengthText } from './catalogue';

/** How a package is named on lists and reports: "LISINOPRIL" · "2.5 mg" · "TABLET". */
export interface ProductName {
  ndc11: string;
  /** Brand name if it has one, else the generic name (tall-man lettering applied); the site's item text otherwise. */
  name: string;
  genericName: string | null;
  strength: string | null;
  dosageForm: string | null;
}

const CHUNK = 500;

/**
 * Names of many packages in one or a few reads (no per-NDC round trips). NDCs missing from the knowledge base fall
 * back to the site's inventory item description (stock received before the catalogue knew the product), else null.
 */
export async function productNames(
  db: Db,
  ndc11s: Iterable<string>,
  siteId?: string,
): Promise<Map<string, ProductName>> {
  const wanted = [...new Set(ndc11s)].filter(Boolean);
  const out = new Map<string, ProductName>();
  for (let i = 0; i < wanted.length; i += CHUNK) {
    const rows = await db
      .selectFrom('drug_packages as k')
      .innerJoin('drug_products as p', 'p.id', 'k.product_id')
      .select([
        'k.ndc11',
        'p.proprietary_name',
        'p.nonproprietary_name',
        'p.dosage_form',
        'p.ingredients_json',
      ])
      .where('k.ndc11', 'in', wanted.slice(i, i + CHUNK))
      .execute();
    for (const r of rows)
      out.set(r.ndc11, {
        ndc11: r.ndc11,
        name: applyTallMan(r.proprietary_name ?? r.nonproprietary_name ?? r.ndc11),
        genericName: r.nonproprietary_name,
        strength: strengthText(r.ingredients_json),
        dosageForm: r.dosage_form,
      });
  }
  const missing = wanted.filter((n) => !out.has(n));
  if (siteId && missing.length)
    for (let i = 0; i < missing.length; i += CHUNK) {
      const items = await db
        .selectFrom('inv_items')
        .select(['ndc11', 'description'])
        .where('site_id', '=', siteId)
        .where('ndc11', 'in', missing.slice(i, i + CHUNK))
        .where('description', 'is not', null)
        .execute();
      for (const it of items)
        out.set(it.ndc11, {
          ndc11: it.ndc11,
          name: it.description ?? it.ndc11,
          genericName: null,
          strength: null,
          dosageForm: null,
        });
    }
  return out;
}
