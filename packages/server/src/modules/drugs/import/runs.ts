import type { Ctx } from '../../../platform/actor';
import { appendAudit } from '../../../platform/audit/audit';
import type { Db } from '../../../platform/db/database';
import { newId, nowIso } from '../../../platform/ids';
import type { Reject } from './fda-rows';
import type { Counts } from './sync';

export interface ImportSummary {
  runId: string;
  kind: string;
  source: string;
  files: string[];
  /** Totals over every table the import wrote. */
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  obsoleted: number;
  /** Per table/file counts, e.g. products and packages. */
  parts: Record<string, Counts & { rows: number }>;
  /** Each rejected line with its number, field and reason (the first 1,000 are kept). */
  rejects: Reject[];
  durationMs: number;
}

export const MAX_REJECTS_KEPT = 1000;

export async function startRun(db: Db, kind: string, source: string, files: string[]): Promise<string> {
  const id = newId();
  await db
    .insertInto('drug_import_runs')
    .values({
      id,
      kind,
      source,
      files_json: JSON.stringify(files),
      status: 'running',
      inserted: 0,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      obsoleted: 0,
      summary_json: null,
      started_at: nowIso(),
      finished_at: null,
    })
    .execute();
  return id;
}

/**
 * Closes a run: one audit entry per import with its summary (never one per imported row; per-row changes are
 * in drug_product_history), in the same transaction as the run record.
 */
export async function finishRun(
  db: Db,
  ctx: Ctx | null,
  s: Omit<ImportSummary, 'inserted' | 'updated' | 'unchanged' | 'rejected' | 'obsoleted'>,
): Promise<ImportSummary> {
  const total = { inserted: 0, updated: 0, unchanged: 0, rejected: 0, obsoleted: 0 };
  for (const p of Object.values(s.parts))
    for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += p[k];
  const summary: ImportSummary = { ...s, ...total };
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('drug_import_runs')
      .set({
        status: 'done',
        ...total,
        summary_json: JSON.stringify(summary),
        finished_at: nowIso(),
      })
      .where('id', '=', s.runId)
      .execute();
    await appendAudit(trx, ctx, {
      action: `drugs.import.${s.kind}`,
      entityType: 'drug_import_run',
      entityId: s.runId,
      after: { ...summary, rejects: summary.rejects.slice(0, 50) },
    });
  });
  return summary;
}

export async function failRun(db: Db, runId: string, message: string): Promise<void> {
  await db
    .updateTable('drug_import_runs')
    .set({ status: 'failed', summary_json: JSON.stringify({ error: message }), finished_at: nowIso() })
    .where('id', '=', runId)
    .execute();
}
