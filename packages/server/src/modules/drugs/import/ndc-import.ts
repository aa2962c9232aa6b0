import fs from 'node:fs';
import path from 'node:path';
import { normalizeNdc } from '@apotheca/core/ndc';
import type { Ctx } from '../../../platform/actor';
import type { Db } from '../../../platform/db/database';
import { AppError } from '../../../platform/errors';
import { invalidateCatalogue } from '../catalogue';
import { type Header, parsePackage, parseProduct, type Reject, readHeader } from './fda-rows';
import { readLines } from './lines';
import { applyLinks } from './links';
import { createProgress } from './progress';
import { failRun, finishRun, type ImportSummary, MAX_REJECTS_KEPT, startRun } from './runs';
import { TableSync } from './sync';

export interface NdcImportOptions {
  productFile: string;
  packageFile: string;
  /** Draw a progress bar on stderr when it is a terminal (CLI). */
  progress?: boolean;
}

async function header(file: string, kind: 'product' | 'package'): Promise<Header> {
  for await (const l of readLines(file, 'latin1')) {
    const h = readHeader(l.text, kind);
    if ('missing' in h)
      throw new AppError(
        400,
        'bad_header',
        `${path.basename(file)} is not an FDA NDC ${kind} file: missing column(s) ${h.missing.join(', ')}`,
      );
    return h;
  }
  throw new AppError(400, 'empty_file', `${path.basename(file)} is empty`);
}

/**
 * Imports an FDA NDC Directory product + package file pair (finished or unfinished layout, told by the header),
 * streaming both files. Products are written before packages so every package finds its product.
 */
export async function importNdcDirectory(
  db: Db,
  ctx: Ctx | null,
  o: NdcImportOptions,
): Promise<ImportSummary> {
  const started = Date.now();
  const ph = await header(o.productFile, 'product');
  const kh = await header(o.packageFile, 'package');
  const source = `fda-${ph.layout}`;
  const runId = await startRun(db, 'ndc', source, [o.productFile, o.packageFile]);
  const rejects: Reject[] = [];
  let rejected = { products: 0, packages: 0 };
  const reject = (part: 'products' | 'packages', r: Reject) => {
    rejected = { ...rejected, [part]: rejected[part] + 1 };
    if (rejects.length < MAX_REJECTS_KEPT) rejects.push(r);
  };
  try {
    const products = new TableSync(db, 'drug_products', 'id', source, runId);
    await products.load();
    const productFile = path.basename(o.productFile);
    let rows = 0;
    let bar = createProgress('products', o.progress ? fs.statSync(o.productFile).size : 0);
    for await (const l of readLines(o.productFile, 'latin1')) {
      if (l.no === 1 || l.text.trim() === '') continue;
      rows++;
      const p = parseProduct(ph, l.text);
      if (!p.ok) {
        reject('products', { file: productFile, line: l.no, field: p.field, reason: p.reason });
        products.keep(l.text.split('\t')[ph.index.get('PRODUCTID') ?? 0]?.trim() ?? '');
      } else if (!(await products.stage({ ...p.row }, l.no)))
        reject('products', {
          file: productFile,
          line: l.no,
          field: 'PRODUCTID',
          reason: `duplicate of line ${products.lineOf(p.row.id)}`,
        });
      bar.update(l.bytes, rows);
    }
    await products.finish();
    bar.done();
    const productRows = rows;

    // Packages of another source (e.g. the starter catalogue) are never marked obsolete by this import.
    const packages = new TableSync(db, 'drug_packages', 'ndc11', source, runId);
    await packages.load();
    const packageFile = path.basename(o.packageFile);
    rows = 0;
    bar = createProgress('packages', o.progress ? fs.statSync(o.packageFile).size : 0);
    const ids = { has: (id: string) => products.has(id) };
    for await (const l of readLines(o.packageFile, 'latin1')) {
      if (l.no === 1 || l.text.trim() === '') continue;
      rows++;
      const p = parsePackage(kh, l.text, ids);
      if (!p.ok) {
        reject('packages', { file: packageFile, line: l.no, field: p.field, reason: p.reason });
        const n = normalizeNdc(l.text.split('\t')[kh.index.get('NDCPACKAGECODE') ?? 2]?.trim() ?? '');
        if (n.ok) packages.keep(n.ndc11);
      } else if (!(await packages.stage({ ...p.row }, l.no)))
        // FDA's own files hold a few such pairs: one labeler listing 5-4-1 and 5-3-2 codes that pad to one NDC-11.
        reject('packages', {
          file: packageFile,
          line: l.no,
          field: 'NDCPACKAGECODE',
          reason: `its 11-digit form ${p.row.ndc11} is already taken by line ${packages.lineOf(p.row.ndc11)}`,
        });
      bar.update(l.bytes, rows);
    }
    await packages.finish();
    bar.done();
    // New products pick up RxCUIs and NIOSH groups already loaded; not counted as imported rows.
    await applyLinks(db);
    const summary = await finishRun(db, ctx, {
      runId,
      kind: 'ndc',
      source,
      files: [o.productFile, o.packageFile],
      parts: {
        products: { ...products.counts, rejected: rejected.products, rows: productRows },
        packages: { ...packages.counts, rejected: rejected.packages, rows },
      },
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
