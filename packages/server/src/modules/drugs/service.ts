import { applyTallMan, type DrugSearchHit } from '@apotheca/core/drugsearch';
import { dashNdc11, normalizeNdc } from '@apotheca/core/ndc';
import type { Ctx } from '../../platform/actor';
import type { Db } from '../../platform/db/database';
import type { DrugPackageTable } from '../../platform/db/schema';
import { badRequest, notFound } from '../../platform/errors';
import { formularyMatcher, formularyStatusAt } from '../formulary/service';
import { type CatalogueRow, getCatalogue, strengthText } from './catalogue';
import * as repo from './repository';

export function toHitOut(h: DrugSearchHit) {
  const r = h.row as CatalogueRow;
  return {
    ndc11: r.ndc11,
    ndc11Dashed: dashNdc11(r.ndc11),
    ndc10: r.ndc10 ?? null,
    gtin14: r.gtin14 ?? null,
    productId: r.productId ?? null,
    name: h.displayName,
    genericName: h.genericName,
    proprietaryName: r.proprietaryName ?? null,
    nonproprietaryName: r.nonproprietaryName ?? null,
    strength: r.strength ?? null,
    dosageForm: r.dosageForm ?? null,
    route: r.route ?? null,
    packageDescription: r.packageDescription ?? null,
    labeler: r.labeler ?? null,
    deaSchedule: r.deaSchedule ?? null,
    rxcui: r.rxcui ?? null,
    active: r.active,
    match: h.match,
    onFormulary: h.preferred,
  };
}

/**
 * Type-ahead over the whole catalogue (reference data, the same for every site). With a site, that site's
 * formulary items rank higher and are flagged.
 */
export async function searchDrugs(
  db: Db,
  ctx: Ctx | null,
  q: { q: string; siteId?: string | undefined; limit: number },
) {
  if (q.siteId && ctx) ctx.actor.require('drugs.read', q.siteId);
  const index = await getCatalogue(db);
  const matcher =
    q.siteId && ctx ? await formularyMatcher(db, ctx.actor.organizationId, q.siteId) : undefined;
  const r = index.search(q.q, {
    limit: q.limit,
    ...(matcher?.hasFormularyItems ? { preferred: (row) => matcher.onFormulary(row) } : {}),
  });
  return {
    query: r.query,
    kind: r.kind,
    total: r.total,
    items: r.hits.map(toHitOut),
    ...(r.scan ? { scan: r.scan } : {}),
  };
}

const toPackageOut = (k: DrugPackageTable) => ({
  ndc11: k.ndc11,
  ndc11Dashed: dashNdc11(k.ndc11),
  ndc10: k.ndc10,
  gtin14: k.gtin14,
  description: k.description,
  quantity: k.quantity === null ? null : Number(k.quantity),
  quantityUnit: k.quantity_unit,
  unitOfUse: k.unit_of_use === null ? null : Number(k.unit_of_use) === 1,
  marketingStart: k.marketing_start,
  marketingEnd: k.marketing_end,
  awpCents: k.awp_cents === null ? null : Number(k.awp_cents),
  wacCents: k.wac_cents === null ? null : Number(k.wac_cents),
  acquisitionPerUnit: k.acquisition_per_unit,
  priceUnit: k.price_unit,
  priceSource: k.price_source,
  priceDate: k.price_date,
  active: Number(k.is_active) === 1,
  obsoleteAt: k.obsolete_at,
});

/** One package (NDC in any form or a GTIN) with its product, sibling packages and formulary status at the site. */
export async function getDrug(db: Db, ctx: Ctx, ndc: string, siteId?: string) {
  if (siteId) ctx.actor.require('drugs.read', siteId);
  const n = normalizeNdc(ndc);
  let pkg: DrugPackageTable | undefined;
  if (n.ok) pkg = (await repo.findPackages(db, [n.ndc11]))[0];
  else if (n.error.code === 'ambiguous' && n.error.candidates)
    pkg = (
      await repo.findPackages(
        db,
        n.error.candidates.map((c) => c.ndc11),
      )
    )[0];
  else throw badRequest('invalid_ndc', n.error.reason, [{ field: 'ndc', reason: n.error.reason }]);
  if (!pkg && n.ok && n.source === 'gtin-14') pkg = await repo.findPackageByGtin(db, ndc.trim());
  if (!pkg) throw notFound('NDC');
  const p = await repo.findProduct(db, pkg.product_id);
  if (!p) throw notFound('Product');
  const packages = await repo.packagesOfProduct(db, p.id);
  const formulary = siteId
    ? await formularyStatusAt(db, ctx.actor.organizationId, siteId, { ndc11: pkg.ndc11, rxcui: p.rxcui })
    : null;
  return {
    product: {
      id: p.id,
      productNdc: p.product_ndc,
      productType: p.product_type,
      proprietaryName: p.proprietary_name,
      proprietaryNameSuffix: p.proprietary_name_suffix,
      nonproprietaryName: p.nonproprietary_name,
      displayName: applyTallMan(p.proprietary_name ?? p.nonproprietary_name ?? ''),
      dosageForm: p.dosage_form,
      route: p.route,
      labeler: p.labeler,
      marketingCategory: p.marketing_category,
      applicationNumber: p.application_number,
      marketingStart: p.marketing_start,
      marketingEnd: p.marketing_end,
      deaSchedule: p.dea_schedule,
      pharmClasses: JSON.parse(p.pharm_classes_json) as { name: string; type: string }[],
      ingredients: JSON.parse(p.ingredients_json) as Record<string, unknown>[],
      strength: strengthText(p.ingredients_json),
      rxcui: p.rxcui,
      ingredientRxcuis: JSON.parse(p.ingredient_rxcuis_json) as string[],
      nioshGroup: p.niosh_group === null ? null : Number(p.niosh_group),
      source: p.source,
      active: Number(p.is_active) === 1,
      obsoleteAt: p.obsolete_at,
    },
    package: toPackageOut(pkg),
    packages: packages.map(toPackageOut),
    formulary,
  };
}
