import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ctx } from '../../platform/actor';
import type { Db } from '../../platform/db/database';
import { invalidateCatalogue } from './catalogue';
import { applyLinks } from './import/links';
import { failRun, finishRun, type ImportSummary, startRun } from './import/runs';
import { TableSync } from './import/sync';

const here = path.dirname(fileURLToPath(import.meta.url));
export const STARTER_FILE = path.resolve(here, '../../../data/catalogue/starter.json');

interface StarterProduct {
  productKey: string;
  nonproprietaryName: string;
  proprietaryName: string | null;
  dosageForm: string | null;
  route: string | null;
  labeler: string | null;
  deaSchedule: string | null;
  otc: boolean;
  ingredients: unknown[];
  rxcui: string | null;
  packages: {
    ndc11: string;
    ndc10: string | null;
    gtin14: string | null;
    acquisitionPerUnit: string;
    priceUnit: string;
    priceSource: string;
    priceDate: string;
  }[];
}

/**
 * Loads the bundled starter catalogue (≈400 common outpatient, hospital, LTC, oncology and dialysis products with
 * real NDCs from CMS NADAC 2025) so a demo works offline. Idempotent: a second call reports everything unchanged.
 * Rows of a later FDA import with the same NDC take over (the package moves to the FDA product).
 */
export async function loadStarterCatalogue(
  db: Db,
  ctx: Ctx | null = null,
  file = STARTER_FILE,
): Promise<ImportSummary> {
  const started = Date.now();
  const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { products: StarterProduct[] };
  const runId = await startRun(db, 'starter', 'starter', [path.basename(file)]);
  try {
    const products = new TableSync(db, 'drug_products', 'id', 'starter', runId);
    const packages = new TableSync(db, 'drug_packages', 'ndc11', 'starter', runId);
    await products.load();
    await packages.load();
    for (const p of doc.products) {
      const id = `starter:${p.productKey}`;
      await products.stage({
        id,
        product_key: p.productKey,
        product_ndc: `${p.productKey.slice(0, 5)}-${p.productKey.slice(5)}`,
        product_type: p.otc ? 'HUMAN OTC DRUG' : 'HUMAN PRESCRIPTION DRUG',
        proprietary_name: p.proprietaryName,
        proprietary_name_suffix: null,
        nonproprietary_name: p.nonproprietaryName,
        dosage_form: p.dosageForm,
        route: p.route,
        labeler: p.labeler,
        marketing_category: null,
        application_number: null,
        marketing_start: null,
        marketing_end: null,
        dea_schedule: p.deaSchedule,
        pharm_classes_json: '[]',
        ingredients_json: JSON.stringify(p.ingredients),
        listing_certified_through: null,
        rxcui: p.rxcui,
      });
    }
    await products.finish();
    for (const p of doc.products)
      for (const k of p.packages)
        await packages.stage({
          ndc11: k.ndc11,
          product_id: `starter:${p.productKey}`,
          ndc10: k.ndc10,
          gtin14: k.gtin14,
          description: null,
          quantity: null,
          quantity_unit: null,
          marketing_start: null,
          marketing_end: null,
          is_sample: 0,
          acquisition_per_unit: k.acquisitionPerUnit,
          price_unit: k.priceUnit,
          price_source: k.priceSource,
          price_date: k.priceDate,
        });
    await packages.finish();
    await applyLinks(db);
    const summary = await finishRun(db, ctx, {
      runId,
      kind: 'starter',
      source: 'starter',
      files: [path.basename(file)],
      parts: {
        products: { ...products.counts, rows: doc.products.length },
        packages: { ...packages.counts, rows: doc.products.reduce((s, p) => s + p.packages.length, 0) },
      },
      rejects: [],
      durationMs: Date.now() - started,
    });
    invalidateCatalogue(db);
    return summary;
  } catch (err) {
    await failRun(db, runId, err instanceof Error ? err.message : String(err));
    throw err;
  }
}
