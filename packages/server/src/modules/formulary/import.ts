// `apotheca import formulary FILE`: a site's or organization's formulary as CSV or JSON.
// CSV header (any order; unknown columns are an error): match_type,match_value,drug_name,status,tier,
// criteria_for_use,prior_auth_criteria,quantity_limit,step_therapy,alternatives,notes — alternatives as
// "name[=NDC]; name[=NDC]". JSON: an array of objects with the API's EntryInput fields (matchType, matchValue …).
import fs from 'node:fs';
import path from 'node:path';
import type { Ctx } from '../../platform/actor';
import { appendAudit } from '../../platform/audit/audit';
import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import type { Reject } from '../drugs/import/fda-rows';
import { splitCsv } from '../drugs/import/lines';
import { canonicalMatch } from './matching';
import * as repo from './repository';
import { EntryInput } from './schema';

const CSV_COLUMNS = [
  'match_type',
  'match_value',
  'drug_name',
  'status',
  'tier',
  'criteria_for_use',
  'prior_auth_criteria',
  'quantity_limit',
  'step_therapy',
  'alternatives',
  'notes',
];

function csvRecords(text: string, file: string): { line: number; value: unknown }[] {
  const lines = text.split(/\r?\n/);
  const header = splitCsv(lines[0] ?? '').map((h) => h.toLowerCase());
  const unknown = header.filter((h) => !CSV_COLUMNS.includes(h));
  if (unknown.length)
    throw new AppError(400, 'bad_header', `${file}: unknown column(s) ${unknown.join(', ')}`);
  const out: { line: number; value: unknown }[] = [];
  for (const [i, l] of lines.entries()) {
    if (i === 0 || l.trim() === '') continue;
    const f = splitCsv(l);
    const get = (c: string) => {
      const idx = header.indexOf(c);
      const v = idx < 0 ? '' : (f[idx] ?? '');
      return v === '' ? undefined : v;
    };
    const tier = get('tier');
    out.push({
      line: i + 1,
      value: {
        matchType: get('match_type'),
        matchValue: get('match_value'),
        drugName: get('drug_name'),
        status: get('status'),
        tier: tier === undefined ? undefined : Number(tier),
        criteriaForUse: get('criteria_for_use'),
        priorAuthCriteria: get('prior_auth_criteria'),
        quantityLimit: get('quantity_limit'),
        stepTherapy: get('step_therapy'),
        alternatives: (get('alternatives') ?? '')
          .split(';')
          .map((a) => a.trim())
          .filter(Boolean)
          .map((a) => {
            const [name = '', ndc] = a.split('=').map((x) => x.trim());
            return ndc ? { name, ndc } : { name };
          }),
        notes: get('notes'),
      },
    });
  }
  return out;
}

export interface FormularyImportSummary {
  formularyId: string;
  level: 'site' | 'organization';
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejects: Reject[];
}

export async function importFormulary(
  db: Db,
  ctx: Ctx,
  file: string,
  siteId: string | null,
): Promise<FormularyImportSummary> {
  const name = path.basename(file);
  const text = fs.readFileSync(file, 'utf8');
  let records: { line: number; value: unknown }[];
  if (/\.json$/i.test(file)) {
    const parsed = JSON.parse(text) as unknown;
    if (!Array.isArray(parsed))
      throw new AppError(400, 'bad_file', `${name}: expected a JSON array of entries`);
    records = parsed.map((value, i) => ({ line: i + 1, value }));
  } else records = csvRecords(text, name);
  const rejects: Reject[] = [];
  const good: { line: number; input: EntryInput; matchValue: string; alternatives: string }[] = [];
  for (const r of records) {
    const p = EntryInput.safeParse(r.value);
    if (!p.success) {
      const issue = p.error.issues[0];
      rejects.push({
        file: name,
        line: r.line,
        field: issue?.path.join('.') || 'row',
        reason: issue?.message ?? 'invalid',
      });
      continue;
    }
    try {
      const matchValue = canonicalMatch(p.data.matchType, p.data.matchValue);
      const alternatives = JSON.stringify(
        p.data.alternatives.map((a) =>
          a.ndc ? { name: a.name, ndc11: canonicalMatch('ndc11', a.ndc) } : { name: a.name },
        ),
      );
      good.push({ line: r.line, input: p.data, matchValue, alternatives });
    } catch (err) {
      const e = err as AppError;
      const f = (e.extra?.errors as { field: string; reason: string }[] | undefined)?.[0];
      rejects.push({ file: name, line: r.line, field: f?.field ?? 'matchValue', reason: e.message });
    }
  }
  const counts = { inserted: 0, updated: 0, unchanged: 0 };
  const formularyId = await db.transaction().execute(async (trx) => {
    const fid = await repo.ensureFormulary(trx, ctx.actor.organizationId, siteId);
    const at = nowIso();
    for (const g of good) {
      const i = g.input;
      const fields = {
        drug_name: i.drugName,
        status: i.status,
        tier: i.tier ?? null,
        criteria_for_use: i.criteriaForUse ?? null,
        prior_auth_criteria: i.priorAuthCriteria ?? null,
        quantity_limit: i.quantityLimit ?? null,
        step_therapy: i.stepTherapy ?? null,
        alternatives_json: g.alternatives,
        notes: i.notes ?? null,
      };
      const before = await repo.findEntry(trx, fid, i.matchType, g.matchValue);
      if (!before) {
        await trx
          .insertInto('formulary_entries')
          .values({
            id: newId(),
            formulary_id: fid,
            match_type: i.matchType,
            match_value: g.matchValue,
            ...fields,
            created_at: at,
            updated_at: at,
            version: 1,
          })
          .execute();
        counts.inserted++;
      } else if (Object.entries(fields).every(([k, v]) => before[k as keyof typeof fields] === v)) {
        counts.unchanged++;
      } else {
        await trx
          .updateTable('formulary_entries')
          .set({ ...fields, updated_at: at, version: Number(before.version) + 1 })
          .where('id', '=', before.id)
          .execute();
        counts.updated++;
      }
    }
    await appendAudit(trx, ctx, {
      action: 'formulary.import',
      entityType: 'formulary',
      entityId: fid,
      siteId,
      after: { file: name, ...counts, rejected: rejects.length },
    });
    return fid;
  });
  return {
    formularyId,
    level: siteId ? 'site' : 'organization',
    ...counts,
    rejected: rejects.length,
    rejects,
  };
}
