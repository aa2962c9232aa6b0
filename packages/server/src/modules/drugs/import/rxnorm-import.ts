// RxNorm full release files (NLM): RXNCONSO.RRF (concept names) and RXNSAT.RRF (attributes; ATN=NDC links an
// 11-digit NDC to an RXCUI). Pipe-delimited, UTF-8, one trailing "|". Only SAB=RXNORM rows are kept (the
// other sources in the release carry their own licences).
import fs from 'node:fs';
import path from 'node:path';
import type { Ctx } from '../../../platform/actor';
import type { Db } from '../../../platform/db/database';
import { invalidateCatalogue } from '../catalogue';
import type { Reject } from './fda-rows';
import { readLines } from './lines';
import { applyLinks } from './links';
import { createProgress } from './progress';
import { failRun, finishRun, type ImportSummary, MAX_REJECTS_KEPT, startRun } from './runs';
import { BATCH, type Counts, zeroCounts } from './sync';

// RXNCONSO columns: RXCUI|LAT|TS|LUI|STT|SUI|ISPREF|RXAUI|SAUI|SCUI|SDUI|SAB|TTY|CODE|STR|SRL|SUPPRESS|CVF|
const C = { RXCUI: 0, LAT: 1, SAB: 11, TTY: 12, STR: 14, SUPPRESS: 16 } as const;
// RXNSAT columns: RXCUI|LUI|SUI|RXAUI|STYPE|CODE|ATUI|SATUI|ATN|SAB|ATV|SUPPRESS|CVF|
const S = { RXCUI: 0, ATN: 8, SAB: 9, ATV: 10, SUPPRESS: 11 } as const;

/** Which name represents a concept: drug-level term types first, then ingredients and the rest. */
const TTY_RANK = [
  'SCD',
  'SBD',
  'GPCK',
  'BPCK',
  'IN',
  'PIN',
  'MIN',
  'BN',
  'SCDF',
  'SBDF',
  'SCDC',
  'SCDG',
  'SBDG',
  'DF',
  'PSN',
  'SY',
  'TMSY',
];
const rankOf = (tty: string) => {
  const i = TTY_RANK.indexOf(tty);
  return i < 0 ? TTY_RANK.length : i;
};

export interface RxnormImportOptions {
  rxnconso: string;
  rxnsat?: string;
  progress?: boolean;
}

