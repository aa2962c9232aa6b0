import { baseGrams, checkCmeaSale, type ListedSalt } from '@apotheca/core/rx';
import { z } from 'zod';
import type { Ctx } from '../../platform/actor';
import { appendAudit } from '../../platform/audit/audit';
import type { Db } from '../../platform/db/database';
import { AppError, badRequest } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { dispenseStock } from '../inventory/stock';

export const OtcSaleInput = z.object({
  siteId: z.string().min(1),
  items: z
    .array(
      z.object({
        ndc11: z.string().regex(/^\d{11}$/, 'must be an 11-digit NDC'),
        quantity: z.number().int().positive().max(1000),
      }),
    )
    .min(1)
    .max(50),
  purchaser: z
    .object({
      name: z.string().trim().min(3).max(120),
      address: z.string().trim().min(5).max(300),
      idType: z.enum(['drivers_license', 'state_id', 'passport', 'military_id', 'other_government']),
      idNumber: z.string().trim().min(3).max(40),
      signature: z.string().min(2).max(200_000),
    })
    .optional()
    .describe(
      'Required for pseudoephedrine/ephedrine/phenylpropanolamine (CMEA logbook: photo ID, name, address, signature)',
    ),
  mailOrder: z.boolean().default(false),
});
export type OtcSaleInput = z.infer<typeof OtcSaleInput>;

const LISTED = /\b(pseudoephedrine|ephedrine|phenylpropanolamine)\b/i;

function saltOf(name: string): ListedSalt | null {
  const n = name.toLowerCase();
  const base = n.includes('pseudoephedrine')
    ? 'pseudoephedrine'
    : n.includes('phenylpropanolamine')
      ? 'phenylpropanolamine'
      : n.includes('ephedrine')
        ? 'ephedrine'
        : null;
  if (!base) return null;
  // Oral OTC pseudoephedrine is sold as the hydrochloride unless the label says sulfate (e.g. some 12-hour products).
  const salt = n.includes('sulfate') && base !== 'phenylpropanolamine' ? `${base} sulfate` : `${base} hcl`;
  return salt as ListedSalt;
}

/**
 * Over-the-counter sale at the pharmacy counter. Scheduled listed chemical products are checked against the
 * purchaser's CMEA history (21 USC 830(e): 3.6 g base/day, 9 g/30 days) and logged with identity; a sale past the
 * limit is refused with the reason and the most that could be sold. Stock leaves the inventory ledger.
 */
export async function sellOtc(db: Db, ctx: Ctx, input: OtcSaleInput) {
  ctx.actor.require('otc.sell', input.siteId);
  const products = await db
    .selectFrom('drug_packages as k')
    .innerJoin('drug_products as p', 'p.id', 'k.product_id')
    .select([
      'k.ndc11',
      'p.product_type',
      'p.nonproprietary_name',
      'p.proprietary_name',
      'p.ingredients_json',
      'p.dea_schedule',
    ])
    .where(
      'k.ndc11',
      'in',
      input.items.map((i) => i.ndc11),
    )
    .execute();
  const saleAt = nowIso();
  const listed: { ndc11: string; product: string; units: number; grams: number }[] = [];
  for (const [idx, item] of input.items.entries()) {
    const p = products.find((x) => x.ndc11 === item.ndc11);
    if (!p)
      throw badRequest('validation_failed', `items.${idx}.ndc11: not in the drug knowledge base`, [
        { field: `items.${idx}.ndc11`, reason: 'is not in the drug knowledge base' },
      ]);
    if (p.dea_schedule)
      throw badRequest(
        'validation_failed',
        `items.${idx}: controlled substances are not sold over the counter here`,
        [{ field: `items.${idx}.ndc11`, reason: 'is a controlled substance' }],
      );
    const ingredients = JSON.parse(p.ingredients_json) as { name?: string; value?: number; unit?: string }[];
    for (const ing of ingredients) {
      if (!ing.name || !LISTED.test(ing.name)) continue;
      const salt = saltOf(ing.name);
      if (!salt || typeof ing.value !== 'number' || ing.unit !== 'mg')
        throw badRequest('validation_failed', `items.${idx}: cannot compute the CMEA base content`, [
          { field: `items.${idx}.ndc11`, reason: 'has no per-unit mg strength for its listed chemical' },
        ]);
      listed.push({
        ndc11: item.ndc11,
        product: p.proprietary_name ?? p.nonproprietary_name ?? item.ndc11,
        units: item.quantity,
        grams: baseGrams(salt, ing.value, item.quantity),
      });
    }
  }
  const purchaser = input.purchaser;
  if (listed.length && !purchaser)
    throw badRequest(
      'cmea_identity_required',
      'Pseudoephedrine/ephedrine sale: record the purchaser’s photo ID, name, address and signature (CMEA logbook)',
      [{ field: 'purchaser', reason: 'is required for this product' }],
    );
  const result = await db.transaction().execute(async (trx) => {
    if (listed.length && purchaser) {
      const history = await trx
        .selectFrom('pse_sales')
        .select(['sold_at', 'base_grams'])
        .where('id_type', '=', purchaser.idType)
        .where('id_number', '=', purchaser.idNumber)
        .where('sold_at', '>', new Date(Date.parse(saleAt) - 31 * 86_400_000).toISOString())
        .execute();
      const total = listed.reduce((s, l) => s + l.grams, 0);
      const check = checkCmeaSale(
        history.map((h) => ({ at: h.sold_at, baseGrams: h.base_grams })),
        { at: saleAt, baseGrams: total },
        { mailOrder: input.mailOrder },
      );
      if (!check.ok) {
        await appendAudit(trx, ctx, {
          action: 'otc.cmea_refused',
          entityType: 'pse_purchaser',
          entityId: `${purchaser.idType}:${purchaser.idNumber}`,
          siteId: input.siteId,
          after: check,
        });
        // The refusal itself is kept in the audit trail; the sale is not made.
        return {
          refused: new AppError(409, 'cmea_limit', check.reason, {
            limit: check.limit,
            maxAllowedGrams: check.maxAllowedGrams,
            dayTotal: check.dayTotal,
            thirtyDayTotal: check.thirtyDayTotal,
          }),
        };
      }
    }
    const saleId = newId();
    for (const item of input.items)
      await dispenseStock(trx, ctx, {
        siteId: input.siteId,
        ndc11: item.ndc11,
        quantity: item.quantity,
        reference: `otc:${saleId}`,
      });
    for (const l of listed)
      await trx
        .insertInto('pse_sales')
        .values({
          id: newId(),
          site_id: input.siteId,
          purchaser_name: purchaser?.name ?? '',
          purchaser_address: purchaser?.address ?? '',
          id_type: purchaser?.idType ?? '',
          id_number: purchaser?.idNumber ?? '',
          product: l.product,
          ndc11: l.ndc11,
          units: l.units,
          base_grams: l.grams,
          user_id: ctx.actor.userId,
          sold_at: saleAt,
        })
        .execute();
    await appendAudit(trx, ctx, {
      action: 'otc.sale',
      entityType: 'otc_sale',
      entityId: saleId,
      siteId: input.siteId,
      after: { items: input.items, cmea: listed },
    });
    return {
      sale: {
        saleId,
        items: input.items,
        cmea: listed.map((l) => ({ ...l, grams: Math.round(l.grams * 1000) / 1000 })),
      },
    };
  });
  if ('refused' in result) throw result.refused;
  return result.sale;
}
