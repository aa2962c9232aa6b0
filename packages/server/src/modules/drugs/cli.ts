import type { Command } from 'commander';
import { withDatabase } from '../../cli/context';
import { printResult, table, UsageError } from '../../cli/output';
import type { Ctx } from '../../platform/actor';
import type { Db } from '../../platform/db/database';
import { systemCtx } from '../../platform/system';
import { importFormulary } from '../formulary/import';
import { importNdcDirectory } from './import/ndc-import';
import { importNiosh } from './import/niosh-import';
import type { ImportSummary } from './import/runs';
import { importRxnorm } from './import/rxnorm-import';
import { searchDrugs } from './service';
import { loadStarterCatalogue } from './starter';

const n = (x: number) => x.toLocaleString('en-US');

export function formatSummary(s: ImportSummary): string {
  const rows = Object.entries(s.parts).map(([part, c]) => ({
    part,
    rows: n(c.rows),
    inserted: n(c.inserted),
    updated: n(c.updated),
    unchanged: n(c.unchanged),
    rejected: n(c.rejected),
    obsoleted: n(c.obsoleted),
  }));
  const lines = [
    `Import ${s.kind} (${s.source}) finished in ${(s.durationMs / 1000).toFixed(1)} s — run ${s.runId}`,
    table(rows, ['part', 'rows', 'inserted', 'updated', 'unchanged', 'rejected', 'obsoleted']),
  ];
  if (s.rejects.length) {
    lines.push(
      '',
      `Rejected lines${s.rejected > s.rejects.length ? ` (first ${s.rejects.length} of ${s.rejected})` : ''}:`,
    );
    for (const r of s.rejects) lines.push(`  ${r.file}:${r.line}  ${r.field}: ${r.reason}`);
  }
  return lines.join('\n');
}

/** The CLI's actor (null before any organization exists: the audit entry then names no organization). */
async function cliCtx(db: Db): Promise<Ctx | null> {
  const ctx = await systemCtx(db);
  return ctx.actor.organizationId ? ctx : null;
}

export function registerDrugCommands(program: Command): void {
  const imp = program
    .command('import')
    .description('Import reference files (streaming; re-importing the same file changes nothing)');
  const progress = () => !!process.stderr.isTTY;

  imp
    .command('ndc')
    .description(
      'FDA NDC Directory product + package files (finished or unfinished layout, told by the header row)',
    )
    .requiredOption('--product <file>', 'product.txt (tab-delimited, ISO-8859-1)')
    .requiredOption('--package <file>', 'package.txt')
    .action(async (o: { product: string; package: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      const s = await withDatabase(g, async ({ db }) =>
        importNdcDirectory(db, await cliCtx(db), {
          productFile: o.product,
          packageFile: o.package,
          progress: !g.json && progress(),
        }),
      );
      printResult(!!g.json, s, () => formatSummary(s));
    });

  imp
    .command('rxnorm')
    .description('RxNorm RXNCONSO.RRF (SAB=RXNORM names) and optionally RXNSAT.RRF (NDC → RxCUI)')
    .requiredOption('--rxnconso <file>', 'RXNCONSO.RRF')
    .option('--rxnsat <file>', 'RXNSAT.RRF')
    .action(async (o: { rxnconso: string; rxnsat?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      const s = await withDatabase(g, async ({ db }) =>
        importRxnorm(db, await cliCtx(db), {
          rxnconso: o.rxnconso,
          ...(o.rxnsat ? { rxnsat: o.rxnsat } : {}),
          progress: !g.json && progress(),
        }),
      );
      printResult(!!g.json, s, () => formatSummary(s));
    });

  imp
    .command('niosh')
    .description('NIOSH hazardous-drug list as CSV: name,group (1, 2 or 3); see docs/drugs.md')
    .argument('<file>')
    .action(async (file: string, _o: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      const s = await withDatabase(g, async ({ db }) => importNiosh(db, await cliCtx(db), file));
      printResult(!!g.json, s, () => formatSummary(s));
    });

  imp
    .command('formulary')
    .description('A formulary as CSV or JSON (see docs/drugs.md); organization-wide unless --site is given')
    .argument('<file>')
    .option('--site <code>', 'site code: load into that site’s formulary')
    .action(async (file: string, o: { site?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      const s = await withDatabase(g, async ({ db }) => {
        const ctx = await systemCtx(db);
        if (!ctx.actor.organizationId)
          throw new UsageError('create an organization first (apotheca seed --demo or an admin)');
        let siteId: string | null = null;
        if (o.site) {
          const site = await db
            .selectFrom('sites')
            .select('id')
            .where('code', '=', o.site)
            .executeTakeFirst();
          if (!site) throw new UsageError(`no site with code ${o.site}`);
          siteId = site.id;
        }
        return importFormulary(db, ctx, file, siteId);
      });
      printResult(!!g.json, s, () =>
        [
          `Formulary (${s.level}) ${s.formularyId}: inserted ${s.inserted}, updated ${s.updated}, unchanged ${s.unchanged}, rejected ${s.rejected}`,
          ...s.rejects.map((r) => `  ${r.file}:${r.line}  ${r.field}: ${r.reason}`),
        ].join('\n'),
      );
    });

  const drugs = program.command('drugs').description('The drug knowledge base');
  drugs
    .command('search')
    .description('Type-ahead search: name prefix, NDC in any form, GTIN, GS1 scan or RxCUI')
    .argument('<query>')
    .option('--limit <n>', 'maximum hits', '20')
    .action(async (query: string, o: { limit: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      const limit = Number(o.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new UsageError('--limit must be 1–500');
      const r = await withDatabase(g, ({ db }) => searchDrugs(db, null, { q: query, limit }));
      printResult(!!g.json, r, () =>
        r.items.length
          ? table(
              r.items.map((h) => ({
                ndc: h.ndc11Dashed,
                name: h.name,
                strength: h.strength ?? '',
                form: h.dosageForm ?? '',
                package: (h.packageDescription ?? '').slice(0, 50),
                status: h.active ? '' : 'obsolete',
              })),
              ['ndc', 'name', 'strength', 'form', 'package', 'status'],
            )
          : `No drug matches "${query}".`,
      );
    });
  drugs
    .command('load-starter')
    .description(
      'Load the bundled starter catalogue (about 300 common drugs with real NDCs; no download needed)',
    )
    .action(async (_o: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      const s = await withDatabase(g, async ({ db }) => loadStarterCatalogue(db, await cliCtx(db)));
      printResult(!!g.json, s, () => formatSummary(s));
    });
}
