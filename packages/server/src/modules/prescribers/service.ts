import { validateDea, validateNpi } from '@apotheca/core/identifiers';
import type { Ctx } from '../../platform/actor';
import { appendAudit } from '../../platform/audit/audit';
import type { Db } from '../../platform/db/database';
import type { PrescriberTable } from '../../platform/db/schema';
import { badRequest, conflict, type FieldProblem, notFound } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { escapeLike } from '../patients/repository';
import type { PrescriberInput } from './schema';

export const toPrescriberOut = (p: PrescriberTable) => ({
  id: p.id,
  siteId: p.site_id,
  firstName: p.first_name,
  lastName: p.last_name,
  credential: p.credential,
  npi: p.npi,
  deaNumber: p.dea_number,
  stateLicense: p.state_license,
  specialty: p.specialty,
  phone: p.phone,
  fax: p.fax,
  isTestIdentifier: p.is_test_identifier === 1,
  supervisingPrescriberId: p.supervising_prescriber_id,
  addressLine1: p.address_line1,
  city: p.city,
  state: p.state,
  postalCode: p.postal_code,
});

export function checkIdentifiers(
  input: Pick<PrescriberInput, 'npi' | 'deaNumber' | 'lastName'>,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const npi = validateNpi(input.npi);
  if (!npi.ok) problems.push({ field: 'npi', reason: npi.error.reason });
  if (input.deaNumber) {
    const dea = validateDea(input.deaNumber, { lastName: input.lastName });
    if (!dea.ok) problems.push({ field: 'deaNumber', reason: dea.error.reason });
  }
  return problems;
}

export async function createPrescriber(db: Db, ctx: Ctx, input: PrescriberInput) {
  ctx.actor.require('prescribers.write', input.siteId);
  const problems = checkIdentifiers(input);
  if (problems.length)
    throw badRequest(
      'validation_failed',
      problems.map((p) => `${p.field}: ${p.reason}`).join('; '),
      problems,
    );
  return db.transaction().execute(async (trx) => {
    const dup = await trx
      .selectFrom('prescribers')
      .select('id')
      .where('site_id', '=', input.siteId)
      .where('npi', '=', input.npi)
      .executeTakeFirst();
    if (dup) throw conflict('npi_taken', `A prescriber with NPI ${input.npi} already exists at this site`);
    const at = nowIso();
    const row: PrescriberTable = {
      id: newId(),
      site_id: input.siteId,
      first_name: input.firstName,
      last_name: input.lastName,
      credential: input.credential ?? null,
      npi: input.npi,
      dea_number: input.deaNumber ?? null,
      state_license: input.stateLicense ?? null,
      specialty: input.specialty ?? null,
      phone: input.phone ?? null,
      fax: input.fax ?? null,
      is_test_identifier: input.isTestIdentifier ? 1 : 0,
      created_at: at,
      updated_at: at,
      supervising_prescriber_id: input.supervisingPrescriberId ?? null,
      address_line1: input.addressLine1 ?? null,
      city: input.city ?? null,
      state: input.state ?? null,
      postal_code: input.postalCode ?? null,
    };
    if (input.supervisingPrescriberId) {
      const sup = await trx
        .selectFrom('prescribers')
        .select('id')
        .where('id', '=', input.supervisingPrescriberId)
        .where('site_id', '=', input.siteId)
        .executeTakeFirst();
      if (!sup)
        throw badRequest('validation_failed', 'supervisingPrescriberId: no such prescriber at this site', [
          { field: 'supervisingPrescriberId', reason: 'no such prescriber at this site' },
        ]);
    }
    await trx.insertInto('prescribers').values(row).execute();
    await appendAudit(trx, ctx, {
      action: 'prescriber.create',
      entityType: 'prescriber',
      entityId: row.id,
      siteId: row.site_id,
      after: row,
    });
    return row;
  });
}

export async function getPrescriber(db: Db, ctx: Ctx, id: string) {
  const sites = ctx.actor.sitesWith('prescribers.read');
  const row = sites.length
    ? await db
        .selectFrom('prescribers')
        .selectAll()
        .where('id', '=', id)
        .where('site_id', 'in', sites)
        .executeTakeFirst()
    : undefined;
  if (!row) throw notFound('Prescriber');
  return row;
}

export function listPrescribers(db: Db, ctx: Ctx, q: string | undefined, siteId?: string) {
  let sites = ctx.actor.sitesWith('prescribers.read');
  if (siteId) {
    ctx.actor.require('prescribers.read', siteId);
    sites = [siteId];
  }
  if (!sites.length) return Promise.resolve([] as PrescriberTable[]);
  let query = db.selectFrom('prescribers').selectAll().where('site_id', 'in', sites);
  if (q)
    query = query.where((eb) =>
      eb.or([
        eb('npi', '=', q),
        eb(eb.fn('lower', ['last_name']), 'like', `${escapeLike(q.toLowerCase())}%`),
      ]),
    );
  return query.orderBy('last_name').limit(100).execute();
}