export async function importRxnorm(db: Db, ctx: Ctx | null, o: RxnormImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const files = [o.rxnconso, ...(o.rxnsat ? [o.rxnsat] : [])];
  const runId = await startRun(db, 'rxnorm', 'rxnorm', files);
  const rejects: Reject[] = [];
  const parts: ImportSummary['parts'] = {};
  try {
    const concepts = new Map<string, { name: string; tty: string; suppress: string | null; rank: number }>();
    let rows = 0;
    let rejected = 0;
    const conso = path.basename(o.rxnconso);
    let bar = createProgress('RXNCONSO', o.progress ? fs.statSync(o.rxnconso).size : 0);
    for await (const l of readLines(o.rxnconso)) {
      if (l.text === '') continue;
      rows++;
      bar.update(l.bytes, rows);
      const f = l.text.split('|');
      const bad = (field: string, reason: string) => {
        rejected++;
        if (rejects.length < MAX_REJECTS_KEPT) rejects.push({ file: conso, line: l.no, field, reason });
      };
      if (f.length < 18) {
        bad('line', `expected 18 "|"-separated fields, found ${f.length}`);
        continue;
      }
      const rxcui = f[C.RXCUI] ?? '';
      if (!/^\d{1,8}$/.test(rxcui)) {
        bad('RXCUI', `"${rxcui}" is not a number`);
        continue;
      }
      if (f[C.SAB] !== 'RXNORM' || f[C.LAT] !== 'ENG') continue;
      const tty = f[C.TTY] ?? '';
      const name = f[C.STR] ?? '';
      if (name === '') {
        bad('STR', 'is empty');
        continue;
      }
      const suppress = f[C.SUPPRESS] || null;
      // Unsuppressed names win over suppressed ones (SUPPRESS=N is current).
      const rank = rankOf(tty) + (suppress && suppress !== 'N' ? 100 : 0);
      const prev = concepts.get(rxcui);
      if (!prev || rank < prev.rank) concepts.set(rxcui, { name, tty, suppress, rank });
    }
    bar.done();
    parts.concepts = { ...(await syncConcepts(db, runId, concepts)), rejected, rows };

    let ndcLinks = new Map<string, string>();
    if (o.rxnsat) {
      const sat = path.basename(o.rxnsat);
      rows = 0;
      rejected = 0;
      bar = createProgress('RXNSAT', o.progress ? fs.statSync(o.rxnsat).size : 0);
      for await (const l of readLines(o.rxnsat)) {
        if (l.text === '') continue;
        rows++;
        bar.update(l.bytes, rows);
        const f = l.text.split('|');
        if (f.length < 13) {
          rejected++;
          if (rejects.length < MAX_REJECTS_KEPT)
            rejects.push({
              file: sat,
              line: l.no,
              field: 'line',
              reason: `expected 13 "|"-separated fields, found ${f.length}`,
            });
          continue;
        }
        if (f[S.ATN] !== 'NDC' || f[S.SAB] !== 'RXNORM' || (f[S.SUPPRESS] && f[S.SUPPRESS] !== 'N')) continue;
        const ndc = f[S.ATV] ?? '';
        if (!/^\d{11}$/.test(ndc)) {
          rejected++;
          if (rejects.length < MAX_REJECTS_KEPT)
            rejects.push({ file: sat, line: l.no, field: 'ATV', reason: `NDC "${ndc}" is not 11 digits` });
          continue;
        }
        ndcLinks.set(ndc, f[S.RXCUI] ?? '');
      }
      bar.done();
      parts.ndcLinks = { ...(await syncNdcLinks(db, runId, ndcLinks)), rejected, rows };
    } else {
      ndcLinks = new Map();
    }
    parts.products = { ...(await applyLinks(db)), rows: 0 };
    const summary = await finishRun(db, ctx, {
      runId,
      kind: 'rxnorm',
      source: 'rxnorm',
      files,
      parts,
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

async function syncConcepts(
  db: Db,
  runId: string,
  concepts: Map<string, { name: string; tty: string; suppress: string | null }>,
): Promise<Counts> {
  const counts = zeroCounts();
  const existing = new Map(
    (await db.selectFrom('drug_rxnorm_concepts').select(['rxcui', 'name', 'tty', 'suppress']).execute()).map(
      (r) => [r.rxcui, `${r.name}|${r.tty}|${r.suppress}`],
    ),
  );
  const inserts: {
    rxcui: string;
    name: string;
    tty: string;
    suppress: string | null;
    last_run_id: string;
  }[] = [];
  const updates: typeof inserts = [];
  for (const [rxcui, c] of concepts) {
    const row = { rxcui, name: c.name, tty: c.tty, suppress: c.suppress, last_run_id: runId };
    const prev = existing.get(rxcui);
    if (prev === undefined) inserts.push(row);
    else if (prev !== `${c.name}|${c.tty}|${c.suppress}`) updates.push(row);
    else counts.unchanged++;
  }
  for (let i = 0; i < inserts.length; i += BATCH)
    await db.transaction().execute(async (trx) => {
      const part = inserts.slice(i, i + BATCH);
      for (let j = 0; j < part.length; j += 500)
        await trx
          .insertInto('drug_rxnorm_concepts')
          .values(part.slice(j, j + 500))
          .execute();
    });
  for (let i = 0; i < updates.length; i += BATCH)
    await db.transaction().execute(async (trx) => {
      for (const r of updates.slice(i, i + BATCH))
        await trx.updateTable('drug_rxnorm_concepts').set(r).where('rxcui', '=', r.rxcui).execute();
    });
  counts.inserted = inserts.length;
  counts.updated = updates.length;
  return counts;
}

async function syncNdcLinks(db: Db, runId: string, links: Map<string, string>): Promise<Counts> {
  const counts = zeroCounts();
  const existing = new Map(
    (await db.selectFrom('drug_ndc_rxcui').select(['ndc11', 'rxcui']).execute()).map((r) => [
      r.ndc11,
      r.rxcui,
    ]),
  );
  const inserts: { ndc11: string; rxcui: string; last_run_id: string }[] = [];
  const updates: typeof inserts = [];
  for (const [ndc11, rxcui] of links) {
    const prev = existing.get(ndc11);
    if (prev === undefined) inserts.push({ ndc11, rxcui, last_run_id: runId });
    else if (prev !== rxcui) updates.push({ ndc11, rxcui, last_run_id: runId });
    else counts.unchanged++;
  }
  await db.transaction().execute(async (trx) => {
    for (let j = 0; j < inserts.length; j += 1000)
      await trx
        .insertInto('drug_ndc_rxcui')
        .values(inserts.slice(j, j + 1000))
        .execute();
    for (const r of updates)
      await trx.updateTable('drug_ndc_rxcui').set(r).where('ndc11', '=', r.ndc11).execute();
  });
  counts.inserted = inserts.length;
  counts.updated = updates.length;
  return counts;
}
