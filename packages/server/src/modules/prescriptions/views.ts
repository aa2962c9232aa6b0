import { auxiliaryWarnings, discardAfterDate, type LabelData } from '@apotheca/core/labels';
import { lastFillDate, type Schedule } from '@apotheca/core/rx';
import { tallMan } from '@apotheca/core/screening';
import { renderSig } from '@apotheca/core/sig';
import type { Ctx } from '../../platform/actor';
import { appendAudit } from '../../platform/audit/audit';
import type { Db } from '../../platform/db/database';
import type { FillTable, PrescriptionTable } from '../../platform/db/schema-rx';
import { AppError, notFound } from '../../platform/errors';
import { dispensingUnit, productByNdc } from './products';

/** Patient, prescriber and product of a fill, for the workbench (one call instead of three; no extra read audit). */
export async function fillContext(db: Db, rx: PrescriptionTable, fill: FillTable) {
  const [patient, prescriber, product, dispensed] = await Promise.all([
    rx.patient_id
      ? db
          .selectFrom('patients')
          .select(['id', 'mrn', 'first_name', 'last_name', 'birth_date', 'sex', 'allergy_status'])
          .where('id', '=', rx.patient_id)
          .executeTakeFirst()
      : undefined,
    rx.prescriber_id
      ? db
          .selectFrom('prescribers')
          .select(['id', 'first_name', 'last_name', 'credential', 'npi', 'dea_number'])
          .where('id', '=', rx.prescriber_id)
          .executeTakeFirst()
      : undefined,
    rx.ndc11 ? productByNdc(db, rx.ndc11) : undefined,
    fill.ndc11_dispensed && fill.ndc11_dispensed !== rx.ndc11
      ? productByNdc(db, fill.ndc11_dispensed)
      : undefined,
  ]);
  return {
    patient: patient ?? null,
    prescriber: prescriber ?? null,
    product: product ?? null,
    dispensedProduct: dispensed ?? product ?? null,
  };
}

/** The label of a filled prescription, built from stored data (tall-man name, plain directions, rule-based warnings). */
export async function labelForFill(
  db: Db,
  ctx: Ctx,
  fill: FillTable,
  rx: PrescriptionTable,
): Promise<LabelData> {
  if (!fill.ndc11_dispensed || !fill.dispensed_at)
    throw new AppError(409, 'not_filled', 'The label prints once the fill has been scanned and recorded');
  const [site, c] = await Promise.all([
    db.selectFrom('sites').selectAll().where('id', '=', fill.site_id).executeTakeFirstOrThrow(),
    fillContext(db, rx, fill),
  ]);
  const product = c.dispensedProduct;
  if (!product || !c.patient || !c.prescriber) throw notFound('Product, patient or prescriber of this fill');
  const sig = rx.sig_json ? JSON.parse(rx.sig_json) : null;
  const directions = sig?.ok ? renderSig(sig) : (rx.sig_text ?? '');
  const unit = dispensingUnit(product).quantityUnit;
  const discard = discardAfterDate(fill.dispensed_at.slice(0, 10), fill.expiry ?? undefined);
  const expires = lastFillDate(rx.schedule as Schedule, rx.written_date);
  await db.transaction().execute((trx) =>
    appendAudit(trx, ctx, {
      action: 'fill.label',
      entityType: 'fill',
      entityId: fill.id,
      siteId: fill.site_id,
    }),
  );
  return {
    pharmacy: {
      name: site.name,
      address:
        [site.address_line1, site.city, site.state, site.postal_code].filter(Boolean).join(', ') || site.name,
      phone: site.phone ?? 'see pharmacy',
      ...(site.dea_number ? { dea: site.dea_number } : {}),
    },
    patient: { name: `${c.patient.first_name} ${c.patient.last_name}` },
    rxNumber: String(rx.rx_number),
    fillNumber: fill.fill_number,
    fillDate: fill.dispensed_at.slice(0, 10),
    drug: {
      name: tallMan(product.genericName ?? product.description),
      strength: product.strength ?? '',
      form: (product.dosageForm ?? '').toLowerCase(),
      ndc11: product.ndc11,
    },
    directions,
    quantity: fill.quantity ?? rx.quantity ?? 0,
    unit: `${unit}${unit === 'mL' || unit === 'g' ? '' : 's'}`,
    refillsLeft: Math.max(0, rx.refills_authorized - fill.fill_number),
    ...(expires ? { refillsExpire: expires } : {}),
    prescriberName: `${c.prescriber.first_name} ${c.prescriber.last_name}${c.prescriber.credential ? `, ${c.prescriber.credential}` : ''}`,
    discardAfter: discard.date,
    ...(rx.schedule ? { deaSchedule: rx.schedule as LabelData['deaSchedule'] } : {}),
    auxiliary: auxiliaryWarnings({
      ingredients: product.ingredients,
      form: product.dosageForm ?? undefined,
      route: product.route ?? undefined,
      deaSchedule: (rx.schedule as LabelData['deaSchedule']) ?? undefined,
    }).map((w) => w.text),
    barcodeValue: `${rx.rx_number}-${fill.fill_number}`,
  };
}
