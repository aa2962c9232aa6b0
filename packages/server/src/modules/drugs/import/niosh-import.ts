// NIOSH List of Hazardous Drugs in Healthcare Settings, 2024 (DHHS (NIOSH) Publication No. 2025-103):
// Table 1 = group 1 (antineoplastic / meets the NIOSH definition with MSHI), Table 2 = group 2 (other hazardous
// drugs), and the reproductive-only group 3 (as Apotheca numbers them). NIOSH publishes a PDF; a site keeps a CSV
// with the columns `name,group` (header optional; group 1, 2 or 3), one substance per row, e.g.
//   name,group
//   cyclophosphamide,1
import fs from 'node:fs';
import path from 'node:path';
import type { Ctx } from '../../../platform/actor';
import type { Db } from '../../../platform/db/database';
import { invalidateCatalogue } from '../catalogue';
import type { Reject } from './fda-rows';
import { readLines, splitCsv } from './lines';
import { applyLinks } from './links';
import { failRun, finishRun, type ImportSummary, startRun } from './runs';
import { zeroCounts } from './sync';

export async function importNiosh(db: Db, ctx: Ctx | null, file: string): Promise<ImportSummary> {
  const started = Date.now();
  const runId = await startRun(db, 'niosh', 'niosh', [file]);
  try {
    const name = path.basename(file);
    const rejects: Reject[] = [];
    const list = new Map<string, { name: string; group: number; line: number }>();
    let rows = 0;
    if (!fs.existsSync(file)) throw new Error(`${file} does not exist`);
    for await (const l of readLines(file)) {
      if (l.text.trim() === '' || l.text.startsWith('#')) continue;
      const [n = '', g = ''] = splitCsv(l.text);
      if (l.no === 1 && n.toLowerCase() === 'name') continue;
      rows++;
      const reject = (field: string, reason: string) =>
        rejects.push({ file: name, line: l.no, field, reason });
      if (n === '') reject('name', 'is empty');
      else if (!/^[123]$/.test(g)) reject('group', `"${g}" is not 1, 2 or 3`);
      else {
        const k = n.toUpperCase().replace(/\s+/g, ' ');
        const prev = list.get(k);
        if (prev) reject('name', `${n} is already listed on line ${prev.line}`);
        else list.set(k, { name: n, group: Number(g), line: l.no });
      }
    }
    const counts = zeroCounts();
    const existing = new Map(
      (await db.selectFrom('drug_niosh').select(['name_key', 'niosh_group']).execute()).map((r) => [
        r.name_key,
        Number(r.niosh_group),
      ]),
    );
    await db.transaction().execute(async (trx) => {
      for (const [k, v] of list) {
        const prev = existing.get(k);
        if (prev === v.group) counts.unchanged++;
        else if (prev === undefined) {
          await trx
            .insertInto('drug_niosh')
            .values({ name_key: k, name: v.name, niosh_group: v.group, last_run_id: runId })
            .execute();
          counts.inserted++;
        } else {
          await trx
            .updateTable('drug_niosh')
            .set({ niosh_group: v.group, last_run_id: runId })
            .where('name_key', '=', k)
            .execute();
          counts.updated++;
        }
      }
      // A substance taken off the list is removed, so it no longer marks products hazardous.
      const gone = [...existing.keys()].filter((k) => !list.has(k));
      if (gone.length) await trx.deleteFrom('drug_niosh').where('name_key', 'in', gone).execute();
      counts.obsoleted = gone.length;
    });
    const products = await applyLinks(db);
    const summary = await finishRun(db, ctx, {
      runId,
      kind: 'niosh',
      source: 'niosh',
      files: [file],
      parts: { list: { ...counts, rejected: rejects.length, rows }, products: { ...products, rows: 0 } },
      rejects,
      durationMs: Date.now() - started,
    });
    invalidateCatalogue(db);
    return summary;
  } catch (err) {
    await failRun(db, runId, err instanceof Error ? err.message : String(err));
    throw err;
  }
}
