import type { Db } from '../../../platform/db/database';
import type { DscsaShipmentTable } from '../../../platform/db/schema';

export interface TiLine {
  ndc11: string;
  lot?: string;
  expiry?: string;
  quantity?: number;
  serials?: string[];
  description?: string;
}

/**
 * Why a received line must be quarantined for DSCSA reasons (empty = documentation complete).
 * FD&C Act §582(d)(1)(A)(i) (21 USC 360eee-1(d)): a dispenser may not accept ownership of a product unless the
 * previous owner provides the transaction information (TI) and transaction statement (TS) (transaction history
 * was required too until 27 Nov 2023). §582(d)(4): suspect product is quarantined and investigated.
 */
export async function dscsaProblems(
  trx: Db,
  siteId: string,
  shipment: DscsaShipmentTable | undefined,
  line: { ndc11: string; lot: string; serial: string },
): Promise<string[]> {
  const out: string[] = [];
  if (!shipment) out.push('no DSCSA transaction information/statement for this shipment');
  else {
    if (shipment.statement_present !== 1) out.push('transaction statement missing');
    if (shipment.status === 'suspect') out.push('shipment marked suspect');
    const ti = JSON.parse(shipment.ti_json ?? '[]') as TiLine[];
    const match = ti.filter((t) => t.ndc11 === line.ndc11);
    if (!match.length) out.push('product not in the transaction information');
    else if (line.lot && match.every((t) => t.lot && t.lot !== line.lot))
      out.push(`lot ${line.lot} not in the transaction information`);
  }
  const open = await trx
    .selectFrom('dscsa_investigations')
    .select('id')
    .where('site_id', '=', siteId)
    .where('ndc11', '=', line.ndc11)
    .where('status', '=', 'open')
    .where((eb) => eb.or([eb('lot', 'is', null), eb('lot', '=', line.lot)]))
    .executeTakeFirst();
  if (open) out.push('an open suspect-product investigation covers this product');
  return out;
}
